// The TUF client workflow against a repository built and signed in the test and served over HTTP: root
// rotations, and each attack (expired, rolled back, mixed versions, a tampered target) a clear failure.
import { afterEach, describe, expect, it } from 'vitest';
import { parseMetadata, parseTrustedRootJson, publicGoodTufSeed, verifyThreshold } from '../../src/core';
import { refreshTrustedRoot, type AuditFetch, type TufCache } from '../../src/audit';
import { createTestInstance } from '../support/sigstore';
import { startTufRepository, type TufRepository } from '../support/tuf/repository';

const fetcher: AuditFetch = (url, init) => fetch(url, init);
const instance = createTestInstance();
const other = createTestInstance();
const trustedRootText = JSON.stringify(instance.trustedRoot());
const baseline = parseTrustedRootJson(other.trustedRoot() as never, { name: 'embedded', description: 'baseline' });
let repo: TufRepository | undefined;
afterEach(() => repo?.close());

const memoryCache = (): TufCache & { files: Map<string, string> } => {
  const files = new Map<string, string>();
  return { files, read: async (r, n) => files.get(`${r}/${n}`), write: async (r, n, t) => void files.set(`${r}/${n}`, t) };
};
const refresh = (r: TufRepository, cache?: TufCache) => refreshTrustedRoot({ fetch: fetcher, url: r.url, seedRoot: r.seedRoot, seedSource: 'test seed', baseline, ...(cache ? { cache } : {}) });
const failure = (out: Awaited<ReturnType<typeof refresh>>) => {
  const step = out.result.steps.find((s) => s.id === out.result.failedStep);
  return { step: step?.id, code: step?.code, detail: step?.detail };
};

describe('TUF refresh', () => {
  it('walks rotated roots and verifies timestamp, snapshot, targets and trusted_root.json, listing what changed', async () => {
    repo = await startTufRepository();
    repo.rotateRoot({ newRootKeys: true });
    repo.rotateRoot({ timestampKey: true });
    repo.publish({ 'trusted_root.json': trustedRootText });
    const out = await refresh(repo);
    expect(out.result.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['tuf.root:pass', 'tuf.timestamp:pass', 'tuf.snapshot:pass', 'tuf.targets:pass', 'tuf.target:pass']);
    expect(out.result.steps[0]!.summary).toContain('Root version 3');
    expect(out.trustedRootJson).toBe(trustedRootText);
    expect(out.trustedRoot?.source.name).toContain('refreshed by TUF');
    expect(out.changes?.filter((c) => c.kind === 'added').length).toBe(5);
    expect(out.changes?.filter((c) => c.kind === 'removed').length).toBe(5);
  });

  it('refuses a root not signed by the previous root’s keys', async () => {
    repo = await startTufRepository();
    repo.rotateRoot({ newRootKeys: true, signWithOldKeys: false });
    repo.publish({ 'trusted_root.json': trustedRootText });
    expect(failure(await refresh(repo))).toMatchObject({ step: 'tuf.root', code: 'TUF_SIGNATURE_THRESHOLD' });
  });

  it('an expired timestamp fails with the dates, never falling back', async () => {
    repo = await startTufRepository();
    repo.publish({ 'trusted_root.json': trustedRootText }, { expireRole: 'timestamp' });
    const out = await refresh(repo);
    expect(failure(out)).toMatchObject({ step: 'tuf.timestamp', code: 'TUF_EXPIRED' });
    expect(failure(out).detail?.found).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(out.trustedRoot).toBeUndefined();
  });

  it('a rolled-back timestamp fails against the version cached from an earlier refresh', async () => {
    repo = await startTufRepository();
    const cache = memoryCache();
    repo.publish({ 'trusted_root.json': trustedRootText });
    repo.publish({ 'trusted_root.json': trustedRootText });
    expect((await refresh(repo, cache)).result.verdict).toBe('verified');
    repo.serveOldTimestamp(1);
    const out = await refresh(repo, cache);
    expect(failure(out)).toMatchObject({ step: 'tuf.timestamp', code: 'TUF_ROLLBACK' });
    expect(failure(out).detail).toMatchObject({ expected: 'version 2 or newer', found: 'version 1' });
  });

  it('mixed metadata (another targets version under this one’s name) and a tampered target fail', async () => {
    repo = await startTufRepository();
    repo.publish({ 'trusted_root.json': trustedRootText });
    repo.publish({ 'trusted_root.json': trustedRootText.replace('signet.test', 'signet.example') });
    repo.mixTargets();
    expect(['TUF_HASH_MISMATCH', 'TUF_LENGTH_MISMATCH']).toContain(failure(await refresh(repo)).code);
    repo.close();
    repo = await startTufRepository();
    repo.publish({ 'trusted_root.json': trustedRootText });
    repo.tamperTarget('trusted_root.json', trustedRootText.replace('signet.test', 'evil00.test'));
    expect(failure(await refresh(repo))).toMatchObject({ step: 'tuf.target', code: 'TUF_HASH_MISMATCH' });
  });

  it('an unreachable repository is a failed refresh, not a silent fallback', async () => {
    const out = await refreshTrustedRoot({ fetch: fetcher, url: 'http://127.0.0.1:9', seedRoot: publicGoodTufSeed().rootJson, seedSource: 'embedded', limits: { timeoutMs: 2000 } });
    expect(failure(out)).toMatchObject({ step: 'tuf.root', code: 'TUF_REQUEST_FAILED' });
    expect(out.trustedRoot).toBeUndefined();
  });

  it('the embedded public-good root verifies under its own keys (canonical JSON as TUF signs it)', async () => {
    const seed = parseMetadata(publicGoodTufSeed().rootJson, 'root', 'embedded root');
    const valid = await verifyThreshold(seed, seed.signed.roles.root, seed.signed.keys, 'root', 'itself');
    expect(valid.length).toBeGreaterThanOrEqual(seed.signed.roles.root.threshold);
  });
});
