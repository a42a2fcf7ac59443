// From image reference to verdict in the app: Chromium → the app's proxy → a real registry process.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { useSignedRegistry } from './support/signed-registry';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const signed = useSignedRegistry();
const instance = signed.instance;

// Choose image mode, load the test instance's trusted root, give the reference and the signer, verify.
async function verifyImage(page: Page, appUrl: string, tag: string, signer: { identity?: string; issuer?: string; keyPem?: string } = {}) {
  await page.goto(appUrl);
  await page.getByText('An image in a registry').click();
  await page.getByLabel('Image reference').fill(`${signed.registry.host}/app:${tag}`);
  if (signer.keyPem) {
    await page.getByRole('radio', { name: 'Public key' }).check();
    await page.getByLabel('Public key PEM').fill(signer.keyPem);
  } else {
    await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(signer.identity ?? signed.images.san);
    await page.getByLabel('OIDC issuer').fill(signer.issuer ?? signed.images.issuer);
  }
  await page.locator('input[type=file][accept=".json,application/json"]').last().setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' }).first();

test('a keyless cosign signature is found at its .sig tag and verifies, through the proxy', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'keyless-sig');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(verdict(page)).toContainText(signed.images.digests['keyless-sig']);
  // Verified by tag: the step warns and names the digest that was verified.
  await expect(page.locator('li[data-step="image.resolve"]')).toHaveAttribute('data-status', 'warn');
  await expect(page.locator('li[data-step="image.discover"]')).toContainText('cosign-sig-tag');
  await expect(page.locator('li[data-signature="0"]')).toHaveAttribute('data-verdict', 'verified');
  await page.screenshot({ path: `${SHOTS}/20-image-keyless-sig.png`, fullPage: true });
  await expectAccessible(page, 'image verified');
});

test('a bundle referrer via the referrers tag schema, a .att attestation, and a keyed signature with its key', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'bundle');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(page.locator('li[data-signature="0"]')).toContainText('referrers tag schema');
  await verifyImage(page, appUrl, 'att');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(page.locator('li[data-signature="0"]')).toContainText('cosign attestation via the cosign .att tag');
  await verifyImage(page, appUrl, 'keyed-sig', { keyPem: signed.images.keyPem });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
});

test('an unsigned image says no signatures were found, and where it looked', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'unsigned');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('image.discover');
  await expect(page.locator('li[data-step="image.discover"]')).toContainText('OCI_NO_SIGNATURES');
  await expect(page.locator('li[data-step="image.discover"]')).toContainText('sha256-');
  await page.screenshot({ path: `${SHOTS}/21-image-unsigned.png`, fullPage: true });
  await expectAccessible(page, 'image unsigned');
});

test('a signature copied from another image: found, and refused at artifact.bind', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'tampered');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('Signatures found, none verified');
  const card = page.locator('li[data-signature="0"]');
  await expect(card).toHaveAttribute('data-verdict', 'failed');
  await expect(card).toContainText('IMAGE_BINDING_MISMATCH');
  await page.screenshot({ path: `${SHOTS}/22-image-tampered.png`, fullPage: true });
});

test('the wrong signer fails at policy.identity naming both identities', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'wrong-identity');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('mallory@example.com');
  await expect(verdict(page)).toContainText(signed.images.san);
});

test('a multi-arch index lists every platform and flags that only the index is signed', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'multi');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(page.locator('tr[data-platform="linux/amd64"]')).toContainText('unsigned');
  await expect(page.locator('tr[data-platform="linux/arm64/v8"]')).toContainText('unsigned');
  await expect(page.getByRole('note')).toContainText('Only the index is signed');
  await page.screenshot({ path: `${SHOTS}/23-image-multi-arch.png`, fullPage: true });
  await expectAccessible(page, 'image multi-arch');
});
