import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseRekorBody, verifyTlogBody } from '../../../src/core/tlog';
import { fromBase64, toBase64, toHex, toPem } from '../../../src/core/encoding';
import type { TlogEntry } from '../../../src/core/bundle/types';
import { loadLogCase, materialOf } from './conformance';
import { rejectionCode } from '../../support/error-code';

const enc = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Parse the case's body and compare it with the case's bundle.
async function checkCase(name: string) {
  const { bundle, entry, content } = loadLogCase(name);
  return verifyTlogBody(parseRekorBody(entry), content, materialOf(bundle, name));
}

// The case's entry with another body (kind and version taken from it).
function withBody(entry: TlogEntry, body: { kind: string; apiVersion: string }): TlogEntry {
  return { ...entry, kind: body.kind, version: body.apiVersion, canonicalizedBody: enc(body) };
}

describe('parseRekorBody', () => {
  it('reads a hashedrekord 0.0.1 body', () => {
    const { entry } = loadLogCase('happy-path-v0.3');
    const body = parseRekorBody(entry);
    expect(body).toMatchObject({ kind: 'hashedrekord', apiVersion: '0.0.1', rekor: 1 });
    expect(body.digest).toMatchObject({ algorithm: 'SHA-256', path: 'spec.data.hash.value' });
    expect(toHex(body.digest.value)).toBe('a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf');
    expect(body.signatures).toHaveLength(1);
    expect(body.signatures[0]!.verifier.form).toBe('certificate');
    expect(body.signatures[0]!.verifier.path).toBe('spec.signature.publicKey.content');
  });

  it('reads a hashedrekord 0.0.2 (Rekor v2) body', () => {
    const body = parseRekorBody(loadLogCase('rekor2-happy-path').entry);
    expect(body).toMatchObject({ kind: 'hashedrekord', apiVersion: '0.0.2', rekor: 2 });
    expect(toBase64(body.digest.value)).toBe('oM/HEnHW4njlfNMy/5V8P3BD/do1TEy7GQow1W76Ab8=');
    expect(body.signatures[0]!.verifier.path).toBe('spec.hashedRekordV002.signature.verifier.x509Certificate.rawBytes');
  });

  it('reads dsse 0.0.1 and intoto 0.0.2 bodies (the latter with doubly encoded signatures)', () => {
    const dsse = parseRekorBody(loadLogCase('happy-path-intoto-in-dsse-v3').entry);
    expect(dsse).toMatchObject({ kind: 'dsse', apiVersion: '0.0.1', rekor: 1 });
    expect(toHex(dsse.digest.value)).toBe('d6b209ba9dde3b1ee5edebb88d1b1b917b72eeb614328e7ba667f5b7ab70e987');
    const { entry, content } = loadLogCase('intoto-with-custom-trust-root');
    const intoto = parseRekorBody(entry);
    expect(intoto).toMatchObject({ kind: 'intoto', apiVersion: '0.0.2', rekor: 1 });
    expect(content.kind === 'dsse' && toHex(intoto.signatures[0]!.signature!)).toBe(content.kind === 'dsse' && toHex(content.signatures[0]!.sig));
  });

  it('reads a public-key verifier (managed-key-happy-path)', () => {
    expect(parseRekorBody(loadLogCase('managed-key-happy-path').entry).signatures[0]!.verifier.form).toBe('publicKey');
  });

  it('rejects a body whose kind or version is not the entry one', async () => {
    const { entry } = loadLogCase('happy-path-v0.3');
    expect(await rejectionCode(() => parseRekorBody({ ...entry, kind: 'dsse' }))).toBe('TLOG_BODY_MISMATCH');
    expect(await rejectionCode(() => parseRekorBody({ ...entry, version: '0.0.2' }))).toBe('TLOG_BODY_MISMATCH');
  });

  it('refuses kinds it does not know', async () => {
    const { entry } = loadLogCase('happy-path-v0.3');
    for (const [kind, apiVersion] of [['rekord', '0.0.1'], ['hashedrekord', '0.0.3'], ['intoto', '0.0.3'], ['__proto__', '0.0.1']]) {
      expect(await rejectionCode(() => parseRekorBody(withBody(entry, { apiVersion, kind, spec: {} } as never)))).toBe('TLOG_KIND_UNSUPPORTED');
    }
  });

  it.each([
    ['not JSON', '{"apiVersion"', 'JSON_INVALID'],
    ['an array', '[]', 'TLOG_BODY_INVALID'],
    ['no kind', '{"apiVersion":"0.0.1"}', 'TLOG_BODY_INVALID'],
    ['a numeric kind', '{"apiVersion":"0.0.1","kind":7}', 'TLOG_BODY_INVALID'],
    ['no spec', '{"apiVersion":"0.0.1","kind":"hashedrekord"}', 'TLOG_BODY_INVALID'],
    ['no signature', '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"sha256","value":"00"}}}}', 'TLOG_BODY_INVALID'],
    ['a bad hash algorithm', '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"md5","value":"00"}}}}', 'TLOG_BODY_INVALID'],
    ['bad hex', '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"sha256","value":"0g"}},"signature":{"content":"AA==","publicKey":{"content":"AA=="}}}}', 'HEX_INVALID'],
    ['bad base64', '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"sha256","value":"00"}},"signature":{"content":"A","publicKey":{"content":"AA=="}}}}', 'BASE64_INVALID'],
    ['a key that is not PEM', '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"sha256","value":"00"}},"signature":{"content":"AA==","publicKey":{"content":"AA=="}}}}', 'PEM_INVALID'],
    ['deep nesting', `{"apiVersion":"0.0.1","kind":"hashedrekord","spec":${'['.repeat(100)}${']'.repeat(100)}}`, 'LIMIT_EXCEEDED'],
  ])('rejects a body that is %s', async (_, text, code) => {
    const { entry } = loadLogCase('happy-path-v0.3');
    expect(await rejectionCode(() => parseRekorBody({ ...entry, canonicalizedBody: enc(text) }))).toBe(code);
  });

  it('rejects invalid UTF-8, oversized bodies and oversized PEM', async () => {
    const { entry } = loadLogCase('happy-path-v0.3');
    expect(await rejectionCode(() => parseRekorBody({ ...entry, canonicalizedBody: Uint8Array.of(0x7b, 0xff, 0x7d) }))).toBe('UTF8_INVALID');
    expect(await rejectionCode(() => parseRekorBody({ ...entry, canonicalizedBody: new Uint8Array(1024 * 1024 + 1).fill(0x20) }))).toBe('INPUT_TOO_LARGE');
    const hugePem = toBase64(enc('-----BEGIN X-----'.repeat(20000)));
    const body = { apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: '00' } }, signature: { content: 'AA==', publicKey: { content: hugePem } } } };
    expect(await rejectionCode(() => parseRekorBody(withBody(entry, body)))).toBe('TLOG_BODY_INVALID');
  });
});

