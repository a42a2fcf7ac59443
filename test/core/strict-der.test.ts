// One strict DER reader for x509, tsa and signatures (X.690 §10): non-minimal lengths, BER booleans and
// non-minimal integers are DER_INVALID wherever they appear.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertDer, parseCertificate, readBoolean, readInteger, readTlv } from '../../src/core';
import { codeOf } from '../support/error-code';
import { createTestInstance } from '../support/sigstore';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('strict DER', () => {
  it('refuses long-form lengths that the short form or fewer octets could carry', () => {
    expect(readTlv(bytes(0x04, 0x81, 0x80, ...new Array(0x80).fill(0))).value.length).toBe(0x80);
    expect(codeOf(() => readTlv(bytes(0x04, 0x81, 0x03, 1, 2, 3)))).toBe('DER_INVALID');
    expect(codeOf(() => readTlv(bytes(0x04, 0x82, 0x00, 0x03, 1, 2, 3)))).toBe('DER_INVALID');
  });

  it('reads BOOLEAN only as 00 or FF', () => {
    expect(readBoolean(readTlv(bytes(0x01, 0x01, 0xff)))).toBe(true);
    expect(readBoolean(readTlv(bytes(0x01, 0x01, 0x00)))).toBe(false);
    for (const v of [0x01, 0x7f, 0xfe]) expect(codeOf(() => readBoolean(readTlv(bytes(0x01, 0x01, v))))).toBe('DER_INVALID');
    expect(codeOf(() => readBoolean(readTlv(bytes(0x01, 0x02, 0xff, 0xff))))).toBe('DER_INVALID');
  });

  it('reads INTEGER only in its minimal form', () => {
    expect(readInteger(readTlv(bytes(0x02, 0x02, 0x00, 0x80)))).toEqual(bytes(0x00, 0x80));
    expect(readInteger(readTlv(bytes(0x02, 0x01, 0xff)))).toEqual(bytes(0xff));
    expect(codeOf(() => readInteger(readTlv(bytes(0x02, 0x02, 0x00, 0x7f))))).toBe('DER_INVALID');
    expect(codeOf(() => readInteger(readTlv(bytes(0x02, 0x02, 0xff, 0x80))))).toBe('DER_INVALID');
    expect(codeOf(() => readInteger(readTlv(bytes(0x02, 0x00))))).toBe('DER_INVALID');
  });

  it('refuses end-of-contents, constructed forms of primitive types, bad BIT STRINGs and NULLs with content anywhere below a value', () => {
    const seq = (...inner: number[]) => bytes(0x30, inner.length, ...inner);
    expect(() => assertDer(seq(0x02, 0x01, 0x05, 0x03, 0x02, 0x00, 0xff, 0x05, 0x00))).not.toThrow();
    expect(codeOf(() => readTlv(bytes(0x00, 0x00)))).toBe('DER_INVALID'); // X.690 §8.1.5: end-of-contents
    expect(codeOf(() => assertDer(seq(0x21, 0x03, 0x01, 0x01, 0xff)))).toBe('DER_INVALID'); // constructed BOOLEAN
    expect(codeOf(() => assertDer(seq(0x24, 0x03, 0x04, 0x01, 0x00)))).toBe('DER_INVALID'); // constructed OCTET STRING (§10.2)
    expect(codeOf(() => assertDer(seq(0x60, 0x02, 0x41, 0x42)))).toBe('DER_INVALID'); // constructed, content not TLVs
    expect(codeOf(() => assertDer(seq(0x03, 0x02, 0x08, 0xff)))).toBe('DER_INVALID'); // 8 unused bits (§8.6.2.2)
    expect(codeOf(() => assertDer(seq(0x03, 0x02, 0x01, 0x01)))).toBe('DER_INVALID'); // unused bit set (§11.2.1)
    expect(codeOf(() => assertDer(seq(0x03, 0x01, 0x01)))).toBe('DER_INVALID'); // empty with unused bits
    expect(codeOf(() => assertDer(seq(0x05, 0x01, 0x00)))).toBe('DER_INVALID'); // NULL with content (§8.8.2)
    expect(codeOf(() => assertDer(seq(0x30, 0x03, 0x02, 0x02, 0x00, 0x01)))).toBe('DER_INVALID'); // nested non-minimal INTEGER
    expect(codeOf(() => assertDer(bytes(0x05, 0x00, 0x05, 0x00)))).toBe('DER_INVALID'); // trailing bytes
    const time = (tag: number, text: string) => bytes(tag, text.length, ...new TextEncoder().encode(text));
    expect(() => assertDer(time(0x18, '20260101120000.5Z'))).not.toThrow();
    expect(() => assertDer(time(0x17, '260101120000Z'))).not.toThrow();
    for (const bad of [time(0x18, '20260101120000.50Z'), time(0x18, '202601011200Z'), time(0x17, '2601011200+0100'), time(0x18, 'sigstore.dev')]) {
      expect(codeOf(() => assertDer(bad))).toBe('DER_INVALID'); // X.690 §11.7–11.8
    }
  });

  it('any short-form TLV re-encoded with a non-minimal long length is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 127 }), (content) => {
        expect(readTlv(bytes(0x04, content.length, ...content)).value).toEqual(content);
        expect(codeOf(() => readTlv(bytes(0x04, 0x81, content.length, ...content)))).toBe('DER_INVALID');
      }),
    );
  });

  it('a certificate whose extension critical flag is a BER TRUE (01) is refused', () => {
    const leaf = createTestInstance().signMessage(new Uint8Array(1)).certificate!;
    expect(parseCertificate(leaf, 'leaf').extensions.some((e) => e.critical)).toBe(true);
    const i = findCritical(leaf);
    const ber = leaf.slice();
    ber[i + 2] = 0x01;
    expect(codeOf(() => parseCertificate(ber, 'leaf'))).toMatch(/DER_INVALID|CERT_PARSE_FAILED/);
  });
});

// Offset of the first `01 01 FF` (a critical flag) in a certificate.
function findCritical(der: Uint8Array): number {
  for (let i = 0; i + 2 < der.length; i++) if (der[i] === 0x01 && der[i + 1] === 0x01 && der[i + 2] === 0xff) return i;
  throw new Error('no critical flag');
}
