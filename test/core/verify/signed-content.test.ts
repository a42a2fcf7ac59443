// The signed payload is held once per result: evidence refers to it with a bounded quote, and the envelope, the
// predicate as signed, the PAE and the statement all come back from that one copy without losing a byte.
import { describe, expect, it } from 'vitest';
import { fromHex, parseTrustedRootJson, preAuthEncoding, signedPredicateBytes, signedStatement, SIGNED_PREVIEW, verifyBundle, type VerificationResult } from '../../../src/core';
import { signedContentOf } from '../../../src/core/verify/signed-content';
import { envelopeText, paeBytes, payloadBytes, predicateText } from '../../../src/lib/signed-bytes';
import { createTestInstance, DEFAULT_IDENTITY } from '../../support/sigstore';

const instance = createTestInstance();
const root = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test', description: 'test instance' });
const identity = { kind: 'identity' as const, identity: { identity: { exact: (DEFAULT_IDENTITY.san as { uri: string }).uri }, issuer: { exact: DEFAULT_IDENTITY.issuer }, claims: {} } };
const utf8 = (s: string) => new TextEncoder().encode(s);

// A statement payload written by hand: odd spacing, multi-byte characters, markup, a predicate of `size` characters.
function payloadText(size: number): string {
  return `{"_type":"https://in-toto.io/Statement/v1", "subject":[{"name":"é<b>x</b>","digest":{"sha256":"${'ab'.repeat(32)}"}}],\n "predicateType":"https://example.com/p/v1",  "predicate": {"note": "→ ${'z'.repeat(size)}",  "n": 1.50 } }`;
}

let lastBundle = '';

// Sign and verify the payload against the digest its subject names.
async function verified(payload: Uint8Array): Promise<VerificationResult> {
  lastBundle = JSON.stringify(instance.signDsse(payload, { payloadType: 'application/vnd.in-toto+json' }).bundle);
  return verifyBundle({ bundle: lastBundle, artifact: { kind: 'digest', algorithm: 'SHA-256', value: fromHex('ab'.repeat(32), 'digest') }, policy: identity, trustedRoot: root });
}

describe('the one copy of the signed bytes', () => {
  it('a 1 MB statement is in the result once; evidence quotes it up to the bound and names its length', async () => {
    const text = payloadText(1_000_000);
    const result = await verified(utf8(text));
    expect(result.steps.find((s) => s.id === 'signature')?.status).toBe('pass');
    expect(result.signed).toMatchObject({ payloadType: 'application/vnd.in-toto+json', encoding: 'utf-8', payload: text, length: utf8(text).length });
    const signedEvidence = result.steps.flatMap((s) => s.evidence.filter((e) => e.kind === 'signed'));
    expect(signedEvidence.map((e) => [e.key, e.kind === 'signed' && e.part, e.kind === 'signed' && e.length])).toEqual([
      ['statement', 'payload', utf8(text).length],
      ['pae', 'pae', preAuthEncoding('application/vnd.in-toto+json', utf8(text)).length],
    ]);
    for (const e of signedEvidence) expect(e.value.length).toBeLessThanOrEqual(Math.max(SIGNED_PREVIEW.payloadChars, SIGNED_PREVIEW.paeBytes * 2));
    // Everything but the one copy (and the attestation's bounded view) is small: no second representation.
    const { signed: _signed, attestation: _view, ...rest } = result;
    expect(JSON.stringify(rest).length).toBeLessThan(60_000);
    expect(JSON.stringify(result).length).toBeLessThan(text.length + 100_000);
  });

  it('the envelope, the predicate as signed, the PAE and the statement come back byte for byte', async () => {
    const text = payloadText(10);
    const payload = utf8(`\uFEFF${text}`);
    const result = await verified(payload);
    const signedBundle = JSON.parse(lastBundle);
    const signed = result.signed!;
    expect(payloadBytes(signed)).toEqual(payload);
    expect(paeBytes(signed)).toEqual(preAuthEncoding('application/vnd.in-toto+json', payload));
    expect(utf8(predicateText(signed)!)).toEqual(signedPredicateBytes(payload));
    const envelope = JSON.parse(envelopeText(signed));
    expect(Buffer.from(envelope.payload, 'base64')).toEqual(Buffer.from(payload));
    const stored = signedBundle.dsseEnvelope!;
    expect(Object.keys(envelope)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(envelope.payloadType).toBe(stored.payloadType);
    expect(envelope.signatures).toEqual(result.signed && JSON.parse(JSON.stringify(signedBundle.dsseEnvelope)).signatures);
    expect(signedStatement(result)).toMatchObject({ predicateType: 'https://example.com/p/v1', predicate: { n: 1.5 } });
  });

  it('a payload that is not UTF-8 is kept as base64, with no statement and no predicate', () => {
    const payload = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const signed = signedContentOf({ kind: 'dsse', payloadType: 'application/octet-stream', payload, signatures: [{ keyid: 'k', sig: new Uint8Array([1, 2, 3]) }] });
    expect(signed).toEqual({ payloadType: 'application/octet-stream', encoding: 'base64', payload: '//4AQQ==', length: 4, signatures: [{ keyid: 'k', sig: 'AQID' }] });
    expect(payloadBytes(signed)).toEqual(payload);
    expect(signedStatement({ signed })).toBeUndefined();
  });

  it('a signed in-toto payload that is not JSON (a control character in a name) fails with a code, never an exception', async () => {
    const text = '{"_ty\u0001pe":"https://in-toto.io/Statement/v1","predicate":{}}';
    const result = await verified(utf8(text));
    expect(result.verdict).toBe('failed');
    expect(result.steps.some((s) => s.code === 'INTERNAL')).toBe(false);
    expect(result.signed).toMatchObject({ encoding: 'utf-8', payload: text, length: utf8(text).length });
    expect(result.signed?.predicate).toBeUndefined();
  });
});
