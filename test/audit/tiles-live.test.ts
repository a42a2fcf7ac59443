// Live checks against a C2SP tlog-tiles server over the test instance's Rekor v2 log: checkpoint, witness
// cosignatures, inclusion and consistency from tiles, the entry from its entry bundle; a forked or lying log is caught.
// The tree (5,235 leaves, the entry at 4,000) is built once for the file: two tile levels, partial tiles at both,
// and a bundle checkpoint whose partial tiles differ from today's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBundle, parseTrustedRootJson, type VerificationResult } from '../../src/core';
import { checkAgainstLiveLog, witnessPolicy, type AuditFetch, type ForkDrawing, type TilesDrawing, type WitnessPolicy } from '../../src/audit';
import { createTestInstance, type SignResult } from '../support/sigstore';
import { b64, ed25519Raw, generateKey } from '../support/sigstore/keys';
import { noteKeyId } from '../support/sigstore/signed-note';
import { startTilesServer, type TilesServer } from '../support/live-log/tiles-server';
import { rejectionCode as errorCode } from '../support/error-code';

const fetcher: AuditFetch = (url, init) => fetch(url, init);
// A fixed clock: cosignature times are then exact, whenever the server answers.
const NOW = new Date('2026-06-01T12:00:00Z');
const instance = createTestInstance({ now: () => NOW, rekorV2: { prefill: 0, witnesses: ['witness.signet.test', 'witness2.signet.test'] } });
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const BEFORE = 4_000;
const AFTER = 1_235;
let server: TilesServer;
let signed: SignResult;

beforeAll(async () => {
  server = await startTilesServer(instance);
  server.fill(BEFORE);
  signed = instance.signMessage(new TextEncoder().encode('tiled artifact'), { rekor: 'v2' });
  server.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  server.fill(AFTER - 1);
});
afterAll(() => server.close());

// A C2SP vkey (name+keyid+base64(0x04 ‖ Ed25519 key)) for a cosigner's raw key.
const vkey = (name: string, raw: Uint8Array) => `${name}+${Buffer.from(noteKeyId(name, 0x04, raw).subarray(0, 4)).toString('hex')}+${b64(Uint8Array.of(0x04, ...raw))}`;
const witnessVkey = (i: number) => vkey(instance.rekorV2.witnesses[i]!.name, ed25519Raw(instance.rekorV2.witnesses[i]!.key.spki));

const tiles: string[] = [];
const live = (witnesses?: WitnessPolicy): Promise<VerificationResult> =>
  checkAgainstLiveLog(parseBundle(JSON.stringify(signed.bundle)).tlogEntries, {
    fetch: fetcher,
    trustedRoot,
    logUrl: () => server.url,
    onTile: (p) => tiles.push(p),
    now: () => instance.now(),
    // A loaded machine may be slow to answer; the limits themselves are tested against the Rekor v1 server.
    limits: { timeoutMs: 60_000 },
    ...(witnesses ? { witnesses } : {}),
  });
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
    expect(result.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['live.checkpoint:pass', 'live.witness:skip', 'live.inclusion:pass', 'live.consistency:pass']);
    expect(result.verdict).toBe('verified');
    const size = instance.rekorV2.tree.size;
    expect(size).toBe(BEFORE + AFTER);
    // Only tiles a verified checkpoint implies: every partial one is as wide as today's size makes it.
    const partial = tiles.filter((t) => t.includes('.p/'));
    for (const p of partial) {
      const [, level, , width] = /^tile\/(\d+|entries)\/(.*)\.p\/(\d+)$/.exec(p)!;
      const l = level === 'entries' ? 0 : Number(level);
      expect(Number(width)).toBe(Math.floor(size / 256 ** l) % 256);
    }
    // Both levels of the tree were read, and partial tiles among them.
    expect(tiles.some((t) => t.startsWith('tile/0/'))).toBe(true);
    expect(tiles.some((t) => t.startsWith('tile/1/'))).toBe(true);
    expect(partial.some((t) => t.startsWith('tile/1/'))).toBe(true);
    // The drawing names every tile read and, for each proof hash, the stored hashes it was computed from.
    const inclusion = step(result, 'live.inclusion');
    const drawn = inclusion.evidence.find((e) => e.key === 'tiles')!.value as unknown as TilesDrawing;
    const path = inclusion.evidence.find((e) => e.kind === 'merkle-path')!.value as { levels: { sibling: string }[]; leafIndex: number };
    expect(drawn.proof).toEqual(path.levels.map((l) => l.sibling));
    expect(new Set(drawn.tiles.flatMap((t) => t.reads.map((r) => r.proofIndex)))).toEqual(new Set(drawn.proof.map((_, i) => i)));
    expect(drawn.leaf).toEqual({ path: `tile/0/${String(Math.floor(path.leafIndex / 256)).padStart(3, '0')}`, position: path.leafIndex % 256 });
    for (const t of drawn.tiles) for (const r of t.reads) expect(r.first + r.count).toBeLessThanOrEqual(t.width);
    const consistencyTiles = step(result, 'live.consistency').evidence.find((e) => e.key === 'tiles')!.value as unknown as TilesDrawing;
    expect(consistencyTiles.purpose).toBe('consistency');
    expect(consistencyTiles.proof.length).toBeGreaterThan(0);
    // Without witness keys the cosignatures are listed as not checked, and the step says why.
    expect(step(result, 'live.witness').required).toBe(false);
    expect(step(result, 'live.witness').summary).toMatch(/no witness keys/);
    expect(step(result, 'live.checkpoint').evidence.find((e) => e.label === 'Other signatures (not checked)')?.value).toContain('witness.signet.test');
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
    for (let i = 0; i < 600; i++) server.append(new TextEncoder().encode(`{"after":${i}}`));
    const result = await live();
    reset();
    expect(step(result, 'live.inclusion').status).toBe('pass');
    const consistency = step(result, 'live.consistency');
    expect(consistency.code).toBe('TLOG_FORKED');
    expect(consistency.detail?.expected).toContain(bundleRoot);
    expect(consistency.detail?.found).toContain(Buffer.from(forked.root(bundleSize)).toString('hex'));
    // Both signed heads, for the view to set side by side.
    const fork = consistency.evidence.find((e) => e.key === 'fork')!.value as unknown as ForkDrawing;
    expect(fork).toMatchObject({ proven: true, bundle: { size: bundleSize, root: bundleRoot }, today: { size: forked.size, root: Buffer.from(forked.root()).toString('hex') } });
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

