// Cancel in the modes that share the worker runner with the Verify mode: a live check, a Policy dry run and a TUF
// refresh, each waiting on a real test server (Rekor v1, registry, TUF repository) held behind a gate that never
// answers, is stopped from its progress bar; each leaves "Cancelled" with its form kept, and once the gate lets the
// server answer, the next run succeeds.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createTestInstance, type BundleJson } from '../test/support/sigstore';
import { startRekorV1Server, type RekorV1Server } from '../test/support/live-log/rekor-v1-server';
import { startTufRepository, type TufRepository } from '../test/support/tuf/repository';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../test/support/registry/start-registry';
import { pushSignedImages, type SignedImages } from '../test/support/registry/signed-images';
import type { RunningServer } from '../src/server/start-server';
import { startAppServer } from './support/app-server';
import { startHeldServer, type HeldServer } from './support/held-server';
import { kyvernoKeylessPolicy } from './support/kyverno-policy';
import { verifyThenOpenLive } from './support/verify-then-open-live';
import { expect, test } from './support/fixtures';

const SHOTS = 'test-results/screenshots';
const instance = createTestInstance();
const artifact = new TextEncoder().encode('a live check that is cancelled\n');
const digest = `sha256:${createHash('sha256').update(artifact).digest('hex')}`;
const missingRegistry = registryMissingReason();
let rekor: RekorV1Server;
let tuf: TufRepository;
let registry: RunningRegistry | undefined;
let images: SignedImages | undefined;
let gates: { rekor: HeldServer; tuf: HeldServer; registry?: HeldServer };
let app: RunningServer;
let bundle: BundleJson;
let rootJson: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rekor = await startRekorV1Server(instance);
  const signed = instance.signMessage(artifact);
  rekor.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  bundle = rekor.reprove(signed.bundle);
  tuf = await startTufRepository();
  tuf.publish({ 'trusted_root.json': JSON.stringify(instance.trustedRoot()) });
  gates = { rekor: await startHeldServer(rekor.url), tuf: await startHeldServer(tuf.url) };
  if (!missingRegistry) {
    registry = await startRegistry();
    gates.registry = await startHeldServer(registry.url);
    // Signed for the gate's address, the name the dry run pulls them by.
    images = await pushSignedImages(registry.url, gates.registry.host, instance);
  }
  // The trusted root names where its log is reached: the gate before the test Rekor.
  const root = instance.trustedRoot() as { tlogs: { baseUrl: string }[] };
  root.tlogs[0]!.baseUrl = gates.rekor.url;
  rootJson = JSON.stringify(root);
  app = await startAppServer({ SIGNET_PROXY_REKOR_HOSTS: gates.rekor.host, SIGNET_PROXY_TUF_HOSTS: gates.tuf.host });
});

test.afterAll(async () => {
  await app?.close();
  for (const g of Object.values(gates ?? {})) await g?.close();
  await rekor?.close();
  await tuf?.close();
  await registry?.stop();
});

const mode = (page: Page, name: string) => page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name, exact: true }).click();
const cancelledNote = (page: Page) => page.locator('[data-run-status="cancelled"]');

