// "Check against the live log" as a user runs it: in Chromium, through the real proxy, against a Rekor v1-compatible
// server and a tlog-tiles (Rekor v2) server over the test instance's logs; a forked log fails loudly.
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createTestInstance, type BundleJson, type TestInstance } from '../test/support/sigstore';
import { b64, ed25519Raw, generateKey } from '../test/support/sigstore/keys';
import { noteKeyId } from '../test/support/sigstore/signed-note';
import { startRekorV1Server, type RekorV1Server } from '../test/support/live-log/rekor-v1-server';
import { startTilesServer, type TilesServer } from '../test/support/live-log/tiles-server';
import { freePort } from '../test/support/live-log/http-server';
import { startServer, type RunningServer } from '../src/server/start-server';
import { proxyPolicyFromEnv } from '../src/proxy';
import { APP_DIR } from './support/app-server';
import { expectAccessible } from './support/accessibility';
import { verifyThenOpenLive } from './support/verify-then-open-live';

const SHOTS = 'test-results/screenshots';
const artifact = new TextEncoder().encode('checked against the live log\n');
const digest = `sha256:${createHash('sha256').update(artifact).digest('hex')}`;
let instance: TestInstance;
let rekor: RekorV1Server;
let tiles: TilesServer;
let app: RunningServer;
let rootJson: string;
let v1Bundle: BundleJson;
let v2Bundle: BundleJson;
let witnessVkey: string;

test.beforeAll(async () => {
  // A tile log signs as its origin, its URL's host: it must be named by the address it is served on.
  const tilesPort = await freePort();
  instance = createTestInstance({ rekorV2: { host: `127.0.0.1:${tilesPort}`, prefill: 0, witnesses: ['witness.signet.test'] } });
  rekor = await startRekorV1Server(instance);
  tiles = await startTilesServer(instance, tilesPort);
  for (let i = 0; i < 3; i++) rekor.record(instance.signMessage(new TextEncoder().encode(`earlier ${i}`)).bundle.verificationMaterial.tlogEntries[0]!);
  const signed = instance.signMessage(artifact);
  rekor.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  for (let i = 0; i < 4; i++) rekor.record(instance.signMessage(new TextEncoder().encode(`later ${i}`)).bundle.verificationMaterial.tlogEntries[0]!);
  // A power-of-two size hides a fork behind a wrong proof (RFC 9162 §2.1.4.2); keep the bundle's size off it.
  if ((instance.rekorV1.tree.size & (instance.rekorV1.tree.size - 1)) === 0) instance.rekorV1.tree.append(new TextEncoder().encode('one more leaf'));
  v1Bundle = rekor.reprove(signed.bundle);
  tiles.fill(700);
  const tiled = instance.signMessage(artifact, { rekor: 'v2' });
  tiles.record(tiled.bundle.verificationMaterial.tlogEntries[0]!);
  tiles.fill(300);
  v2Bundle = tiled.bundle;
  witnessVkey = vkeyOf(w0().name, ed25519Raw(w0().key.spki));
  // The trusted root names where each log is reached: here, the loopback test servers.
  const root = instance.trustedRoot() as { tlogs: { baseUrl: string }[] };
  root.tlogs[0]!.baseUrl = rekor.url;
  root.tlogs[1]!.baseUrl = tiles.url;
  rootJson = JSON.stringify(root);
  const hosts = [rekor.url, tiles.url].map((u) => new URL(u).host).join(',');
  app = await startServer({ port: 0, host: '127.0.0.1', root: APP_DIR, proxy: proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: '1', SIGNET_PROXY_REKOR_HOSTS: hosts }) });
});
test.afterAll(async () => {
  await app?.close();
  await rekor?.close();
  await tiles?.close();
});

const w0 = () => instance.rekorV2.witnesses[0]!;
// A C2SP vkey for a cosigner's raw Ed25519 key: name+keyid+base64(0x04 ‖ key).
const vkeyOf = (name: string, raw: Uint8Array) => `${name}+${Buffer.from(noteKeyId(name, 0x04, raw).subarray(0, 4)).toString('hex')}+${b64(Uint8Array.of(0x04, ...raw))}`;

const liveStep = (page: Page, id: string) => page.locator(`[data-live-verdict] li[data-step="${id}"]`);

