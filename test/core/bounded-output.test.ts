// Hostile field sizes: a value from the input appears in a sentence (summary, headline, error) cut to a
// bounded length with its full length named, and a field far beyond what it can hold is refused by its
// own cap before it is decoded.
import { describe, expect, it } from 'vitest';
import { LIMITS, parseTrustedRootJson, quote, verifyBundle, type VerificationResult } from '../../src/core';
import { createTestInstance, DEFAULT_IDENTITY, inTotoStatement } from '../support/sigstore';

const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test', description: 'test' });
const artifact = new TextEncoder().encode('bounded output artifact');
const policy = { kind: 'identity' as const, identity: { identity: { exact: (DEFAULT_IDENTITY.san as { uri: string }).uri }, issuer: { exact: DEFAULT_IDENTITY.issuer } } };
const message = instance.signMessage(artifact).bundle;
const dsse = instance.signDsse(inTotoStatement([{ name: 'a', artifact }])).bundle;

/** 7 MiB: the size the review used, under the whole-bundle cap. */
const HUGE = 7 * 1024 * 1024;
/** No sentence in the record may be longer than this. */
const SENTENCE = 2_000;

// The bundle with one field (a dotted path) replaced.
function withField(bundle: object, path: string, value: unknown): string {
  const copy = structuredClone(bundle) as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return JSON.stringify(copy);
}

const verify = (bundle: string) => verifyBundle({ bundle, artifact: { kind: 'bytes', bytes: artifact }, policy, trustedRoot, now: instance.now().getTime() });

// Every sentence the record holds for people: headline, summaries, and each failed check's expected/found/where.
function sentences(r: VerificationResult): string[] {
  return [r.headline, ...r.steps.flatMap((s) => [s.summary, s.detail?.expected ?? '', s.detail?.found ?? '', s.detail?.where ?? ''])];
}

describe('values quoted from the input are bounded', () => {
  it('quote() cuts with an ellipsis and names the full length; short values stay whole', () => {
    expect(quote('sha256')).toBe('"sha256"');
    const long = quote('x'.repeat(10_000));
    expect(long.length).toBeLessThan(LIMITS.quotedChars + 40);
    expect(long).toMatch(/^"x+…" \(10000 characters\)$/);
    // A cut never splits a surrogate pair.
    expect(quote('😀'.repeat(LIMITS.quotedChars))).not.toMatch(/[\uD800-\uDBFF]"/u);
  });

  const cases: [string, object, string, unknown][] = [
    ['a 7 MiB mediaType', message, 'mediaType', `application/vnd.dev.sigstore.bundle+json;version=${'9'.repeat(HUGE)}`],
    ['a 7 MiB hex-looking messageDigest algorithm', message, 'messageSignature.messageDigest.algorithm', 'SHA2_'.repeat(HUGE / 5)],
    ['a 7 MiB DSSE payload type', dsse, 'dsseEnvelope.payloadType', 'application/'.repeat(HUGE / 12)],
    ['a 7 MiB tlog kind', message, 'verificationMaterial.tlogEntries', [{ ...(message as { verificationMaterial: { tlogEntries: object[] } }).verificationMaterial.tlogEntries[0], kindVersion: { kind: 'k'.repeat(HUGE), version: '0.0.1' } }]],
  ];
  for (const [name, bundle, path, value] of cases) {
    it(`${name} gives sentences of bounded length that name the full length`, async () => {
      const r = await verify(withField(bundle, path, value));
      expect(r.verdict).not.toBe('verified');
      const longest = Math.max(...sentences(r).map((s) => s.length));
      expect(longest).toBeLessThanOrEqual(SENTENCE);
      expect(sentences(r).join('\n')).toMatch(/…[^\n]*\(\d{7,} characters\)/);
    });
  }

  it('the full value stays in the evidence', async () => {
    const type = `application/${'x'.repeat(5_000)}`;
    const r = await verify(withField(dsse, 'dsseEnvelope.payloadType', type));
    const parse = r.steps.find((s) => s.id === 'bundle.parse')!;
    expect(parse.summary.length).toBeLessThanOrEqual(SENTENCE);
    expect(parse.evidence.some((e) => e.kind === 'text' && e.value === type)).toBe(true);
  });
});

describe('fields far beyond what they can hold are refused before decoding', () => {
  const base64 = 'A'.repeat(HUGE);
  for (const [name, bundle, path] of [
    ['messageSignature.signature', message, 'messageSignature.signature'],
    ['messageSignature.messageDigest.digest', message, 'messageSignature.messageDigest.digest'],
    ['a DSSE signature', dsse, 'dsseEnvelope.signatures'],
    ['the certificate', message, 'verificationMaterial.certificate.rawBytes'],
  ] as const) {
    it(`a 7 MiB ${name}`, async () => {
      const value = path === 'dsseEnvelope.signatures' ? [{ keyid: '', sig: base64 }] : base64;
      const r = await verify(withField(bundle, path, value));
      const parse = r.steps.find((s) => s.id === 'bundle.parse')!;
      expect(parse).toMatchObject({ status: 'fail', code: 'LIMIT_EXCEEDED' });
      expect(parse.detail?.where).toContain(path === 'dsseEnvelope.signatures' ? 'dsseEnvelope.signatures[0].sig' : path);
      expect(parse.detail?.found).toMatch(/5505024 bytes/);
      expect(Math.max(...sentences(r).map((s) => s.length))).toBeLessThanOrEqual(SENTENCE);
    });
  }

  it('fields within their caps still verify', async () => {
    expect((await verify(JSON.stringify(message))).verdict).toBe('verified');
    expect((await verify(JSON.stringify(dsse))).verdict).toBe('verified');
  });
});