// Start a run with `start`, wait until the held server has the connection, press Cancel (from the keyboard), and check
// the Cancelled state: the note within 5 s (the proxy's own bound is 20 s), no alert, no progress left.
async function cancelWhileHeld(page: Page, gate: HeldServer, start: () => Promise<void>, cancelName: string, note: string) {
  gate.hold();
  const before = gate.connections();
  await start();
  const cancel = page.getByRole('button', { name: cancelName });
  await expect(cancel).toBeVisible();
  await expect.poll(() => gate.connections()).toBeGreaterThan(before);
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(cancelledNote(page)).toBeVisible({ timeout: 5_000 });
  await expect(cancelledNote(page)).toContainText('Cancelled');
  await expect(cancelledNote(page)).toContainText(note);
  await expect(page.locator('[data-run-status="running"]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('live check: Cancel stops a check the log never answers; the next check, once the log answers, verifies', async ({ page }) => {
  await verifyThenOpenLive(page, app.url, { rootJson, bundle, digest });
  const check = page.getByRole('button', { name: 'Check against the live log' });
  await cancelWhileHeld(page, gates.rekor, () => check.click(), 'Cancel the live check', 'nothing was checked against it');
  await expect(page.locator('[data-live-verdict]')).toHaveCount(0);
  // The verification it belongs to is untouched.
  await expect(page.getByRole('status', { name: 'Verdict' }).first()).toHaveAttribute('data-verdict', 'verified');
  await page.screenshot({ path: `${SHOTS}/62-live-check-cancelled.png`, fullPage: true });

  gates.rekor.release();
  await check.click();
  await expect(page.locator('[data-live-verdict]')).toHaveAttribute('data-live-verdict', 'verified');
  await expect(cancelledNote(page)).toHaveCount(0);
});

test('Policy dry run: Cancel stops a run the registry never answers; the form is kept and the next run admits', async ({ page }) => {
  test.skip(!!missingRegistry, `SKIPPED: ${missingRegistry}`);
  const gate = gates.registry!;
  const policy = kyvernoKeylessPolicy(`${gate.host}/*`, images!.issuer);
  const image = `${gate.host}/app:keyless-sig`;
  await page.goto(app.url);
  await mode(page, 'Policy');
  await page.getByLabel('Policy YAML').fill(policy);
  await page.getByRole('textbox', { name: 'Image references' }).fill(image);
  await page.getByRole('group', { name: 'Cluster settings' }).getByLabel('Load trusted_root.json').setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await expect(page.getByText('test_root.json (loaded)')).toBeVisible();
  const evaluate = page.getByRole('button', { name: 'Evaluate', exact: true });
  await cancelWhileHeld(page, gate, () => evaluate.click(), 'Cancel the dry run', 'no container was decided');
  await expect(page.locator('tr[data-status]')).toHaveCount(0);
  await expect(page.getByLabel('Policy YAML')).toHaveValue(policy);
  await expect(page.getByRole('textbox', { name: 'Image references' })).toHaveValue(image);
  await expect(page.getByText('test_root.json (loaded)')).toBeVisible();
  await expect(evaluate).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/63-policy-cancelled.png`, fullPage: true });

  gate.release();
  await evaluate.click();
  await expect(page.getByRole('heading', { name: '✓ Every container would be admitted' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('tr[data-status]').first()).toHaveAttribute('data-status', 'admit');
  await expect(cancelledNote(page)).toHaveCount(0);
});

test('TUF refresh: Cancel stops a refresh the repository never answers; the form is kept and the next refresh verifies', async ({ page }) => {
  await page.goto(app.url);
  await mode(page, 'Trust');
  await page.getByRole('radio', { name: /Another repository/ }).check();
  await page.getByLabel('Repository URL').fill(gates.tuf.url);
  await page.getByLabel('Trusted root.json of this repository').setInputFiles({ name: 'root.json', mimeType: 'application/json', buffer: Buffer.from(tuf.seedRoot) });
  const refresh = page.getByRole('button', { name: 'Refresh the trusted root' });
  await cancelWhileHeld(page, gates.tuf, () => refresh.click(), 'Cancel the refresh', 'the trusted root in use is unchanged');
  await expect(page.locator('[data-tuf-verdict]')).toHaveCount(0);
  await expect(page.getByLabel('Repository URL')).toHaveValue(gates.tuf.url);
  await expect(page.getByRole('radio', { name: /Another repository/ })).toBeChecked();
  await expect(refresh).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/64-tuf-refresh-cancelled.png`, fullPage: true });

  gates.tuf.release();
  await refresh.click();
  await expect(page.locator('[data-tuf-verdict]')).toHaveAttribute('data-tuf-verdict', 'verified');
  await expect(cancelledNote(page)).toHaveCount(0);
});
