// The Transparency log mode in Chromium, through the app's real proxy to a Rekor v1-compatible server over the test
// instance's log: search by e-mail and by digest, open an entry (decoded body, verified steps), a tampered entry
// failing at the step that catches it, and an artifact verified against an entry with the right and another file.
import { test as base, expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { startAppServer } from './support/app-server';
import type { RunningServer } from '../src/server/start-server';
import { createTestInstance, generateKey, type SignResult } from '../test/support/sigstore';
import { startRekorV1Server, type RekorV1Server } from '../test/support/live-log/rekor-v1-server';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const EMAIL = 'auditor@signet.test';
const ISSUER = 'https://accounts.signet.test';
const instance = createTestInstance();
const artifact = Buffer.from('the artifact a release logged\n');
const digest = `sha256:${createHash('sha256').update(artifact).digest('hex')}`;
const uuidOf = (s: SignResult) => createHash('sha256').update(Uint8Array.of(0)).update(Buffer.from(s.bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody, 'base64')).digest('hex');
const rootFile = () => ({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });

let rekor: RekorV1Server;
let app: RunningServer;
let keyless: SignResult[];
let keyed: SignResult;
const other = generateKey('ecdsa-p256');

const test = base.extend({});
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  rekor = await startRekorV1Server(instance);
  // Entries of others first, so the ones searched for sit inside a larger log.
  for (let i = 0; i < 30; i++) rekor.record(instance.signMessage(Buffer.from(`other ${i}`), { material: 'publicKey', key: other, faults: { noInclusionProof: true } }).bundle.verificationMaterial.tlogEntries[0]!);
  keyless = [0, 1].map(() => instance.signMessage(artifact, { identity: { san: { email: EMAIL }, issuer: ISSUER } }));
  keyed = instance.signMessage(artifact, { material: 'publicKey', key: generateKey('ecdsa-p256') });
  for (const s of keyless) rekor.record(s.bundle.verificationMaterial.tlogEntries[0]!, { email: EMAIL });
  rekor.record(keyed.bundle.verificationMaterial.tlogEntries[0]!);
  app = await startAppServer({ SIGNET_PROXY_REKOR_HOSTS: new URL(rekor.url).host });
});
test.afterAll(async () => {
  await app?.close();
  await rekor?.close();
});

// Open the mode against the test log, trusting the test instance.
async function openMode(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name: 'Transparency log' }).click();
  await page.getByLabel('Log URL').fill(rekor.url);
  await page.locator('form[aria-label="Transparency log"] input[type=file][accept=".json"]').setInputFiles(rootFile());
  await expect(page.getByText('test_root.json (loaded)')).toBeVisible();
}

// Search the index.
async function search(page: Page, by: string, value: string): Promise<void> {
  await page.getByLabel('Search by', { exact: true }).selectOption(by);
  await page.locator('form[aria-label="Transparency log"] input.font-mono').nth(1).fill(value);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' });
const results = (page: Page) => page.getByRole('list', { name: 'Search results' }).locator('li');
const checks = (page: Page) => page.getByRole('region', { name: 'Checks of this entry' });

test('search by e-mail and by digest finds the logged entries; an entry shows its decoded body and verified steps', async ({ page }) => {
  await openMode(page);
  await expect(page.getByRole('note').filter({ hasText: 'deprecated upstream' })).toBeVisible();
  await search(page, 'email', EMAIL);
  await expect(page.getByRole('heading', { name: `2 entries found for e-mail ${EMAIL}` })).toBeVisible();
  await expect(results(page)).toHaveCount(2);
  for (const s of keyless) {
    const row = page.locator(`li[data-entry="${uuidOf(s)}"]`);
    await expect(row).toContainText(`log index ${s.bundle.verificationMaterial.tlogEntries[0]!.logIndex}`);
    await expect(row).toContainText('hashedrekord 0.0.1');
  }
  await page.screenshot({ path: `${SHOTS}/log-01-search-email.png`, fullPage: true });
  await expectAccessible(page, 'log search results');

  await search(page, 'sha', digest);
  await expect(page.getByRole('heading', { name: `3 entries found for artifact digest ${digest}` })).toBeVisible();
  await expect(results(page)).toHaveCount(3);
  await expect(page.locator(`li[data-entry="${uuidOf(keyed)}"]`)).toBeVisible();

  await page.locator(`li[data-entry="${uuidOf(keyless[0]!)}"] button`).click();
  const body = page.getByLabel('Decoded body');
  await expect(body).toContainText(digest);
  await expect(body).toContainText(EMAIL);
  await expect(body).toContainText(ISSUER);
  for (const id of ['rekor.entry', 'cert.chain', 'cert.sct', 'signature', 'tlog.set', 'tlog.inclusion', 'tlog.checkpoint']) {
    await expect(checks(page).locator(`li[data-step="${id}"]`)).toHaveAttribute('data-status', 'pass');
  }
  // The certificate tab is the existing certificate view, fed by the entry's record.
  await checks(page).getByRole('tab', { name: 'Certificate' }).click();
  await expect(checks(page).getByRole('tabpanel', { name: 'Certificate' })).toContainText(EMAIL);
  await expectAccessible(page, 'log entry: certificate');
  await checks(page).getByRole('tab', { name: 'Timeline' }).click();
  await page.screenshot({ path: `${SHOTS}/log-02-entry.png`, fullPage: true });
  await expectAccessible(page, 'log entry');
  await page.getByRole('button', { name: '← Back to the results' }).click();
  await expect(results(page)).toHaveCount(3);
});

test('search by public key: 30 results in pages of 20, each page fetched and checked when shown', async ({ page }) => {
  await openMode(page);
  await page.getByLabel('Search by', { exact: true }).selectOption('public-key');
  await page.getByLabel('Public key (PEM)').fill(other.pem);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: '30 entries found for a public key' })).toBeVisible();
  await expect(results(page)).toHaveCount(20);
  await expect(page.getByText('Entries 1–20 of 30 (page 1 of 2)')).toBeVisible();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText('Entries 21–30 of 30 (page 2 of 2)')).toBeVisible();
  await expect(results(page)).toHaveCount(10);
  await expect(results(page).first()).toContainText('hashedrekord 0.0.1');
});