describe('verifyTlogBody on conformance data', () => {
  it.each([
    'happy-path-v0.1',
    'happy-path-v0.3',
    'happy-path-intoto-in-dsse-v3',
    'intoto-with-custom-trust-root',
    'managed-key-happy-path',
    'managed-key-and-trusted-root',
    'rekor2-happy-path',
    'rekor2-dsse-happy-path',
    'bundle-with-sct-with-extensions',
  ])('accepts %s', async (name) => {
    const evidence = await checkCase(name);
    expect(evidence.length).toBeGreaterThanOrEqual(4);
  });

  it('says the Rekor v2 DSSE entry records the digest of the PAE', async () => {
    const evidence = await checkCase('rekor2-dsse-happy-path');
    expect(evidence).toContainEqual({
      kind: 'hex',
      label: 'Recorded digest (spec.hashedRekordV002.data.digest) = SHA-256 of the DSSE PAE',
      value: toHex(fromBase64('V/ITXFlMf5Ng55pUIsKR+IeNSuXFObwE3KRdpj18LhE=')),
    });
  });

  it.each([
    ['wrong-hashedrekord-cert-and-sig_fail', 'spec.signature.content'],
    ['wrong-hashedrekord-entry_fail', 'spec.signature.content'],
    ['incorrect-public-key_fail', 'spec.signature.publicKey.content'],
    ['signature-mismatch_fail', 'spec.signature.content'],
    ['message-digest-mismatch_fail', 'spec.data.hash.value'],
    ['dsse-mismatch-envelope_fail', 'spec.signatures[0].signature'],
    ['dsse-mismatch-sig_fail', 'spec.signatures[0].signature'],
    ['dsse-invalid-sig_fail', 'spec.signatures[0].signature'],
    ['rekor2-dsse-mismatch-envelope_fail', 'spec.hashedRekordV002.signature.content'],
    ['rekor2-dsse-mismatch-sig_fail', 'spec.hashedRekordV002.signature.content'],
    ['rekor2-dsse-invalid-sig_fail', 'spec.hashedRekordV002.signature.content'],
  ])('rejects %s at %s', async (name, path) => {
    const err = await checkCase(name).then(
      () => null,
      (e: unknown) => e as { code: string; detail: { where: string } },
    );
    expect(err?.code).toBe('TLOG_BODY_MISMATCH');
    expect(err?.detail.where).toBe(`verificationMaterial.tlogEntries[0].canonicalizedBody.${path}`);
  });

  it('rejects intoto-log-entry-mismatch_fail, whose recorded signature is not doubly encoded', async () => {
    expect(await rejectionCode(() => checkCase('intoto-log-entry-mismatch_fail'))).toBe('TLOG_BODY_INVALID');
  });

  it('checks the envelope digest on its own (rekor2-dsse-mismatch-envelope_fail with the logged signature)', async () => {
    const { bundle, entry, content } = loadLogCase('rekor2-dsse-mismatch-envelope_fail');
    const body = parseRekorBody(entry);
    if (content.kind !== 'dsse') throw new Error('expected DSSE');
    const sameSig = { ...content, signatures: [{ keyid: '', sig: body.signatures[0]!.signature! }] };
    const err = await verifyTlogBody(body, sameSig, materialOf(bundle, '')).catch((e: { code: string; detail: { where: string } }) => e);
    expect(err).toMatchObject({ code: 'TLOG_BODY_MISMATCH', detail: { where: `${entry.where}.canonicalizedBody.spec.hashedRekordV002.data.digest` } });
  });

  it('rejects a signer other than the bundle one, and a missing signer', async () => {
    const { bundle, entry, content } = loadLogCase('happy-path-v0.3');
    const body = parseRekorBody(entry);
    const managed = loadLogCase('managed-key-happy-path');
    const key = materialOf(managed.bundle, 'managed-key-happy-path');
    expect(await rejectionCode(() => verifyTlogBody(body, content, key))).toBe('TLOG_BODY_MISMATCH');
    expect(await rejectionCode(() => verifyTlogBody(parseRekorBody(managed.entry), managed.content, materialOf(bundle, '')))).toBe('TLOG_BODY_MISMATCH');
    expect(await rejectionCode(() => verifyTlogBody(body, content, {}))).toBe('KEY_MISSING');
  });

  it('rejects content of the wrong shape for the kind', async () => {
    const msg = loadLogCase('happy-path-v0.3');
    const dsse = loadLogCase('happy-path-intoto-in-dsse-v3');
    expect(await rejectionCode(() => verifyTlogBody(parseRekorBody(msg.entry), dsse.content, materialOf(msg.bundle, '')))).toBe('TLOG_BODY_MISMATCH');
    expect(await rejectionCode(() => verifyTlogBody(parseRekorBody(dsse.entry), msg.content, materialOf(dsse.bundle, '')))).toBe('TLOG_BODY_MISMATCH');
  });

  it('needs the bundle message digest and the same digest algorithm', async () => {
    const { bundle, entry, content } = loadLogCase('happy-path-v0.3');
    if (content.kind !== 'message') throw new Error('expected a message signature');
    const body = parseRekorBody(entry);
    expect(await rejectionCode(() => verifyTlogBody(body, { ...content, digest: null }, materialOf(bundle, '')))).toBe('BUNDLE_FIELD_MISSING');
    const other = { ...content, digest: { algorithm: 'SHA-512' as const, value: content.digest!.value } };
    expect(await rejectionCode(() => verifyTlogBody(body, other, materialOf(bundle, '')))).toBe('TLOG_BODY_MISMATCH');
  });

  it('rejects an envelope with an extra signature the entry does not record', async () => {
    const { bundle, entry, content } = loadLogCase('happy-path-intoto-in-dsse-v3');
    if (content.kind !== 'dsse') throw new Error('expected DSSE');
    const extra = { ...content, signatures: [...content.signatures, { keyid: '', sig: new Uint8Array(70) }] };
    expect(await rejectionCode(() => verifyTlogBody(parseRekorBody(entry), extra, materialOf(bundle, '')))).toBe('TLOG_BODY_MISMATCH');
  });
});