describe('witness cosignatures on today’s checkpoint (C2SP tlog-cosignature)', () => {
  it('valid cosignatures from every witness given pass, each with its time', async () => {
    reset();
    const result = await live(await witnessPolicy([witnessVkey(0), witnessVkey(1)]));
    const w = step(result, 'live.witness');
    expect(w.status).toBe('pass');
    expect(w.required).toBe(true);
    expect(w.evidence.filter((e) => e.kind === 'time').map((e) => e.value)).toEqual([NOW.toISOString(), NOW.toISOString()]);
    expect(result.verdict).toBe('verified');
  });

  it('a wrong key for a witness’s name finds no cosignature: below the threshold', async () => {
    reset();
    const other = generateKey('ed25519');
    const result = await live(await witnessPolicy([vkey('witness.signet.test', ed25519Raw(other.spki))]));
    expect(step(result, 'live.witness').code).toBe('WITNESS_THRESHOLD');
    expect(step(result, 'live.witness').detail?.found).toContain('0 valid');
    expect(result.verdict).toBe('failed');
  });

  it('a cosignature that does not verify under the witness’s key fails, naming the witness', async () => {
    reset();
    server.lies = { wrongCosignature: true };
    const result = await live(await witnessPolicy([witnessVkey(0)]));
    reset();
    expect(step(result, 'live.witness').code).toBe('WITNESS_SIGNATURE_INVALID');
    expect(step(result, 'live.witness').detail?.where).toContain('witness.signet.test');
  });

  it('a cosignature dated in the future is refused', async () => {
    reset();
    server.lies = { cosignatureSkewSeconds: 3600 };
    const result = await live(await witnessPolicy([witnessVkey(0)]));
    reset();
    expect(step(result, 'live.witness').code).toBe('WITNESS_SIGNATURE_INVALID');
  });

  it('below the threshold fails; the same keys with a lower threshold pass', async () => {
    reset();
    const absent = vkey('witness3.signet.test', ed25519Raw(generateKey('ed25519').spki));
    const strict = await live(await witnessPolicy([witnessVkey(0), absent]));
    expect(step(strict, 'live.witness').code).toBe('WITNESS_THRESHOLD');
    expect(step(strict, 'live.witness').detail?.found).toContain('witness3.signet.test');
    const lenient = await live(await witnessPolicy([witnessVkey(0), absent], 1));
    expect(step(lenient, 'live.witness').status).toBe('pass');
    // A key given twice counts once.
    expect(step(await live(await witnessPolicy([witnessVkey(0), witnessVkey(0), absent], 2)), 'live.witness').code).toBe('WITNESS_THRESHOLD');
  });

  it('malformed vkeys and impossible thresholds are refused before anything is fetched', async () => {
    const good = witnessVkey(0);
    const [name, id, key] = good.split('+') as [string, string, string];
    expect(await errorCode(witnessPolicy(['not a vkey']))).toBe('WITNESS_KEY_INVALID');
    expect(await errorCode(witnessPolicy([`${name}+00000000+${key}`]))).toBe('WITNESS_KEY_INVALID');
    expect(await errorCode(witnessPolicy([`${name}+${id}+${b64(Uint8Array.of(0x01, ...ed25519Raw(instance.rekorV2.witnesses[0]!.key.spki)))}`]))).toBe('WITNESS_KEY_INVALID');
    expect(await errorCode(witnessPolicy([good], 2))).toBe('WITNESS_KEY_INVALID');
  });
});
