// Hostile input: whatever the bytes, the engine answers with a result and a code, never a crash,
// a hang, or a "verified" for a bundle whose meaning changed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { LIMITS, parseBundle, parsePem, parseTrustedRootJson, publicGoodTrustedRoot, toPem, verifyBundle, type VerificationResult } from '../../src/core';
import { createTestInstance, DEFAULT_IDENTITY, inTotoStatement } from '../support/sigstore';
import { codeOf as thrownCode } from '../support/error-code';

const FIXTURE = readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json', 'utf8');
const IMAGE_DIGEST = Uint8Array.from(Buffer.from('20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', 'hex'));
const FIXTURE_SAN = 'kasiramkompella@gmail.com';

const instance = createTestInstance();
const testRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test', description: 'test' });
const artifact = new TextEncoder().encode('hostile input artifact');
const generated = JSON.stringify(instance.signDsse(inTotoStatement([{ name: 'a', artifact }]), { tsa: true }).bundle);

const verifyFixture = (text: string) =>
  verifyBundle({
    bundle: text,
    artifact: { kind: 'digest', algorithm: 'SHA-256', value: IMAGE_DIGEST },
    policy: { kind: 'identity', identity: { identity: { exact: FIXTURE_SAN }, issuer: { exact: 'https://accounts.google.com' } } },
    trustedRoot: publicGoodTrustedRoot(),
  });
const verifyGenerated = (text: string) =>
  verifyBundle({
    bundle: text,
    artifact: { kind: 'bytes', bytes: artifact },
    policy: { kind: 'identity', identity: { identity: { exact: (DEFAULT_IDENTITY.san as { uri: string }).uri }, issuer: { exact: DEFAULT_IDENTITY.issuer } } },
    trustedRoot: testRoot,
    now: instance.now().getTime(),
  });

// What a bundle claims: the signed content, the signer, and which log entries record it. Unsigned labels
// (DSSE keyid, public-key hint, media-type spelling) and optional extra evidence (an inclusion promise or
// a timestamp whose removal still leaves enough) may change without changing the claim.
function meaning(text: string): string | null {
  try {
    const b = parseBundle(text);
    const content = b.content.kind === 'dsse' ? { ...b.content, signatures: b.content.signatures.map((s) => ({ sig: s.sig })) } : b.content;
    const material = b.material.kind === 'publicKey' ? { kind: 'publicKey' } : b.material;
    const entries = b.tlogEntries.map((e) => ({ logIndex: e.logIndex, logId: e.logId, kind: e.kind, version: e.version, body: e.canonicalizedBody }));
    return JSON.stringify({ content, material, entries }, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
  } catch {
    return null;
  }
}

// Every failure is a coded step; a verified result must come from an unchanged meaning.
function assertSound(original: string, mutated: string, r: VerificationResult) {
  for (const s of r.steps) if (s.status === 'fail') expect(s.code).toBeTruthy();
  expect(r.steps.some((s) => s.code === 'INTERNAL')).toBe(false);
  if (r.verdict === 'verified') expect(meaning(mutated)).toBe(meaning(original));
}

const mutation = (length: number) =>
  fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 127 }), fc.constantFrom('replace', 'delete', 'insert'));

function apply(text: string, [at, code, op]: [number, number, string]): string {
  const c = String.fromCharCode(code);
  return op === 'replace' ? text.slice(0, at) + c + text.slice(at + 1) : op === 'delete' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at);
}

