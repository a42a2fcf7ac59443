// Live checks against a Rekor v1-compatible server over the test instance's log (thousands of entries):
// search, get, today's tree head, inclusion and consistency — and every way a lying or forked log is caught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseBundle, parseTrustedRootJson, type VerificationResult } from '../../src/core';
import { checkAgainstLiveLog, createRekorV1Client, type AuditFetch } from '../../src/audit';
import { createTestInstance, generateKey, type SignResult } from '../support/sigstore';
import { startRekorV1Server, type RekorV1Server } from '../support/live-log/rekor-v1-server';
import { rejection, rejectionCode } from '../support/error-code';

const fetcher: AuditFetch = (url, init) => fetch(url, init);
const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const EMAIL = 'auditor@signet.test';
const artifact = new TextEncoder().encode('artifact checked against the live log\n');
const sha = createHash('sha256').update(artifact).digest('hex');
let server: RekorV1Server;
let bundles: SignResult[];
const bulkKey = generateKey('ecdsa-p256');

beforeAll(async () => {
  server = await startRekorV1Server(instance);
  // Thousands of keyed entries, then a few keyless ones by an e-mail identity over one artifact.
  for (let i = 0; i < 2000; i++) {
    // Without a proof in the bundle: the log's tree is hashed once per request, not once per signing.
    const signed = instance.signMessage(new TextEncoder().encode(`bulk artifact ${i}`), { material: 'publicKey', key: bulkKey, faults: { noInclusionProof: true } });
    server.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  }
  bundles = [0, 1, 2].map(() => instance.signMessage(artifact, { identity: { san: { email: EMAIL }, issuer: 'https://accounts.signet.test' } }));
  for (const b of bundles) server.record(b.bundle.verificationMaterial.tlogEntries[0]!, { email: EMAIL });
  for (let i = 0; i < 40; i++) server.record(instance.signMessage(new TextEncoder().encode(`later ${i}`), { material: 'publicKey', key: bulkKey, faults: { noInclusionProof: true } }).bundle.verificationMaterial.tlogEntries[0]!);
}, 120_000);
afterAll(() => server.close());

const client = () => createRekorV1Client({ fetch: fetcher, url: server.url });
const live = (signed: SignResult | string, limits?: { timeoutMs?: number; maxBytes?: number }): Promise<VerificationResult> =>
  checkAgainstLiveLog(parseBundle(typeof signed === 'string' ? signed : JSON.stringify(signed.bundle)).tlogEntries, { fetch: fetcher, trustedRoot, logUrl: () => server.url, ...(limits ? { limits } : {}) });
const step = (r: VerificationResult, id: string) => r.steps.find((s) => s.id === id)!;
const reset = () => {
  server.lies = {};
  server.view = instance.rekorV1.tree;
  server.delayMs = 0;
  server.padBytes = 0;
};

describe('search and get', () => {
  it('finds the entries by e-mail, by artifact digest and by public key, and deduplicates entry IDs', async () => {
    const uuids = bundles.map((b) => createHash('sha256').update(Uint8Array.of(0)).update(Buffer.from(b.bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody, 'base64')).digest('hex'));
    const byEmail = await client().search({ email: EMAIL });
    expect(byEmail.map((id) => id.slice(-64)).sort()).toEqual([...uuids].sort());
    expect(byEmail.some((id) => id.length === 80)).toBe(true);
    expect((await client().search({ sha: `sha256:${sha}` })).map((id) => id.slice(-64)).sort()).toEqual([...uuids].sort());
    expect(await client().search({ publicKey: { format: 'pkix', pem: bulkKey.pem } })).toHaveLength(2040);
    expect(await client().search({ email: 'nobody@signet.test' })).toEqual([]);
  });

  it('refuses what Rekor cannot search before sending anything', async () => {
    expect(await rejectionCode(client().search({ email: 'https://github.com/org/repo/.github/workflows/x.yml@refs/heads/main' }))).toBe('REKOR_SEARCH_UNSUPPORTED');
    expect(await rejectionCode(client().search({ sha: 'md5:abc' }))).toBe('REKOR_SEARCH_UNSUPPORTED');
  });

  it('gets an entry by UUID, by 80-hex entry ID and by log index; each hashes to its UUID', async () => {
    const [uuid] = await client().search({ email: EMAIL });
    const byUuid = await client().getByUuid(uuid!.slice(-64));
    const byId = await client().getByUuid(`${BigInt(server.treeId).toString(16).padStart(16, '0')}${uuid!.slice(-64)}`);
    const byIndex = await client().getByIndex(byUuid.entry.logIndex);
    expect(byId.uuid).toBe(byUuid.uuid);
    expect(byIndex.uuid).toBe(byUuid.uuid);
    expect(byUuid.entry.kind).toBe('hashedrekord');
    expect(byUuid.entry.inclusionProof?.treeSize).toBe(instance.rekorV1.tree.size);
    expect(await rejectionCode(client().getByIndex(10_000_000))).toBe('REKOR_NOT_FOUND');
  });
});