describe('verifyTlogBody on kinds without conformance data', () => {
  // A Rekor v2 dsse 0.0.2 body for the rekor2-dsse-happy-path envelope.
  function dsseV2() {
    const c = loadLogCase('rekor2-dsse-happy-path');
    if (c.content.kind !== 'dsse') throw new Error('expected DSSE');
    const cert = materialOf(c.bundle, '').certificateDer!;
    const body = {
      apiVersion: '0.0.2',
      kind: 'dsse',
      spec: {
        dsseV002: {
          payloadHash: { algorithm: 'SHA2_256', digest: Buffer.from(sha256hex(c.content.payload), 'hex').toString('base64') },
          signatures: [
            { content: toBase64(c.content.signatures[0]!.sig), verifier: { keyDetails: 'PKIX_ECDSA_P256_SHA_256', x509Certificate: { rawBytes: toBase64(cert) } } },
          ],
        },
      },
    };
    return { ...c, body, cert };
  }

  it('accepts a matching dsse 0.0.2 body and rejects a changed payload hash', async () => {
    const { entry, content, body, cert } = dsseV2();
    const evidence = await verifyTlogBody(parseRekorBody(withBody(entry, body)), content, { certificateDer: cert });
    expect(evidence).toContainEqual({ kind: 'text', label: 'Entry type', value: 'dsse 0.0.2 (Rekor v2)' });
    body.spec.dsseV002.payloadHash.digest = toBase64(new Uint8Array(32));
    const err = await verifyTlogBody(parseRekorBody(withBody(entry, body)), content, { certificateDer: cert }).catch((e: { code: string; detail: { where: string } }) => e);
    expect(err).toMatchObject({ code: 'TLOG_BODY_MISMATCH', detail: { where: `${entry.where}.canonicalizedBody.spec.dsseV002.payloadHash.digest` } });
  });

  it('accepts a matching intoto 0.0.1 body (key and payload hash only) and rejects another key', async () => {
    const { bundle, entry, content } = loadLogCase('intoto-with-custom-trust-root');
    if (content.kind !== 'dsse') throw new Error('expected DSSE');
    const cert = materialOf(bundle, '').certificateDer!;
    const body = {
      apiVersion: '0.0.1',
      kind: 'intoto',
      spec: {
        content: { hash: { algorithm: 'sha256', value: '00'.repeat(32) }, payloadHash: { algorithm: 'sha256', value: sha256hex(content.payload) } },
        publicKey: toBase64(enc(toPem(cert, 'CERTIFICATE'))),
      },
    };
    const evidence = await verifyTlogBody(parseRekorBody(withBody(entry, body)), content, { certificateDer: cert });
    expect(evidence).toContainEqual({ kind: 'text', label: 'Recorded signature', value: 'intoto 0.0.1 entries record no signature' });
    const other = materialOf(loadLogCase('happy-path-v0.3').bundle, '');
    expect(await rejectionCode(() => verifyTlogBody(parseRekorBody(withBody(entry, body)), content, other))).toBe('TLOG_BODY_MISMATCH');
  });
});
