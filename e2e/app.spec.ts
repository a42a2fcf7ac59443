// The web app as a user drives it, in Debian's Chromium against the built app served by `npm start`'s server.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { createTestInstance, DEFAULT_IDENTITY } from '../test/support/sigstore';
import { downloadSignatureLine, signImageLayer } from '../test/support/sigstore/cosign-legacy';

const FIXTURE = JSON.parse(readFileSync('src/features/verify/examples/dockerhub-buildkittest.sigstore.json', 'utf8'));
const IMAGE_DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const SHOTS = 'test-results/screenshots';

// Fill the form with a bundle, a digest and an identity, then verify.
async function verifyWith(page: Page, bundle: string, opts: { digest: string; identity?: string; issuer?: string; inspect?: boolean }) {
  await page.getByLabel('Bundle JSON').fill(bundle);
  await page.getByRole('radio', { name: 'Digest' }).check();
  await page.getByLabel('Artifact digest').fill(opts.digest);
  if (opts.inspect) {
    await page.getByRole('radio', { name: 'Inspect only' }).check();
  } else {
    await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(opts.identity ?? '');
    await page.getByLabel('OIDC issuer').fill(opts.issuer ?? '');
  }
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' });

test.beforeEach(async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened: input was executed');
  });
});

test('the built-in example verifies offline and shows every step', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.screenshot({ path: `${SHOTS}/01-empty.png`, fullPage: true });
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(verdict(page)).toContainText('kasiramkompella@gmail.com');
  const steps = page.locator('li[data-step]');
  await expect(steps).toHaveCount(14);
  for (const id of ['bundle.parse', 'artifact.bind', 'cert.decode', 'cert.chain', 'cert.sct', 'signature', 'tlog.body', 'tlog.set', 'tlog.inclusion', 'tlog.checkpoint', 'timestamp.rfc3161', 'time.validity', 'policy.identity']) {
    await expect(page.locator(`li[data-step="${id}"]`)).toHaveAttribute('data-status', 'pass');
  }
  await page.screenshot({ path: `${SHOTS}/02-example-verified.png`, fullPage: true });
  // An expanded step explains itself and shows its evidence.
  await page.locator('li[data-step="tlog.inclusion"] button[aria-expanded]').click();
  await expect(page.locator('li[data-step="tlog.inclusion"]')).toContainText('Why it matters');
  await expect(page.locator('li[data-step="tlog.inclusion"]')).toContainText('RFC 6962');
  await page.screenshot({ path: `${SHOTS}/03-inclusion-expanded.png`, fullPage: true });
  const views: Array<[string, string | RegExp]> = [
    ['Certificate', 'Token Subject'],
    ['DSSE', 'https://sigstore.dev/cosign/sign/v1'],
    ['Transparency log', '✓ match'],
    ['Timestamp', 'sigstore-tsa'],
    ['Pin identity', "--certificate-identity='kasiramkompella@gmail.com'"],
    ['Export', 'Download report.md'],
  ];
  for (const [tab, shows] of views) {
    await page.getByRole('tablist', { name: 'Result views' }).getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel', { name: tab })).toContainText(shows);
    await page.screenshot({ path: `${SHOTS}/04-tab-${tab.toLowerCase().replace(/ /g, '-')}.png`, fullPage: true });
  }
});

test('a wrong identity fails at policy.identity naming both identities', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await verifyWith(page, JSON.stringify(FIXTURE), { digest: IMAGE_DIGEST, identity: 'someone@example.com', issuer: 'https://accounts.google.com' });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('policy.identity');
  await expect(verdict(page)).toContainText('someone@example.com');
  await expect(verdict(page)).toContainText('kasiramkompella@gmail.com');
  await expect(page.locator('li[data-step="policy.identity"]')).toContainText('POLICY_IDENTITY_MISMATCH');
  await page.screenshot({ path: `${SHOTS}/05-wrong-identity.png`, fullPage: true });
});

