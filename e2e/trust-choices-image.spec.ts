// Trust choices in image mode and in the Policy mode: an image whose only signature comes from an instance with no
// transparency log and no CT log (as GitHub's private instance signs: an RFC 3161 timestamp only), pushed to a real
// registry, fails by default and verifies with the choices, each waived check a warn step; "Evaluate" on its pinned
// Kyverno policy carries the same choices into the Policy mode, whose decision turns on them.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { useSignedRegistry } from './support/signed-registry';
import { DEFAULT_IDENTITY } from '../test/support/sigstore';
import { signImageLayer } from '../test/support/sigstore/cosign-legacy';
import { pushClient } from '../test/support/registry/push';
import { buildImage } from '../test/support/registry/image-builders';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const signed = useSignedRegistry();
let image = '';

// The image and its one signature at its cosign .sig tag, as `cosign sign --tlog-upload=false` with a timestamp
// authority writes it: no log entry, no SCT, an RFC 3161 timestamp annotation.
test.beforeAll(async () => {
  const push = pushClient(signed.registry.url);
  const built = buildImage({ os: 'linux', architecture: 'amd64' }, new TextEncoder().encode('layer of a private-instance image'));
  await push.push('private', built, 'v1');
  const { layer } = signImageLayer(signed.instance, { digest: built.digest, repository: `${signed.registry.host}/private` }, { rekor: 'none', tsa: true, faults: { noSct: true } });
  await push.pushCosignTag('private', built.digest, 'sig', [{ mediaType: layer.mediaType, bytes: layer.payload as Uint8Array<ArrayBuffer>, annotations: layer.annotations }]);
  image = `${signed.registry.host}/private@${built.digest}`;
});

// The instance's trusted root without its logs: what a private instance with no transparency log publishes.
const noLogRoot = () => ({ name: 'private_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...signed.instance.trustedRoot(), tlogs: [], ctlogs: [] })) });
const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' }).first();
const signatureStep = (page: Page, id: string) => page.locator(`li[data-signature="0"] li[data-step="${id}"]`);
const verifyButton = (page: Page) => page.getByRole('button', { name: 'Verify', exact: true });
const choice = (page: Page, name: RegExp) => page.getByRole('checkbox', { name });

// Image mode with the no-log root and the signer; the verifier options as they are.
async function fillImage(page: Page) {
  await page.goto('/');
  await page.getByText('An image in a registry').click();
  await page.getByLabel('Image reference').fill(image);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill((DEFAULT_IDENTITY.san as { uri: string }).uri);
  await page.getByLabel('OIDC issuer').fill(DEFAULT_IDENTITY.issuer);
  await page.getByLabel('Load a trusted_root.json').setInputFiles(noLogRoot());
  await expect(page.getByRole('note', { name: 'Trusted root without logs' })).toContainText('no transparency log and no Certificate Transparency log');
}

// The three choices GitHub's private instance needs, ticked one by one.
async function chooseNoLogs(page: Page) {
  await page.locator('summary', { hasText: 'Verifier options' }).click();
  await choice(page, /Ignore the transparency log/).check();
  await choice(page, /Ignore SCTs/).check();
  await choice(page, /Require a signed timestamp/).check();
}

test('image mode: a no-log signature fails by default and verifies with the Trust choices, each waived check a warn step', async ({ page }) => {
  await fillImage(page);
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(page.locator('li[data-signature="0"]')).toHaveAttribute('data-verdict', 'failed');
  await expect(signatureStep(page, 'cert.sct')).toHaveAttribute('data-status', 'fail');
  await expect(signatureStep(page, 'cert.sct')).toContainText('SCT_MISSING');

  await chooseNoLogs(page);
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  // The image's own banner names the waived checks, as the signature's does.
  await expect(verdict(page)).toContainText('Not checked, as the verifier options asked: cert.sct, tlog.body');
  await expect(page.locator('li[data-signature="0"]')).toHaveAttribute('data-verdict', 'verified');
  for (const id of ['cert.sct', 'tlog.body']) await expect(signatureStep(page, id)).toHaveAttribute('data-status', 'warn');
  for (const id of ['cert.chain', 'signature', 'artifact.bind', 'timestamp.rfc3161', 'time.validity', 'policy.identity']) await expect(signatureStep(page, id)).toHaveAttribute('data-status', 'pass');
  await expect(signatureStep(page, 'tlog.body')).toContainText('nothing shows this signature was ever made public');
  await page.screenshot({ path: `${SHOTS}/28-image-no-logs-verified-with-choices.png`, fullPage: true });
  await expectAccessible(page, 'image verified with waived checks');
});

test('Policy mode: Evaluate carries the Trust choices; the policy admits with them and denies without them', async ({ page }) => {
  await fillImage(page);
  await chooseNoLogs(page);
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.locator('li[data-signature="0"]').getByRole('tab', { name: 'Pin identity' }).click();
  await page.getByRole('button', { name: 'Evaluate Kyverno policy' }).click();

  // The Policy mode opens with the image, the same trusted root and the same verifier options.
  await expect(page.getByRole('textbox', { name: 'Image references' })).toHaveValue(image);
  await expect(page.getByText('private_root.json (loaded)')).toBeVisible();
  for (const name of [/Ignore the transparency log/, /Ignore SCTs/, /Require a signed timestamp/]) await expect(choice(page, name)).toBeChecked();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByRole('heading', { name: '✓ Every container would be admitted' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-status]').first()).toHaveAttribute('data-status', 'admit');
  const note = page.getByRole('note', { name: 'Verifier options' });
  await expect(note.locator('code')).toHaveText(['--insecure-ignore-tlog', '--insecure-ignore-sct', '--use-signed-timestamps']);
  // The timeline the decision rests on shows each waived check as a warn step.
  await page.locator('tr[data-status]').first().getByRole('button', { name: /Details/ }).click();
  await page.getByText(`Timeline: ${image}`).click();
  for (const id of ['cert.sct', 'tlog.body']) await expect(signatureStep(page, id)).toHaveAttribute('data-status', 'warn');
  await expect(signatureStep(page, 'timestamp.rfc3161')).toHaveAttribute('data-status', 'pass');
  await page.screenshot({ path: `${SHOTS}/44-policy-with-trust-choices.png`, fullPage: true });
  await expectAccessible(page, 'policy decisions with trust choices');

  // The same policy and image with the defaults: the signature fails at cert.sct and the container is denied.
  await page.getByRole('button', { name: 'Back to the defaults' }).click();
  await expect(choice(page, /Ignore SCTs/)).not.toBeChecked();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByRole('heading', { name: '✗ The Pod would not be admitted' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-status]').first()).toHaveAttribute('data-status', 'deny');
  await expect(page.locator('tr[data-status]').first()).toContainText('no matching signatures');
  await expect(page.getByRole('note', { name: 'Verifier options' })).toHaveCount(0);
  await page.locator('tr[data-status]').first().getByRole('button', { name: /Details/ }).click();
  await expect(page.getByLabel('Authorities and attestor entries')).toContainText('SCT_MISSING');
});