describe('byte mutations never verify a changed bundle', () => {
  it('the production fixture verifies unmutated (the property below is not vacuous)', async () => {
    expect((await verifyFixture(FIXTURE)).verdict).toBe('verified');
    expect((await verifyGenerated(generated)).verdict).toBe('verified');
  });

  it('production bundle, single-character mutations', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(FIXTURE.length), async (m) => {
        const mutated = apply(FIXTURE, m);
        assertSound(FIXTURE, mutated, await verifyFixture(mutated));
      }),
      { numRuns: 400 },
    );
  });

  it('generated DSSE bundle with a timestamp, several mutations at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(generated.length - 8), { minLength: 1, maxLength: 4 }), async (ms) => {
        const mutated = ms.reduce(apply, generated);
        assertSound(generated, mutated, await verifyGenerated(mutated));
      }),
      { numRuns: 300 },
    );
  });

  it('mutations inside the decoded certificate, signature and body bytes', async () => {
    const b = JSON.parse(FIXTURE);
    const fields: Array<[string, (o: any) => { get: () => string; set: (v: string) => void }]> = [
      ['certificate', (o) => ({ get: () => o.verificationMaterial.certificate.rawBytes, set: (v) => (o.verificationMaterial.certificate.rawBytes = v) })],
      ['dsse signature', (o) => ({ get: () => o.dsseEnvelope.signatures[0].sig, set: (v) => (o.dsseEnvelope.signatures[0].sig = v) })],
      ['payload', (o) => ({ get: () => o.dsseEnvelope.payload, set: (v) => (o.dsseEnvelope.payload = v) })],
      ['body', (o) => ({ get: () => o.verificationMaterial.tlogEntries[0].canonicalizedBody, set: (v) => (o.verificationMaterial.tlogEntries[0].canonicalizedBody = v) })],
      ['SET', (o) => ({ get: () => o.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp, set: (v) => (o.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp = v) })],
      ['timestamp', (o) => ({ get: () => o.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp, set: (v) => (o.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp = v) })],
    ];
    for (const [name, field] of fields) {
      const bytes = Buffer.from(field(b).get(), 'base64');
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
          const copy = JSON.parse(FIXTURE);
          const flipped = Buffer.from(bytes);
          flipped[at] = flipped[at]! ^ xor;
          field(copy).set(flipped.toString('base64'));
          const r = await verifyFixture(JSON.stringify(copy));
          expect(r.verdict, `${name} byte ${at} ^ ${xor}`).not.toBe('verified');
          expect(r.steps.some((s) => s.code === 'INTERNAL')).toBe(false);
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe('malformed input gets a clear code', () => {
  const codeOf = async (text: string) => {
    const r = await verifyFixture(text);
    return r.steps.find((s) => s.status === 'fail')?.code;
  };
  const edit = (fn: (b: any) => void) => {
    const b = JSON.parse(FIXTURE);
    fn(b);
    return JSON.stringify(b);
  };

  it('malformed JSON, wrong types, bad base64, truncated DER', async () => {
    expect(await codeOf(FIXTURE.slice(0, 500))).toBe('JSON_INVALID');
    // Input that is no signature format at all, against a recognisable bundle with a wrong field.
    expect(await codeOf('null')).toBe('COSIGN_FORMAT_INVALID');
    expect(await codeOf('[]')).toBe('COSIGN_FORMAT_INVALID');
    expect(await codeOf(edit((b) => (b.verificationMaterial = 7)))).toBe('BUNDLE_FIELD_INVALID');
    expect(await codeOf(edit((b) => (b.dsseEnvelope.signatures[0].sig = '%%%')))).toBe('BASE64_INVALID');
    const cert = Buffer.from(JSON.parse(FIXTURE).verificationMaterial.certificate.rawBytes, 'base64');
    expect(await codeOf(edit((b) => (b.verificationMaterial.certificate.rawBytes = cert.subarray(0, 300).toString('base64'))))).toBe('CERT_PARSE_FAILED');
  });

  it('huge and negative indexes and oversized arrays', async () => {
    expect(await codeOf(edit((b) => (b.verificationMaterial.tlogEntries[0].logIndex = '-5')))).toBe('BUNDLE_FIELD_INVALID');
    expect(await codeOf(edit((b) => (b.verificationMaterial.tlogEntries[0].inclusionProof.treeSize = '18446744073709551615')))).toBe('BUNDLE_FIELD_INVALID');
    expect(await codeOf(edit((b) => (b.dsseEnvelope.signatures = Array(100).fill(b.dsseEnvelope.signatures[0]))))).toBe('LIMIT_EXCEEDED');
    expect(await codeOf('x'.repeat(LIMITS.bundleBytes + 1))).toBe('INPUT_TOO_LARGE');
  });

  it('duplicate log entries are shown once and counted once', async () => {
    const r = await verifyFixture(edit((b) => b.verificationMaterial.tlogEntries.push(b.verificationMaterial.tlogEntries[0])));
    expect(r.verdict).toBe('verified');
    expect(r.steps.find((s) => s.id === 'tlog.body')!.summary).toContain('1 duplicate entry counted once');
  });

  it('a pathological PEM key is read in one pass: the reader stops at the first block that never ends', async () => {
    const r = await verifyBundle({
      bundle: FIXTURE,
      artifact: { kind: 'digest', algorithm: 'SHA-256', value: IMAGE_DIGEST },
      policy: { kind: 'key', publicKey: '-----BEGIN PUBLIC KEY-----'.repeat(50_000) },
      trustedRoot: publicGoodTrustedRoot(),
    });
    expect(r.verdict).toBe('failed');
    expect(r.steps.find((s) => s.id === 'signature')?.code).toBe('PEM_INVALID');
    // A reader that searched on after a BEGIN with no END would find this block (and take quadratic time above).
    const wellFormed = toPem(new Uint8Array([1, 2, 3]), 'PUBLIC KEY');
    expect(parsePem(wellFormed)).toHaveLength(1);
    expect(thrownCode(() => parsePem(`-----BEGIN CERTIFICATE-----\n${wellFormed}`))).toBe('PEM_INVALID');
  });
});
