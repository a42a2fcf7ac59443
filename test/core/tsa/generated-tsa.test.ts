import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../../src/core/errors';
import { fromHex } from '../../../src/core/encoding';
import { parseTimestampToken, verifyTimestamp } from '../../../src/core/tsa';
import { parseCertificate } from '../../../src/core/x509/certificate';
import type { CertificateAuthority } from '../../../src/core/trust/types';
import { createTsa, type TimestampAuthority } from '../../support/sigstore/tsa';
import { OID, authorityKeyId, extKeyUsage, issueCertificate, keyUsage, subjectKeyId, type Extension } from '../../support/sigstore/x509';
import type { KeyAlgorithm } from '../../support/sigstore/keys';

const NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const NOT_AFTER = new Date('2026-01-01T00:00:00Z');
const GEN_TIME = new Date('2025-06-01T12:00:00Z');
const DATA = new TextEncoder().encode('signature bytes');

// A trusted-root entry for a test TSA, or for another chain in its place.
function authorityOf(chain: readonly Uint8Array[]): CertificateAuthority {
  return { subject: { organization: 'sigstore.dev', commonName: 'test' }, uri: '', certChain: [...chain], validFor: { start: NOT_BEFORE.getTime() }, where: 'timestampAuthorities[0]' };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (err) {
    return err instanceof VerifyError ? err.code : `non-VerifyError: ${String(err)}`;
  }
}

// The TSA leaf issued again by the same root, same key and serial, with other extensions.
function reissuedLeaf(tsa: TimestampAuthority, extensions: Extension[]): Uint8Array {
  const serial = fromHex(parseCertificate(tsa.leaf.certificate, 'leaf').serialNumber);
  const fields = { serial, issuer: tsa.root.name, subject: tsa.leaf.name, notBefore: NOT_BEFORE, notAfter: NOT_AFTER, spki: tsa.leaf.key.spki };
  return issueCertificate({ ...fields, extensions: [keyUsage([0]), subjectKeyId(tsa.leaf.key.spki), authorityKeyId(tsa.root.key.spki), ...extensions] }, tsa.root.key);
}

describe('verifyTimestamp with tokens from a TSA built in the test', () => {
  it.each<KeyAlgorithm>(['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-pkcs1-2048', 'rsa-pss-2048', 'ed25519'])('verifies a token signed with %s', async (keyAlgorithm) => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER, keyAlgorithm });
    const token = parseTimestampToken(tsa.timestamp({ data: DATA, genTime: GEN_TIME }), 'ts');
    const result = await verifyTimestamp(token, DATA, [authorityOf(tsa.chain)]);
    expect(result.time).toBe(GEN_TIME.getTime());
    expect(await codeOf(verifyTimestamp(token, DATA.subarray(1), [authorityOf(tsa.chain)]))).toBe('TSA_IMPRINT_MISMATCH');
  });

  it('verifies without an embedded certificate or a nonce', async () => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const token = parseTimestampToken(tsa.timestamp({ data: DATA, genTime: GEN_TIME, embedCertificate: false, nonce: false }), 'ts');
    expect(token.certificates).toEqual([]);
    expect(token.tstInfo.nonce).toBeUndefined();
    expect((await verifyTimestamp(token, DATA, [authorityOf(tsa.chain)])).time).toBe(GEN_TIME.getTime());
  });

  it('rejects a genTime before the TSA certificate was valid', async () => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const token = parseTimestampToken(tsa.timestamp({ data: DATA, genTime: new Date('2024-12-31T23:59:59Z') }), 'ts');
    const authority = { ...authorityOf(tsa.chain), validFor: { start: 0 } };
    expect(await codeOf(verifyTimestamp(token, DATA, [authority]))).toBe('TSA_NOT_VALID_AT_TIME');
  });

  it('rejects a TSA certificate without the timeStamping extended key usage (RFC 3161 §2.3)', async () => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const token = parseTimestampToken(tsa.timestamp({ data: DATA, genTime: GEN_TIME }), 'ts');
    const noEku = reissuedLeaf(tsa, [extKeyUsage([OID.codeSigning], true)]);
    const err = await verifyTimestamp(token, DATA, [authorityOf([noEku, tsa.root.certificate])]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VerifyError);
    expect((err as VerifyError).code).toBe('TSA_UNTRUSTED');
    expect((err as VerifyError).detail.found).toBe(OID.codeSigning);
  });

  it('rejects a trusted certificate that is not the one the ESSCertIDv2 names, even with the same key and serial', async () => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const token = parseTimestampToken(tsa.timestamp({ data: DATA, genTime: GEN_TIME }), 'ts');
    const other = reissuedLeaf(tsa, [extKeyUsage([OID.timeStamping], true)]);
    const err = await verifyTimestamp(token, DATA, [authorityOf([other, tsa.root.certificate])]).catch((e: unknown) => e);
    expect((err as VerifyError).code).toBe('TSA_UNTRUSTED');
    expect((err as VerifyError).detail.where).toBe('ts.timeStampToken.signedData.signerInfos[0].signedAttrs.signingCertificateV2');
  });

  it('rejects a token from another TSA with the same names', async () => {
    const tsa = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const impostor = createTsa({ notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    const token = parseTimestampToken(impostor.timestamp({ data: DATA, genTime: GEN_TIME }), 'ts');
    expect(await codeOf(verifyTimestamp(token, DATA, [authorityOf(tsa.chain)]))).toBe('TSA_UNTRUSTED');
  });
});
