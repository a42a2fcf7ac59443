// An entry read from a Rekor v1 log, checked with a bundle's steps, decoded for the entry view, and an artifact
// verified against it: over a Rekor v1-compatible server on the test instance's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseTrustedRootJson, type VerificationResult } from '../../src/core';
import { parseRekorLogEntry } from '../../src/core/tlog';
import { signedStatement } from '../../src/core/verify/signed-content';
import { auditLogEntry, createRekorV1Client, describeEntryBody, type AuditFetch } from '../../src/audit';
import { createTestInstance, generateKey, type SignResult } from '../support/sigstore';
import { startRekorV1Server, type RekorV1Server } from '../support/live-log/rekor-v1-server';

const fetcher: AuditFetch = (url, init) => fetch(url, init);
const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const EMAIL = 'entry-view@signet.test';
const ISSUER = 'https://accounts.signet.test';
const artifact = new TextEncoder().encode('an artifact logged once\n');
const keyPair = generateKey('ecdsa-p256');
let server: RekorV1Server;
let keyless: SignResult;
let keyed: SignResult;
let dsse: SignResult;
let dsseWithPayload: SignResult;
let intoto: SignResult;
const statement = () => ({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a', digest: { sha256: createHash('sha256').update(artifact).digest('hex') } }], predicateType: 'https://example.test/p', predicate: {} });
const payloadOf = (s: SignResult) => s.bundle.dsseEnvelope!.payload;

beforeAll(async () => {
  server = await startRekorV1Server(instance);
  keyless = instance.signMessage(artifact, { identity: { san: { email: EMAIL }, issuer: ISSUER } });
  keyed = instance.signMessage(artifact, { material: 'publicKey', key: keyPair });
  dsse = instance.signDsse(statement());
  dsseWithPayload = instance.signDsse(statement(), { identity: { san: { email: EMAIL }, issuer: ISSUER } });
  intoto = instance.signDsse(statement(), { entryKind: 'intoto' });
  for (const s of [keyless, keyed, dsse, intoto]) server.record(s.bundle.verificationMaterial.tlogEntries[0]!, { email: EMAIL });
  server.record(dsseWithPayload.bundle.verificationMaterial.tlogEntries[0]!, { email: EMAIL, attestation: payloadOf(dsseWithPayload) });
}, 120_000);
afterAll(() => server.close());

const client = () => createRekorV1Client({ fetch: fetcher, url: server.url });
const uuidOf = (s: SignResult) => createHash('sha256').update(Uint8Array.of(0)).update(Buffer.from(s.bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody, 'base64')).digest('hex');
const statuses = (r: VerificationResult) => Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
const step = (r: VerificationResult, id: string) => r.steps.find((s) => s.id === id)!;
const sha = (bytes: Uint8Array) => ({ kind: 'digest' as const, algorithm: 'SHA-256' as const, value: new Uint8Array(createHash('sha256').update(bytes).digest()) });

describe('the entry view', () => {
  it('checks a keyless hashedrekord entry with the bundle steps: certificate, chain, SCT, signature, SET, inclusion, checkpoint', async () => {
    const found = await client().getByUuid(uuidOf(keyless));
    const result = await auditLogEntry(found, { trustedRoot, artifact: null, policy: { kind: 'inspect' } });
    const s = statuses(result);
    expect(result.steps[0]!.id).toBe('rekor.entry');
    for (const id of ['rekor.entry', 'bundle.parse', 'cert.decode', 'cert.chain', 'cert.sct', 'signature', 'tlog.body', 'tlog.set', 'tlog.inclusion', 'tlog.checkpoint', 'time.validity']) expect([id, s[id]]).toEqual([id, 'pass']);
    // No artifact and no identity: the entry is checked, not an artifact nor a signer.
    expect(result.verdict).toBe('incomplete');
    expect(s['artifact.bind']).toBe('warn');
    expect(step(result, 'bundle.parse').summary).toContain('Rekor log entry');
    const body = await describeEntryBody(found);
    expect(body.decoded).toBe(true);
    expect(body.fields.find((f) => f.label === 'signed artifact digest')?.value).toBe(`sha256:${createHash('sha256').update(artifact).digest('hex')}`);
    expect(body.fields.find((f) => f.label === 'signer: certificate identity (SAN)')?.value).toBe(EMAIL);
    expect(body.fields.find((f) => f.label === 'signer: OIDC issuer')?.value).toBe(ISSUER);
  });

  it('decodes a dsse body and checks its identity and proofs; without its payload no artifact can be bound to it', async () => {
    const found = await client().getByUuid(uuidOf(dsse));
    const body = await describeEntryBody(found);
    expect(body.kind).toBe('dsse');
    expect(body.fields.map((f) => f.label)).toEqual(expect.arrayContaining(['payload digest', 'envelope digest', 'signature', 'signer: certificate']));
    const alone = await auditLogEntry(found, { trustedRoot, artifact: null, policy: { kind: 'inspect' } });
    expect(alone.steps.map((s) => [s.id, s.status])).toEqual([['rekor.entry', 'pass'], ['tlog.set', 'pass'], ['tlog.inclusion', 'pass'], ['tlog.checkpoint', 'pass']]);
    const withArtifact = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'inspect' } });
    expect(step(withArtifact, 'artifact.bind').code).toBe('TLOG_KIND_UNSUPPORTED');
    expect(withArtifact.verdict).toBe('failed');
  });

  it('says "not decoded" for a kind Signet does not read, and decodes rekord', async () => {
    const entryJson = (body: object) => ({ body: Buffer.from(JSON.stringify(body)).toString('base64'), integratedTime: 1, logID: 'ab'.repeat(32), logIndex: 7 });
    const leaf = (body: object) => createHash('sha256').update(Uint8Array.of(0)).update(JSON.stringify(body)).digest('hex');
    const helm = { apiVersion: '0.0.1', kind: 'helm', spec: { chart: {} } };
    const other = await parseRekorLogEntry(leaf(helm), entryJson(helm), { logIndex: 7 }, 'test');
    const view = await describeEntryBody(other);
    expect([view.decoded, view.kind]).toEqual([false, 'helm']);
    expect(view.notDecoded).toContain('helm 0.0.1');
    // Its identity still checks; its log is not in the trusted root, so nothing else can be trusted.
    const record = await auditLogEntry(other, { trustedRoot, artifact: null, policy: { kind: 'inspect' } });
    expect(step(record, 'rekor.entry').status).toBe('warn');
    const rekord = { apiVersion: '0.0.1', kind: 'rekord', spec: { data: { hash: { algorithm: 'sha256', value: 'cd'.repeat(32) } }, signature: { format: 'x509', content: Buffer.from('sig').toString('base64'), publicKey: { content: Buffer.from(keyPair.pem).toString('base64') } } } };
    const r = await describeEntryBody(await parseRekorLogEntry(leaf(rekord), entryJson(rekord), { logIndex: 7 }, 'test'));
    expect(r.decoded).toBe(true);
    expect(r.fields.map((f) => [f.label, f.value])).toEqual(
      expect.arrayContaining([
        ['signed artifact digest', `sha256:${'cd'.repeat(32)}`],
        ['signature format', 'x509'],
        ['signer: public key', `sha256:${createHash('sha256').update(keyPair.spki).digest('hex')}`],
      ]),
    );
  });
});

