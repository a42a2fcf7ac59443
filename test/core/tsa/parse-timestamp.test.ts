import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../../src/core/errors';
import { readTlv, readChildren, toHex } from '../../../src/core/encoding';
import { parseTimestampToken } from '../../../src/core/tsa';
import { parseGeneralizedTime } from '../../../src/core/tsa/tst-info';
import { DOCKER_BUNDLE, flip, loadBundle, loadCase, offsetIn } from './fixtures';

const happy = loadCase('rekor2-happy-path').timestamp;

// The code a synchronous call fails with, or 'none'.
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (err) {
    return err instanceof VerifyError ? err.code : `non-VerifyError: ${String(err)}`;
  }
}

// The TimeStampToken (ContentInfo) TLV inside a TimeStampResp.
function bareToken(resp: Uint8Array): Uint8Array {
  const outer = readTlv(resp);
  const token = readChildren(outer.value)[1]!;
  return outer.value.slice(token.start, token.end);
}

describe('parseTimestampToken on real tokens', () => {
  it('reads the TSTInfo of the staging TSA token (rekor2-happy-path)', () => {
    const t = parseTimestampToken(happy, 'ts');
    expect(t.status).toBe(0);
    expect(t.eContentType).toBe('1.2.840.113549.1.9.16.1.4');
    expect(t.tstInfo.policy).toBe('1.3.6.1.4.1.57264.2');
    expect(t.tstInfo.messageImprint.hashAlgorithm).toBe('SHA-256');
    expect(toHex(t.tstInfo.messageImprint.hashedMessage)).toBe('6ddf31609e2a6c814f8266aab75204b7a1f5e96d1bc07dde6ff39add8408cda2');
    expect(toHex(t.tstInfo.serialNumber)).toBe('559742c71edae5b645233a7ac43a8d033142a5ac');
    expect(t.tstInfo.genTime).toBe(Date.UTC(2025, 5, 12, 12, 2, 20));
    expect(t.tstInfo.genTimeText).toBe('20250612120220Z');
    expect(t.tstInfo.accuracy).toEqual({ seconds: 1, millis: 0, micros: 0 });
    expect(t.tstInfo.ordering).toBe(false);
    expect(toHex(t.tstInfo.nonce!)).toBe('008f59f2afe69cc8a8');
    expect(t.tstInfo.tsaName).toBeDefined();
  });

  it('reads the SignerInfo: sid, algorithms, attributes and ESSCertIDv2', () => {
    const { signer, certificates } = parseTimestampToken(happy, 'ts');
    expect(signer.sid.kind).toBe('issuerAndSerialNumber');
    if (signer.sid.kind === 'issuerAndSerialNumber') expect(toHex(signer.sid.serialNumber)).toBe('0a35a10661d5e24173c68996a7f27df27e037ca7');
    expect(signer.digestAlgorithm).toBe('SHA-256');
    expect(signer.signatureAlgorithm).toMatchObject({ oid: '1.2.840.10045.4.3.2', scheme: 'ecdsa', hash: 'SHA-256' });
    expect(signer.contentType).toBe('1.2.840.113549.1.9.16.1.4');
    expect(toHex(signer.messageDigest)).toBe('25e7cf91c04271fd58eb8c99be21646aeb66f1993c8f7c2f0d13dd981c75d75f');
    expect(signer.signingCertificate).toMatchObject({ version: 2, hashAlgorithm: 'SHA-256' });
    expect(toHex(signer.signingCertificate!.certHash)).toBe('06f4ffe047feb35999b733b0d7a323501cfc18e4c03366a845d77536e74b2744');
    expect(signer.signature.length).toBe(104);
    expect(certificates).toHaveLength(1);
  });

  it('keeps the original signed-attribute bytes, re-tagged as SET (RFC 5652 §5.4)', () => {
    const { signer } = parseTimestampToken(happy, 'ts');
    expect(signer.signedAttrs[0]).toBe(0x31);
    // In this token the [0] IMPLICIT signed attributes start at byte 889 and are 255 bytes long.
    expect(happy[889]).toBe(0xa0);
    expect(signer.signedAttrs).toHaveLength(255);
    expect(toHex(signer.signedAttrs.subarray(1))).toBe(toHex(happy.subarray(890, 889 + 255)));
    expect(happy[889]).toBe(0xa0); // the input is not modified
  });

  it('accepts a bare TimeStampToken ContentInfo as well as a TimeStampResp', () => {
    const bare = parseTimestampToken(bareToken(happy), 'ts');
    const wrapped = parseTimestampToken(happy, 'ts');
    expect(bare.status).toBeUndefined();
    expect(bare.tstInfo.genTime).toBe(wrapped.tstInfo.genTime);
    expect(toHex(bare.signer.signature)).toBe(toHex(wrapped.signer.signature));
  });

  it('reads a token with an empty certificates field (public-good TSA, Docker Hub fixture)', () => {
    const t = parseTimestampToken(loadBundle(DOCKER_BUNDLE).timestamp, 'ts');
    expect(t.certificates).toEqual([]);
    expect(t.tstInfo.genTime).toBe(Date.UTC(2026, 5, 8, 7, 5, 25));
    expect(t.tstInfo.nonce).toBeUndefined();
  });

  it('reads an RSA token that names only the key type and an ESSCertID v1 (FreeTSA)', () => {
    const t = parseTimestampToken(loadCase('rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail').timestamp, 'ts');
    expect(t.signer.signatureAlgorithm).toEqual({ oid: '1.2.840.113549.1.1.1', scheme: 'rsa-pkcs1' });
    expect(t.signer.digestAlgorithm).toBe('SHA-512');
    expect(t.signer.signingCertificate?.version).toBe(1);
    expect(t.signer.signingCertificate?.hashAlgorithm).toBeUndefined();
    expect(t.tstInfo.policy).toBe('1.2.3.4.1');
    expect(t.tstInfo.accuracy).toBeUndefined();
    expect(t.certificates).toHaveLength(2);
  });
});