test('verify an artifact against an entry: the right file verifies, another file fails at artifact.bind', async ({ page }, testInfo) => {
  await openMode(page);
  await page.getByText('Get one entry').click();
  await page.getByLabel('UUID, entry ID or log index').fill(uuidOf(keyless[1]!));
  await page.getByRole('button', { name: 'Get entry' }).click();
  await expect(page.getByRole('heading', { name: `Log entry ${keyless[1]!.bundle.verificationMaterial.tlogEntries[0]!.logIndex}` })).toBeVisible();
  const form = page.getByRole('form', { name: 'Verify an artifact against this entry' });
  const right = testInfo.outputPath('release.txt');
  const wrong = testInfo.outputPath('other.txt');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(right, artifact);
  writeFileSync(wrong, 'not the release\n');
  await form.locator('input[type=file]').setInputFiles(right);
  await form.getByLabel('Expected identity (optional)').fill(EMAIL);
  await form.getByLabel('Expected OIDC issuer').fill(ISSUER);
  await form.getByRole('button', { name: 'Verify against this entry' }).click();
  const verified = page.getByLabel('Artifact verified against this entry');
  await expect(verified.getByRole('status', { name: 'Verdict' })).toHaveAttribute('data-verdict', 'verified');
  await expect(verified.locator('li[data-step="artifact.bind"]')).toHaveAttribute('data-status', 'pass');
  await expect(verified.locator('li[data-step="policy.identity"]')).toHaveAttribute('data-status', 'pass');
  await page.screenshot({ path: `${SHOTS}/log-03-artifact-verified.png`, fullPage: true });
  await expectAccessible(page, 'log entry: artifact verified against it');

  await form.locator('input[type=file]').setInputFiles(wrong);
  await form.getByRole('button', { name: 'Verify against this entry' }).click();
  await expect(verified.getByRole('status', { name: 'Verdict' })).toHaveAttribute('data-verdict', 'failed');
  await expect(verified.locator('li[data-step="artifact.bind"]')).toHaveAttribute('data-status', 'fail');
  await expect(verified.getByRole('status', { name: 'Verdict' })).toContainText('artifact.bind');
});

test('a tampered entry (a wrong inclusion proof) fails at tlog.inclusion; a URI SAN is refused before anything is sent', async ({ page }) => {
  await openMode(page);
  rekor.lies = { wrongInclusionProof: true };
  try {
    await page.getByText('Get one entry').click();
    await page.getByLabel('UUID, entry ID or log index').fill(String(keyless[0]!.bundle.verificationMaterial.tlogEntries[0]!.logIndex));
    await page.getByRole('button', { name: 'Get entry' }).click();
    await expect(checks(page).locator('li[data-step="tlog.inclusion"]')).toHaveAttribute('data-status', 'fail');
    await expect(verdict(page).first()).toHaveAttribute('data-verdict', 'failed');
    await expect(verdict(page).first()).toContainText('tlog.inclusion');
    await expect(checks(page).locator('li[data-step="rekor.entry"]')).toHaveAttribute('data-status', 'pass');
    await page.screenshot({ path: `${SHOTS}/log-04-tampered.png`, fullPage: true });
    await expectAccessible(page, 'log entry: failed');
  } finally {
    rekor.lies = {};
  }
  await page.getByText('Search the index').click();
  const before = rekor.requests.length;
  await search(page, 'san', 'https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main');
  await expect(page.getByRole('alert')).toContainText('REKOR_SEARCH_UNSUPPORTED');
  expect(rekor.requests.length).toBe(before);
  // A log the server is not configured to reach: the proxy refuses, and the page says how a log is allowed.
  await page.getByLabel('Log URL').fill('http://127.0.0.1:9/');
  await search(page, 'email', EMAIL);
  await expect(page.getByRole('alert')).toContainText('PROXY_METHOD_REFUSED');
  await expect(page.getByRole('alert')).toContainText('SIGNET_PROXY_REKOR_HOSTS');
});

test('phone width and dark mode (and desktop dark): results and an entry render without overflow', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openMode(page);
  await search(page, 'email', EMAIL);
  await expect(results(page)).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/log-05-phone-dark-results.png`, fullPage: true });
  await expectAccessible(page, 'phone: log search results');
  await results(page).first().locator('button').click();
  await expect(checks(page).locator('li[data-step="tlog.checkpoint"]')).toHaveAttribute('data-status', 'pass');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/log-06-phone-dark-entry.png`, fullPage: true });
  await expectAccessible(page, 'phone: log entry');
  await page.getByRole('region', { name: /Log entry/ }).screenshot({ path: `${SHOTS}/log-07-phone-dark-entry-header.png` });
  await page.getByRole('form', { name: 'Verify an artifact against this entry' }).screenshot({ path: `${SHOTS}/log-08-phone-dark-verify-form.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/log-09-desktop-dark-entry.png` });
});