describe('verify an artifact against an entry', () => {
  it('a dsse entry with the payload the log stored: the artifact must be a statement subject; a payload not the logged one fails tlog.body', async () => {
    const found = await client().getByUuid(uuidOf(dsseWithPayload));
    expect(found.attestation).toBeDefined();
    const identity = { kind: 'identity' as const, identity: { identity: { exact: EMAIL }, issuer: { exact: ISSUER } } };
    const right = await auditLogEntry(found, { trustedRoot, artifact: { kind: 'bytes', bytes: artifact }, policy: identity });
    expect([right.verdict, step(right, 'artifact.bind').status, step(right, 'signature').status, step(right, 'tlog.body').status]).toEqual(['verified', 'pass', 'pass', 'pass']);
    // The statement the evidence refers to travels with the result, as for a bundle.
    expect(signedStatement(right)?.subject).toEqual(JSON.parse(Buffer.from(payloadOf(dsseWithPayload), 'base64').toString()).subject);
    const wrong = await auditLogEntry(found, { trustedRoot, artifact: { kind: 'bytes', bytes: new TextEncoder().encode('another file\n') }, policy: identity });
    expect(wrong.failedStep).toBe('artifact.bind');
    const other = JSON.parse(Buffer.from(payloadOf(dsseWithPayload), 'base64').toString());
    other.subject[0].name = 'b';
    const swapped = { ...found, attestation: new TextEncoder().encode(JSON.stringify(other)) };
    const lied = await auditLogEntry(swapped, { trustedRoot, artifact: { kind: 'bytes', bytes: artifact }, policy: identity });
    expect(step(lied, 'tlog.body').code).toBe('TLOG_BODY_MISMATCH');
    expect(lied.verdict).toBe('failed');
  });

  it('an intoto 0.0.2 entry carrying its envelope verifies an artifact against its statement', async () => {
    const found = await client().getByUuid(uuidOf(intoto));
    const result = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'inspect' } });
    expect([step(result, 'artifact.bind').status, step(result, 'signature').status, step(result, 'tlog.body').status]).toEqual(['pass', 'pass', 'pass']);
    expect((await describeEntryBody(found)).fields.find((f) => f.label === 'payload type')?.value).toBe('application/vnd.in-toto+json');
  });

  it('passes with the right artifact and identity, fails at artifact.bind with another artifact, and at policy.identity with another signer', async () => {
    const found = await client().getByUuid(uuidOf(keyless));
    const identity = { kind: 'identity' as const, identity: { identity: { exact: EMAIL }, issuer: { exact: ISSUER } } };
    const right = await auditLogEntry(found, { trustedRoot, artifact: { kind: 'bytes', bytes: artifact }, policy: identity });
    expect(right.verdict).toBe('verified');
    expect(right.headline).toContain('The artifact matches log entry');
    const wrong = await auditLogEntry(found, { trustedRoot, artifact: { kind: 'bytes', bytes: new TextEncoder().encode('another file\n') }, policy: identity });
    expect([wrong.verdict, wrong.failedStep, step(wrong, 'artifact.bind').code]).toEqual(['failed', 'artifact.bind', 'ARTIFACT_DIGEST_MISMATCH']);
    const other = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'identity', identity: { identity: { exact: 'someone@else.test' }, issuer: { exact: ISSUER } } } });
    expect(other.failedStep).toBe('policy.identity');
  });

  it('a keyed entry: the logged key alone names no signer (incomplete); the key you trust passes; another key fails', async () => {
    const found = await client().getByUuid(uuidOf(keyed));
    const alone = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'inspect' } });
    expect([step(alone, 'signature').status, step(alone, 'artifact.bind').status, step(alone, 'rekor.signer').status, alone.verdict]).toEqual(['pass', 'pass', 'warn', 'incomplete']);
    const trusted = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'key', publicKey: keyed.publicKeyPem } });
    expect(trusted.verdict).toBe('verified');
    const otherKey = generateKey('ecdsa-p256');
    const foreign = await auditLogEntry(found, { trustedRoot, artifact: sha(artifact), policy: { kind: 'key', publicKey: otherKey.pem } });
    expect(foreign.verdict).toBe('failed');
    expect(step(foreign, 'rekor.signer').code).toBe('KEY_MISMATCH');
  });

  it('a tampered entry fails at the step that catches it: a wrong inclusion proof at tlog.inclusion', async () => {
    server.lies = { wrongInclusionProof: true };
    try {
      const found = await client().getByUuid(uuidOf(keyless));
      const result = await auditLogEntry(found, { trustedRoot, artifact: null, policy: { kind: 'inspect' } });
      expect(step(result, 'tlog.inclusion').code).toBe('TLOG_INCLUSION_INVALID');
      expect(result.failedStep).toBe('tlog.inclusion');
    } finally {
      server.lies = {};
    }
  });
});