describe('parseTimestampToken on malformed input', () => {
  it('rejects every truncation with TSA_PARSE_FAILED', () => {
    for (const length of [0, 1, 2, 3, 10, 100, 500, 888, 1000, happy.length - 1]) {
      expect(codeOf(() => parseTimestampToken(happy.subarray(0, length), 'ts'))).toBe('TSA_PARSE_FAILED');
    }
  });

  it('rejects trailing bytes, a huge declared length and a wrong outer tag', () => {
    const trailing = new Uint8Array([...happy, 0]);
    expect(codeOf(() => parseTimestampToken(trailing, 'ts'))).toBe('TSA_PARSE_FAILED');
    expect(codeOf(() => parseTimestampToken(Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30), 'ts'))).toBe('TSA_PARSE_FAILED');
    expect(codeOf(() => parseTimestampToken(flip(happy, 0, 0x01), 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects a response whose status is not granted', () => {
    // byte 8 is the PKIStatus INTEGER's value (0 = granted); 2 = rejection
    expect(happy[8]).toBe(0);
    expect(codeOf(() => parseTimestampToken(flip(happy, 8, 0x02), 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects a SignedData version other than 3 and a content type other than signedData', () => {
    expect(happy[34]).toBe(3);
    expect(codeOf(() => parseTimestampToken(flip(happy, 34, 0x07), 'ts'))).toBe('TSA_PARSE_FAILED');
    // last byte of the pkcs7-signedData OID (1.2.840.113549.1.7.2 → .1.7.3)
    expect(codeOf(() => parseTimestampToken(flip(happy, 23, 0x01), 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects an eContentType other than id-ct-TSTInfo', () => {
    // byte 65 is the last byte of the eContentType OID ...9.16.1.4
    expect(happy[65]).toBe(0x04);
    expect(codeOf(() => parseTimestampToken(flip(happy, 65, 0x01), 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects a digestAlgorithms set that omits the signer digest', () => {
    // byte 49 is the last byte of the sha256 OID in SignedData.digestAlgorithms (…4.2.1 → …4.2.3 = SHA-512)
    expect(happy[49]).toBe(0x01);
    expect(codeOf(() => parseTimestampToken(flip(happy, 49, 0x02), 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects a bad genTime inside an otherwise well-formed token', () => {
    const t = parseTimestampToken(happy, 'ts');
    const genTimeAt = offsetIn(happy, t.tstInfo.der) + toHex(t.tstInfo.der).indexOf(toHex(new TextEncoder().encode(t.tstInfo.genTimeText))) / 2;
    const bad = happy.slice();
    bad[genTimeAt + 4] = 0x31; // month "06" → "16"
    expect(codeOf(() => parseTimestampToken(bad, 'ts'))).toBe('TSA_PARSE_FAILED');
  });

  it('rejects a name in the ESSCertIDv2 issuerSerial whose attribute type is cut mid-subidentifier (X.690 §8.19)', () => {
    const issuer = parseTimestampToken(happy, 'ts').signer.signingCertificate!.issuerSerial!.issuer;
    // The last byte of the first attribute type OID (06 03 55 04 xx) with its continuation bit set.
    const oidAt = offsetIn(happy, issuer) + toHex(issuer).indexOf('06035504') / 2;
    expect(oidAt).toBeGreaterThan(offsetIn(happy, issuer));
    const bad = happy.slice();
    bad[oidAt + 4]! |= 0x80;
    expect(codeOf(() => parseTimestampToken(bad, 'ts'))).toBe('TSA_PARSE_FAILED');
  });
});

describe('parseGeneralizedTime (RFC 3161 §2.4.2 form)', () => {
  it('reads whole seconds and fractions, truncating past milliseconds', () => {
    expect(parseGeneralizedTime('20250612120220Z', 'g')).toBe(Date.UTC(2025, 5, 12, 12, 2, 20));
    expect(parseGeneralizedTime('20250612120220.5Z', 'g')).toBe(Date.UTC(2025, 5, 12, 12, 2, 20, 500));
    expect(parseGeneralizedTime('20250612120220.123456Z', 'g')).toBe(Date.UTC(2025, 5, 12, 12, 2, 20, 123));
    expect(parseGeneralizedTime('20240229235959Z', 'g')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it.each([
    '20250612120220', // no Z
    '20250612120220.50Z', // trailing zero in the fraction
    '20250612120220.Z',
    '202506121202Z', // no seconds
    '20250612120220+0100',
    '20250230120000Z', // 30 February
    '20230229120000Z',
    '20251312120000Z',
    '20250612240000Z',
    '20250612126000Z',
    '00990612120000Z',
  ])('rejects %s', (text) => {
    expect(codeOf(() => parseGeneralizedTime(text, 'g'))).toBe('TSA_PARSE_FAILED');
  });
});