test('one flipped signature byte fails at signature', async ({ page, appUrl }) => {
  const tampered = structuredClone(FIXTURE);
  const sig = Buffer.from(tampered.dsseEnvelope.signatures[0].sig, 'base64');
  sig[sig.length - 5] = sig[sig.length - 5]! ^ 0x01;
  tampered.dsseEnvelope.signatures[0].sig = sig.toString('base64');
  await page.goto(appUrl);
  await verifyWith(page, JSON.stringify(tampered), { digest: IMAGE_DIGEST, identity: 'kasiramkompella@gmail.com', issuer: 'https://accounts.google.com' });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('signature');
  await expect(page.locator('li[data-step="signature"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('li[data-step="signature"]')).toContainText('SIGNATURE_INVALID');
  await page.screenshot({ path: `${SHOTS}/06-flipped-signature.png`, fullPage: true });
});

test('a SAN holding markup is shown as text and never executed', async ({ page, appUrl }) => {
  const instance = createTestInstance();
  const xss = '<img src=x onerror=alert(1)>@example.com';
  const artifact = new TextEncoder().encode('xss test');
  const signed = instance.signMessage(artifact, { identity: { san: { email: xss }, issuer: 'https://accounts.google.com' } });
  await page.goto(appUrl);
  await page.locator('input[type=file][accept=".json,application/json"]').nth(1).setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await verifyWith(page, JSON.stringify(signed.bundle), { digest: `sha256:${Buffer.from(await crypto.subtle.digest('SHA-256', artifact)).toString('hex')}`, identity: xss, issuer: 'https://accounts.google.com' });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(verdict(page)).toContainText(xss);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Certificate' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Certificate' })).toContainText(xss);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/07-xss-san-as-text.png`, fullPage: true });
});

test('the share link restores inputs and policy and verifies again', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page).toHaveURL(/#v1=/);
  const link = page.url();
  expect(new URL(link).search).toBe('');
  const second = await context.newPage();
  await second.goto(link);
  await expect(verdict(second)).toHaveAttribute('data-verdict', 'verified');
  await expect(second.getByLabel('Certificate identity (SAN: e-mail or URI)')).toHaveValue('kasiramkompella@gmail.com');
  await expect(second.getByLabel('Artifact digest')).toHaveValue(IMAGE_DIGEST);
  await second.screenshot({ path: `${SHOTS}/08-opened-from-share-link.png`, fullPage: true });
});

test('the Markdown export holds the verdict', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await verifyWith(page, JSON.stringify(FIXTURE), { digest: IMAGE_DIGEST, identity: 'someone@example.com', issuer: 'https://accounts.google.com' });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await page.getByRole('tab', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download report\.md/ }).click();
  const file = await (await download).path();
  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toMatch(/FAIL/);
  expect(markdown).toContain('policy.identity');
  expect(markdown).toContain('POLICY_IDENTITY_MISMATCH');
  expect(markdown).toContain('kasiramkompella@gmail.com');
});

test('phone-sized, dark and keyboard-only use', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(appUrl);
  // Reach "Try an example" and press it with the keyboard alone.
  await page.getByRole('button', { name: /Try an example/ }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.locator('li[data-step="cert.chain"] button[aria-expanded]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('li[data-step="cert.chain"] button[aria-expanded]')).toHaveAttribute('aria-expanded', 'true');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/09-phone-dark.png`, fullPage: true });
});

test('a large artifact is hashed in chunks in the worker, with progress, and verifies', async ({ page, appUrl }, testInfo) => {
  test.setTimeout(120_000);
  // 80 MiB: above the 64 MiB whole-file limit, so the worker streams it through the incremental digest.
  const size = 80 * 1024 * 1024;
  const artifact = new Uint8Array(size);
  for (let i = 0; i < size; i += 4096) artifact[i] = (i >> 12) & 0xff;
  const path = testInfo.outputPath('large-artifact.bin');
  writeFileSync(path, artifact);
  const instance = createTestInstance();
  const signed = instance.signMessage(artifact, { identity: { san: { email: 'release@example.com' }, issuer: 'https://accounts.google.com' } });
  await page.goto(appUrl);
  await page.locator('input[type=file][accept=".json,application/json"]').nth(1).setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await page.getByLabel('Bundle JSON').fill(JSON.stringify(signed.bundle));
  await page.getByRole('radio', { name: 'File' }).check();
  await page.locator('input[type=file]:not([accept])').setInputFiles(path);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill('release@example.com');
  await page.getByLabel('OIDC issuer').fill('https://accounts.google.com');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText(/Hashing the artifact: \d+ of 80 MiB/)).toBeVisible();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified', { timeout: 60_000 });
  // Past the whole-file limit the signature is checked over the digest alone.
  await page.locator('li[data-step="signature"] button[aria-expanded]').click();
  await expect(page.locator('li[data-step="signature"]')).toContainText('digest-only verification');
});

test('a pasted `cosign download signature` dump: each signature verified against the image digest', async ({ page, appUrl }) => {
  const instance = createTestInstance();
  const mine = { digest: `sha256:${'a1'.repeat(32)}`, repository: 'ghcr.io/signet-test/app' };
  const other = { digest: `sha256:${'b2'.repeat(32)}`, repository: 'ghcr.io/signet-test/app' };
  const dump = [downloadSignatureLine(signImageLayer(instance, other)), downloadSignatureLine(signImageLayer(instance, mine))].join('\n');
  await page.goto(appUrl);
  await page.locator('input[type=file][accept=".json,application/json"]').nth(1).setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await verifyWith(page, dump, { digest: mine.digest, identity: (DEFAULT_IDENTITY.san as { uri: string }).uri, issuer: DEFAULT_IDENTITY.issuer });
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(verdict(page)).toContainText('1 of 2 signatures verified');
  await expect(page.locator('li[data-signature="0"]')).toHaveAttribute('data-verdict', 'failed');
  await expect(page.locator('li[data-signature="1"]')).toHaveAttribute('data-verdict', 'verified');
  await page.locator('li[data-signature="0"] > button').click();
  await expect(page.locator('li[data-signature="0"]')).toContainText('IMAGE_BINDING_MISMATCH');
  await page.screenshot({ path: `${SHOTS}/12-pasted-cosign-dump.png`, fullPage: true });
});
