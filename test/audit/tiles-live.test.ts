// Live checks against a C2SP tlog-tiles server over the test instance's Rekor v2 log: checkpoint, inclusion
// and consistency from tiles, the entry from its entry bundle; a forked or lying log is caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBundle, parseTrustedRootJson, type VerificationResult } from '../../src/core';
import { checkAgainstLiveLog, type AuditFetch } from '../../src/audit';
import { createTestInstance, type SignResult } from '../support/sigstore';
import { startTilesServer, type TilesServer } from '../support/live-log/tiles-server';

const fetcher: AuditFetch = (url, init) => fetch(url, init);
const instance = createTestInstance({ rekorV2: { prefill: 0, witnesses: ['witness.signet.test'] } });
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
let server: TilesServer;
let signed: SignResult;

beforeAll(async () => {
  server = await startTilesServer(instance);
  server.fill(70_000);
  signed = instance.signMessage(new TextEncoder().encode('tiled artifact'), { rekor: 'v2' });
  server.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  server.fill(1_234);
}, 120_000);
afterAll(() => server.close());

const tiles: string[] = [];
const live = (): Promise<VerificationResult> =>
  checkAgainstLiveLog(parseBundle(JSON.stringify(signed.bundle)).tlogEntries, { fetch: fetcher, trustedRoot, logUrl: () => server.url, onTile: (p) => tiles.push(p), limits: { timeoutMs: 60_000 } });
const step = (r: VerificationResult, id: string) => r.steps.find((s) => s.id === id)!;
const reset = () => {
  server.view = instance.rekorV2.tree;
  server.lies = {};
};

describe('a Rekor v2 entry against the live tiles', () => {
  it('verifies the checkpoint, inclusion from tiles, the entry bundle and consistency from the bundle’s checkpoint', async () => {
    reset();
    tiles.length = 0;
    const result = await live();
    expect(result.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['live.checkpoint:pass', 'live.inclusion:pass', 'live.consistency:pass']);
    expect(result.verdict).toBe('verified');
    // Only tiles a verified checkpoint implies: every partial one is as wide as today's size makes it.
    const size = instance.rekorV2.tree.size;
    for (const p of tiles.filter((t) => t.includes('.p/'))) {
      const [, level, , width] = /^tile\/(\d+|entries)\/(.*)\.p\/(\d+)$/.exec(p)!;
      const l = level === 'entries' ? 0 : Number(level);
      expect(Number(width)).toBe(Math.floor(size / 256 ** l) % 256);
    }
    const drawn = step(result, 'live.inclusion').evidence.find((e) => e.key === 'tiles');
    expect(drawn?.kind).toBe('json');
  });

  it('a forked tile log (same history up to N, another after) fails consistency and names both roots', async () => {
    reset();
    const entry = signed.bundle.verificationMaterial.tlogEntries[0]!;
    const entryIndex = Number(entry.logIndex);
    const bundleSize = Number(entry.inclusionProof!.treeSize);
    const bundleRoot = Buffer.from(entry.inclusionProof!.rootHash, 'base64').toString('hex');
    // A split view: up to N = 1000 the same; then another history that still carries the entry at its index.
    const forked = server.fork(1000, entryIndex - 1000);
    server.append(Buffer.from(entry.canonicalizedBody, 'base64'));
    for (let i = 0; i < 2000; i++) server.append(new TextEncoder().encode(`{"after":${i}}`));
    const result = await live();
    reset();
    expect(step(result, 'live.inclusion').status).toBe('pass');
    const consistency = step(result, 'live.consistency');
    expect(consistency.code).toBe('TLOG_FORKED');
    expect(consistency.detail?.expected).toContain(bundleRoot);
    expect(consistency.detail?.found).toContain(Buffer.from(forked.root(bundleSize)).toString('hex'));
    expect(result.verdict).toBe('failed');
  });

  it('a lying tile server is caught: a wrong tile, a wrong entry bundle', async () => {
    reset();
    server.lies = { wrongTile: true };
    const wrongTile = await live();
    expect(['TLOG_INCLUSION_INVALID', 'TLOG_TILE_INVALID']).toContain(step(wrongTile, 'live.inclusion').code);
    server.lies = { wrongEntry: true };
    expect(step(await live(), 'live.inclusion').code).toBe('REKOR_ENTRY_MISMATCH');
    reset();
  });
});
