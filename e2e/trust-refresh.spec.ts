// The Trust mode as a user runs it: in Chromium, through the real proxy, against a TUF repository built and signed
// at test time; verified metadata is cached in IndexedDB, and a rollback fails at its step.
import { expect, test, type Page } from '@playwright/test';
import { createTestInstance } from '../test/support/sigstore';
import { startTufRepository, type TufRepository } from '../test/support/tuf/repository';
import { startServer, type RunningServer } from '../src/server/start-server';
import { proxyPolicyFromEnv } from '../src/proxy';
import { APP_DIR } from './support/app-server';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const trustedRootText = JSON.stringify(createTestInstance().trustedRoot());
let repo: TufRepository;
let app: RunningServer;

test.beforeAll(async () => {
  repo = await startTufRepository();
  repo.rotateRoot({ newRootKeys: true });
  repo.publish({ 'trusted_root.json': trustedRootText });
  repo.publish({ 'trusted_root.json': trustedRootText });
  app = await startServer({ port: 0, host: '127.0.0.1', root: APP_DIR, proxy: proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: '1', SIGNET_PROXY_TUF_HOSTS: new URL(repo.url).host }) });
});
test.afterAll(async () => {
  await app?.close();
  await repo?.close();
});

// Refresh the test repository from its seed root.json in the Trust mode.
async function refresh(page: Page) {
  await page.getByRole('button', { name: /Refresh/ }).click();
  await expect(page.locator('[data-tuf-verdict]')).toBeVisible();
}

test('refresh by TUF: each step on a timeline, what changed, cached in IndexedDB, a rollback caught, the root used', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('tab', { name: 'Trust' }).click();
  await page.getByRole('radio', { name: /Another repository/ }).check();
  await page.getByLabel('Repository URL').fill(repo.url);
  await page.getByLabel('Trusted root.json of this repository').setInputFiles({ name: 'root.json', mimeType: 'application/json', buffer: Buffer.from(repo.seedRoot) });
  await refresh(page);
  await expect(page.locator('[data-tuf-verdict]')).toHaveAttribute('data-tuf-verdict', 'verified');
  for (const id of ['tuf.root', 'tuf.timestamp', 'tuf.snapshot', 'tuf.targets', 'tuf.target']) await expect(page.locator(`li[data-step="${id}"]`)).toHaveAttribute('data-status', 'pass');
  await expect(page.locator('li[data-step="tuf.root"]')).toContainText('Root version 2');
  await expect(page.getByRole('table', { name: 'Changes against the embedded root' }).locator('tr[data-change="added"]').first()).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'IndexedDB' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/tuf-01-refreshed.png`, fullPage: true });
  await expectAccessible(page, 'trust refresh verified');

  // A second refresh starts from the metadata verified before, read back from IndexedDB.
  await refresh(page);
  await expect(page.locator('[data-tuf-verdict]')).toHaveAttribute('data-tuf-verdict', 'verified');
  await expect(page.getByRole('note').filter({ hasText: 'IndexedDB' })).toBeVisible();
  expect(await page.evaluate(() => new Promise<number>((resolve) => {
    const req = indexedDB.open('signet-tuf');
    req.onsuccess = () => {
      const count = req.result.transaction('metadata').objectStore('metadata').count();
      count.onsuccess = () => resolve(count.result);
    };
  }))).toBeGreaterThanOrEqual(3);

  // The repository now serves an older timestamp than the one cached: a rollback, failed at its step.
  repo.serveOldTimestamp(1);
  await refresh(page);
  await expect(page.locator('[data-tuf-verdict]')).toHaveAttribute('data-tuf-verdict', 'failed');
  await expect(page.locator('li[data-step="tuf.timestamp"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('li[data-step="tuf.timestamp"]')).toContainText('TUF_ROLLBACK');
  await expect(page.getByRole('button', { name: 'Use this trusted root for verification' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/tuf-02-rollback.png`, fullPage: true });
  await expectAccessible(page, 'trust refresh failed');
});

test('an expired timestamp fails at its step; a verified root becomes the Verify mode’s trust choice', async ({ page }) => {
  const expired = await startTufRepository();
  const fresh = await startTufRepository();
  try {
    expired.publish({ 'trusted_root.json': trustedRootText }, { expireRole: 'timestamp' });
    fresh.publish({ 'trusted_root.json': trustedRootText });
    const hosts = [expired.url, fresh.url].map((u) => new URL(u).host).join(',');
    const server = await startServer({ port: 0, host: '127.0.0.1', root: APP_DIR, proxy: proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: '1', SIGNET_PROXY_TUF_HOSTS: hosts }) });
    try {
      await page.goto(server.url);
      await page.getByRole('tab', { name: 'Trust' }).click();
      await page.getByRole('radio', { name: /Another repository/ }).check();
      await page.getByLabel('Repository URL').fill(expired.url);
      await page.getByLabel('Trusted root.json of this repository').setInputFiles({ name: 'root.json', mimeType: 'application/json', buffer: Buffer.from(expired.seedRoot) });
      await refresh(page);
      await expect(page.locator('li[data-step="tuf.timestamp"]')).toContainText('TUF_EXPIRED');
      await expect(page.getByRole('note').filter({ hasText: 'Nothing was refreshed' })).toBeVisible();
      await page.getByLabel('Repository URL').fill(fresh.url);
      await page.getByLabel('Trusted root.json of this repository').setInputFiles({ name: 'root.json', mimeType: 'application/json', buffer: Buffer.from(fresh.seedRoot) });
      await refresh(page);
      await expect(page.locator('[data-tuf-verdict]')).toHaveAttribute('data-tuf-verdict', 'verified');
      await page.getByRole('button', { name: 'Use this trusted root for verification' }).click();
      await expect(page.getByRole('note').filter({ hasText: 'refreshed by TUF' })).toBeVisible();
      await expect(page.getByRole('radio', { name: /Custom trusted_root.json/ })).toBeChecked();
    } finally {
      await server.close();
    }
  } finally {
    await expired.close();
    await fresh.close();
  }
});