test('a Rekor v1 entry checks against the live log: today’s head, inclusion, consistency', async ({ page }) => {
  await verifyThenOpenLive(page, app.url, { rootJson, bundle: v1Bundle, digest });
  await page.getByRole('button', { name: 'Check against the live log' }).click();
  await expect(page.locator('[data-live-verdict]')).toHaveAttribute('data-live-verdict', 'verified');
  for (const id of ['live.checkpoint', 'live.inclusion', 'live.consistency']) await expect(liveStep(page, id)).toHaveAttribute('data-status', 'pass');
  await expect(liveStep(page, 'live.witness')).toHaveAttribute('data-status', 'skip');
  await expect(liveStep(page, 'live.witness')).toContainText('no witness keys');
  await expect(page.getByRole('alert', { name: 'The log forked' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/live-01-rekor-v1-verified.png`, fullPage: true });
  await expectAccessible(page, 'live log: Rekor v1 verified');
});

test('a forked Rekor v1 log fails loudly, with both signed roots and tree sizes', async ({ page }) => {
  const honest = instance.rekorV1.tree;
  const honestSize = Number(v1Bundle.verificationMaterial.tlogEntries[0]!.inclusionProof!.treeSize);
  const honestRoot = Buffer.from(v1Bundle.verificationMaterial.tlogEntries[0]!.inclusionProof!.rootHash, 'base64').toString('hex');
  await verifyThenOpenLive(page, app.url, { rootJson, bundle: v1Bundle, digest });
  // The log now shows another history after the entry: the bundle's checkpoint is no prefix of it.
  const forked = rekor.fork(Number(v1Bundle.verificationMaterial.tlogEntries[0]!.logIndex) + 1, 50);
  try {
    await page.getByRole('button', { name: 'Check against the live log' }).click();
    const alert = page.getByRole('alert', { name: 'The log forked' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('The log forked (split view)');
    await expect(alert).toContainText(honestRoot);
    await expect(alert).toContainText(Buffer.from(forked.root()).toString('hex'));
    await expect(alert).toContainText(`${honestSize.toLocaleString('en')} leaves`);
    await expect(alert).toContainText(`${forked.size.toLocaleString('en')} leaves`);
    await expect(page.locator('[data-live-verdict]')).toHaveAttribute('data-live-verdict', 'failed');
    await expect(liveStep(page, 'live.consistency')).toHaveAttribute('data-status', 'fail');
    await expect(liveStep(page, 'live.consistency')).toContainText('TLOG_FORKED');
    await page.screenshot({ path: `${SHOTS}/live-02-forked.png`, fullPage: true });
    await expectAccessible(page, 'live log: split view');
  } finally {
    rekor.view = honest;
  }
});

test('a Rekor v2 entry checks against the live tiles, with a witness key; the tiles used are drawn', async ({ page }) => {
  await verifyThenOpenLive(page, app.url, { rootJson, bundle: v2Bundle, digest });
  await page.getByLabel('Witness keys (optional, one vkey per line)').fill(witnessVkey);
  await page.getByRole('button', { name: 'Check against the live log' }).click();
  await expect(page.locator('[data-live-verdict]')).toHaveAttribute('data-live-verdict', 'verified');
  for (const id of ['live.checkpoint', 'live.witness', 'live.inclusion', 'live.consistency']) await expect(liveStep(page, id)).toHaveAttribute('data-status', 'pass');
  const inclusion = page.locator('figure[data-tiles="inclusion"]');
  await expect(inclusion).toBeVisible();
  await expect(inclusion.locator('li[data-tile^="tile/1/"]')).toHaveCount(1);
  await expect(inclusion).toContainText('partial:');
  await expect(page.locator('figure[data-tiles="consistency"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/live-03-tiles.png`, fullPage: true });
  await expectAccessible(page, 'live log: tiles drawn');
  // A key that never cosigned today's head: below the threshold, the live verdict fails.
  await page.getByLabel('Witness keys (optional, one vkey per line)').fill(vkeyOf(w0().name, ed25519Raw(generateKey('ed25519').spki)));
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(page.locator('[data-live-verdict]')).toHaveAttribute('data-live-verdict', 'failed');
  await expect(liveStep(page, 'live.witness')).toContainText('WITNESS_THRESHOLD');
});
