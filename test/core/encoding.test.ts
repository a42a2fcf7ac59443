import { describe, expect, it } from 'vitest';
import { codeOf } from '../support/error-code';
import fc from 'fast-check';
import { canonicalJson, fromBase64, fromHex, parseJson, parsePem, preAuthEncoding, readTlv, toBase64, toHex, toPem, utf8 } from '../../src/core';
import { fromUtf8 } from '../../src/core/encoding';


describe('base64', () => {
  it('round-trips any bytes, matching Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const b64 = toBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(b64)).toEqual(bytes);
        expect(fromBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
      }),
    );
  });
  it('skips line breaks as Go and protojson do, but no other whitespace', () => {
    expect(fromBase64('aGVs\nbG8=\r\n')).toEqual(new TextEncoder().encode('hello'));
    expect(codeOf(() => fromBase64('aGVs bG8='))).toBe('BASE64_INVALID');
  });
  it('refuses characters outside the alphabet, bad padding and non-zero trailing bits', () => {
    expect(codeOf(() => fromBase64('ab$d'))).toBe('BASE64_INVALID');
    expect(codeOf(() => fromBase64('a==='))).toBe('BASE64_INVALID');
    expect(codeOf(() => fromBase64('abc=d'))).toBe('BASE64_INVALID');
    expect(codeOf(() => fromBase64('YR=='))).toBe('BASE64_INVALID');
    expect(codeOf(() => fromBase64('Y'))).toBe('BASE64_INVALID');
  });
});

describe('hex, PEM, UTF-8', () => {
  it('hex round-trips and refuses odd lengths and non-hex', () => {
    expect(toHex(fromHex('00ffA0'))).toBe('00ffa0');
    expect(codeOf(() => fromHex('abc'))).toBe('HEX_INVALID');
    expect(codeOf(() => fromHex('zz'))).toBe('HEX_INVALID');
  });
  it('hex of large inputs (past the small-input loop) matches Node byte for byte', () => {
    for (const n of [1024, 1025, 70_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
    }
  });

  it('PEM blocks round-trip and a text without one is PEM_INVALID', () => {
    const der = Uint8Array.from({ length: 100 }, (_, i) => i);
    expect(parsePem(toPem(der, 'CERTIFICATE') + toPem(der.slice(1), 'PUBLIC KEY')).map((b) => [b.label, b.der.length])).toEqual([
      ['CERTIFICATE', 100],
      ['PUBLIC KEY', 99],
    ]);
    expect(codeOf(() => parsePem('nothing here'))).toBe('PEM_INVALID');
  });
  it('UTF-8 decoding is strict', () => {
    expect(codeOf(() => fromUtf8(Uint8Array.of(0xc3, 0x28)))).toBe('UTF8_INVALID');
  });
});

describe('JSON', () => {
  it('canonical JSON sorts keys and drops whitespace (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 'é', y: 0.5 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":0.5,"z":"é"}}');
  });
  it('parseJson caps size and depth and reports malformed text', () => {
    expect(codeOf(() => parseJson('{"a":'))).toBe('JSON_INVALID');
    expect(codeOf(() => parseJson('[1]', 'x', 2))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => parseJson('['.repeat(100) + ']'.repeat(100)))).toBe('LIMIT_EXCEEDED');
  });
});

describe('DER and DSSE PAE', () => {
  it('readTlv refuses lengths that run past the buffer', () => {
    expect(codeOf(() => readTlv(Uint8Array.of(0x30, 0x82, 0xff, 0xff, 0x00)))).toBe('DER_INVALID');
    expect(codeOf(() => readTlv(Uint8Array.of(0x30)))).toBe('DER_INVALID');
    expect(readTlv(Uint8Array.of(0x04, 0x02, 0xaa, 0xbb)).value).toEqual(Uint8Array.of(0xaa, 0xbb));
  });
  it('PAE follows the DSSE v1 layout', () => {
    expect(new TextDecoder().decode(preAuthEncoding('application/example', utf8('héllo')))).toBe('DSSEv1 19 application/example 6 héllo');
  });
});

describe('incremental digest', () => {
  it('equals the one-shot WebCrypto digest for any chunking', async () => {
    const { createIncrementalDigest, digest } = await import('../../src/core/crypto');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(3000), { maxLength: 5 }), fc.constantFrom('SHA-256', 'SHA-384', 'SHA-512' as const), async (data, cuts, alg) => {
        const h = createIncrementalDigest(alg);
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          h.update(data.subarray(at, Math.max(at, Math.min(cut, data.length))));
          at = Math.max(at, Math.min(cut, data.length));
        }
        h.update(data.subarray(at));
        expect(toHex(h.digest())).toBe(toHex(await digest(alg, data)));
      }),
      { numRuns: 60 },
    );
  });
});