describe('check against the live log', () => {
  it('verifies today’s tree head, the entry’s inclusion in it and consistency from the bundle’s checkpoint', async () => {
    reset();
    const result = await live(bundles[0]!);
    expect(result.verdict).toBe('verified');
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['live.checkpoint', 'pass'],
      ['live.witness', 'skip'],
      ['live.inclusion', 'pass'],
      ['live.consistency', 'pass'],
    ]);
    expect(step(result, 'live.consistency').summary).toContain(`${instance.rekorV1.tree.size} leaves`);
  });

  it('a forked log (same history up to N, another after) fails consistency and names both roots', async () => {
    reset();
    // The victim's bundle was proven against the honest tree as it is now; then the log shows everyone a fork.
    // (At a power-of-two size the proof omits the older root and a fork cannot be told from a wrong proof.)
    const tree = instance.rekorV1.tree;
    if ((tree.size & (tree.size - 1)) === 0) tree.append(new TextEncoder().encode('one more leaf'));
    const victim = JSON.stringify(server.reprove(bundles[1]!.bundle));
    const honestSize = instance.rekorV1.tree.size;
    const honestRoot = Buffer.from(instance.rekorV1.tree.root()).toString('hex');
    const forkPoint = Number(bundles[2]!.bundle.verificationMaterial.tlogEntries[0]!.logIndex) + 1;
    const forked = server.fork(forkPoint, 100);
    const result = await live(victim);
    reset();
    expect(result.verdict).toBe('failed');
    const consistency = step(result, 'live.consistency');
    expect(consistency.code).toBe('TLOG_FORKED');
    expect(consistency.detail?.expected).toContain(honestRoot);
    expect(consistency.detail?.found).toContain(Buffer.from(forked.root(honestSize)).toString('hex'));
    expect(consistency.detail?.found).toContain(Buffer.from(forked.root()).toString('hex'));
    expect(step(result, 'live.inclusion').status).toBe('pass');
  });

  it('a lying log is a clear failure: wrong inclusion proof, wrong consistency proof, an entry not matching its UUID', async () => {
    reset();
    const older = JSON.stringify(bundles[0]!.bundle);
    server.lies = { wrongInclusionProof: true };
    expect(step(await live(older), 'live.inclusion').code).toBe('TLOG_INCLUSION_INVALID');
    server.lies = { wrongConsistencyProof: true };
    expect(step(await live(older), 'live.consistency').code).toBe('TLOG_CONSISTENCY_INVALID');
    server.lies = { entryNotMatchingUuid: true };
    expect(step(await live(older), 'live.inclusion').code).toBe('REKOR_ENTRY_MISMATCH');
    const [uuid] = await client().search({ email: EMAIL });
    expect((await rejection(client().getByUuid(uuid!))).code).toBe('REKOR_ENTRY_MISMATCH');
    reset();
  });

  it('oversized and slow answers fail within their limits', async () => {
    reset();
    server.padBytes = 300_000;
    expect(step(await live(bundles[0]!, { maxBytes: 200_000 }), 'live.checkpoint').code).toBe('LIMIT_EXCEEDED');
    server.padBytes = 0;
    server.delayMs = 2_000;
    const slow = await live(bundles[0]!, { timeoutMs: 150 });
    expect(step(slow, 'live.checkpoint').code).toBe('REKOR_REQUEST_FAILED');
    expect(step(slow, 'live.inclusion').status).toBe('skip');
    reset();
  });

  it('a log outside the trusted root is refused before anything is fetched', async () => {
    reset();
    const other = createTestInstance();
    const otherRoot = parseTrustedRootJson({ ...other.trustedRoot(), tlogs: other.trustedRoot().tlogs.map((t) => ({ ...t, baseUrl: instance.rekorV1.baseUrl })) } as never, { name: 'other', description: 'other keys' });
    const entries = parseBundle(JSON.stringify(bundles[0]!.bundle)).tlogEntries;
    const foreign = await checkAgainstLiveLog(entries, { fetch: fetcher, trustedRoot: otherRoot, logUrl: () => server.url });
    expect(step(foreign, 'live.checkpoint').code).toBe('TLOG_LOG_UNKNOWN');
  });
});
