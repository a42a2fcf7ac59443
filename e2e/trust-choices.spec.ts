// Trust choices and digests in the app: a GitHub-private-instance-shaped bundle (no transparency log, no CT log, an
// RFC 3161 timestamp only) fails by default and verifies with the choices, and sha512 subjects verify by digest and file.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { buildClassCases, type ClassCase } from '../test/support/real-world-classes';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const cases = buildClassCases();
const github = cases.find((c) => c.kind === 'no transparency log' && c.expect.verdict === 'verified')!;
const sha512File = cases.find((c) => c.kind === 'sha512 subject' && c.expect.verdict === 'verified' && 'hex' in (c.artifact ?? {}))!;
const sha512Digest = cases.find((c) => c.kind === 'sha512 subject' && c.expect.verdict === 'verified' && 'digest' in (c.artifact ?? {}) && c.bundle.includes('dsseEnvelope'))!;

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' });
const step = (page: Page, id: string) => page.locator(`li[data-step="${id}"]`);
const trust = (page: Page) => page.getByRole('group', { name: /Trust/ });

// Load a case's bundle, trusted root, artifact (as a file or a typed digest) and signer into the form.
async function fill(page: Page, c: ClassCase) {
  await page.getByLabel('Bundle JSON').fill(c.bundle);
  await page.getByLabel('Load a trusted_root.json').setInputFiles({ name: 'private_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c.trustedRoot)) });
  if (c.artifact && 'digest' in c.artifact) {
    await page.getByRole('radio', { name: 'Digest' }).check();
    await page.getByLabel('Artifact digest').fill(c.artifact.digest);
  } else if (c.artifact) {
    await page.getByRole('radio', { name: 'File' }).check();
    await page.getByLabel('Choose the artifact').setInputFiles({ name: 'app.jar', mimeType: 'application/octet-stream', buffer: Buffer.from(c.artifact.hex, 'hex') });
  }
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(c.identity);
  await page.getByLabel('OIDC issuer').fill(c.issuer);
}

const verifyButton = (page: Page) => page.getByRole('button', { name: 'Verify', exact: true });

test('a trusted root with no logs says so up front; its bundle fails by default and verifies with the choices', async ({ page, appUrl, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(appUrl);
  await fill(page, github);
  // Before anything is verified, the notice names what this root cannot check and the choices that waive it.
  const notice = page.getByRole('note', { name: 'Trusted root without logs' });
  await expect(notice).toContainText('no transparency log and no Certificate Transparency log');
  await expect(notice).toContainText('“Ignore the transparency log”, “Ignore SCTs” and “Require a signed timestamp”');
  await expect(page.getByRole('status', { name: 'Verdict' })).toHaveCount(0);
  await trust(page).screenshot({ path: `${SHOTS}/20-no-logs-notice.png` });

  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('cert.sct');
  await expect(step(page, 'cert.sct')).toHaveAttribute('data-status', 'fail');
  await expect(step(page, 'cert.sct')).toContainText('SCT_MISSING');

  // The notice's button makes the choices; each is a labelled checkbox a keyboard reaches.
  await notice.getByRole('button', { name: 'Choose them' }).click();
  await expect(page.getByRole('checkbox', { name: /Ignore the transparency log/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Ignore SCTs/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Require a signed timestamp/ })).toBeChecked();
  await expect(page.getByLabel('transparency-log entries required')).toHaveValue('0');
  await expect(page.getByLabel('SCTs from distinct CT logs required')).toHaveValue('0');
  await expect(notice.getByRole('button', { name: 'Choose them' })).toHaveCount(0);
  const weakened = trust(page).locator('span', { hasText: /^Weakened:/ });
  await expect(weakened.locator('code')).toHaveText(['--insecure-ignore-tlog', '--insecure-ignore-sct', '--use-signed-timestamps']);
  await trust(page).screenshot({ path: `${SHOTS}/21-trust-choices.png` });
  await expectAccessible(page, 'trust choices made (insecure options)');

  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(verdict(page)).toContainText('Not checked, as the verifier options asked: cert.sct, tlog.body');
  for (const id of ['cert.sct', 'tlog.body']) await expect(step(page, id)).toHaveAttribute('data-status', 'warn');
  for (const id of ['cert.chain', 'signature', 'timestamp.rfc3161', 'time.validity', 'policy.identity']) await expect(step(page, id)).toHaveAttribute('data-status', 'pass');
  await expect(step(page, 'tlog.body')).toContainText('nothing shows this signature was ever made public');
  await page.screenshot({ path: `${SHOTS}/22-no-logs-verified-with-choices.png`, fullPage: true });
  await expectAccessible(page, 'verified with waived checks');

  // The Markdown report names the choices, as the flags that ask for them.
  await page.getByRole('tab', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download report\.md/ }).click();
  const markdown = readFileSync(await (await download).path(), 'utf8');
  expect(markdown).toContain('verifier options --insecure-ignore-tlog --insecure-ignore-sct --use-signed-timestamps');

  // The share link carries them too (the trusted root is left out, and said so).
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page).toHaveURL(/#v1=/);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('checkbox', { name: /Ignore the transparency log/ })).toBeChecked();
  await expect(second.getByRole('checkbox', { name: /Require a signed timestamp/ })).toBeChecked();
  await expect(second.getByLabel('SCTs from distinct CT logs required')).toHaveValue('0');

  // Back to the defaults from the keyboard: the same bundle fails again at the same step.
  await page.getByRole('button', { name: 'Back to the defaults' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: /Ignore SCTs/ })).not.toBeChecked();
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(step(page, 'cert.sct')).toHaveAttribute('data-status', 'fail');
});

test('a count outside 0 to 16 stops the form with a reason', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await fill(page, github);
  await page.locator('summary', { hasText: 'Verifier options' }).click();
  // The Trust section, notice and options open.
  const section = 'form[aria-label="Verification inputs"] > fieldset:last-of-type';
  await expect(page.locator(section).locator('legend')).toHaveText(/Trust/);
  await expectAccessible(page, 'trust section and verifier options', { include: section, anyImpact: true });
  await expectAccessible(page, 'trust choices and verifier options');
  await page.getByLabel('verified times required (log entries or RFC 3161)').fill('17');
  await expect(verifyButton(page)).toBeDisabled();
  await expect(page.getByText('Each count under Trust is a whole number from 0 to 16.')).toBeVisible();
  await page.getByLabel('verified times required (log entries or RFC 3161)').fill('2');
  await expect(verifyButton(page)).toBeEnabled();
});

test('a sha512-only subject verifies from a typed sha512: digest and from the file', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await fill(page, sha512Digest);
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(step(page, 'artifact.bind')).toContainText('sha512:');
  await page.screenshot({ path: `${SHOTS}/23-sha512-digest-verified.png`, fullPage: true });

  await fill(page, sha512File);
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await step(page, 'artifact.bind').locator('button[aria-expanded]').click();
  await expect(step(page, 'artifact.bind')).toContainText(`sha512:${(sha512Digest.artifact as { digest: string }).digest.slice(7)}`);
  await page.screenshot({ path: `${SHOTS}/24-sha512-file-verified.png`, fullPage: true });
});

test('Trust section and notice at phone width, in dark mode', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(appUrl);
  await fill(page, github);
  await page.getByRole('note', { name: 'Trusted root without logs' }).getByRole('button', { name: 'Choose them' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await trust(page).screenshot({ path: `${SHOTS}/25-trust-phone-dark.png` });
  await verifyButton(page).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await verdict(page).screenshot({ path: `${SHOTS}/26-no-logs-verdict-phone-dark.png` });
  await step(page, 'tlog.body').screenshot({ path: `${SHOTS}/27-waived-step-phone-dark.png` });
});
