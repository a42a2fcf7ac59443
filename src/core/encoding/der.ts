// A minimal strict DER (X.690) reader for the few structures read without a full ASN.1 library.
import { VerifyError } from '../errors';

export interface Tlv {
  tag: number;
  /** Offset of the tag byte in the source. */
  start: number;
  /** Offset of the first content byte. */
  valueStart: number;
  /** Offset just past the content. */
  end: number;
  value: Uint8Array;
}

// Read one TLV at offset; definite lengths only, every length checked against the buffer.
export function readTlv(bytes: Uint8Array, offset = 0, where = 'DER'): Tlv {
  if (offset + 2 > bytes.length) derError(where, 'truncated header', offset);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) derError(where, 'multi-byte tags are not supported', offset);
  let len = bytes[offset + 1]!;
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) derError(where, 'unsupported length form', offset);
    if (p + n > bytes.length) derError(where, 'truncated length', offset);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i]!;
    p += n;
  }
  if (p + len > bytes.length) derError(where, `length ${len} runs past the end`, offset);
  return { tag, start: offset, valueStart: p, end: p + len, value: bytes.subarray(p, p + len) };
}

// Throw the DER_INVALID error for a malformed TLV.
function derError(where: string, why: string, offset: number): never {
  throw new VerifyError('DER_INVALID', `${where}: ${why} at byte ${offset}`, { where });
}

// The TLVs directly inside a constructed value, in order.
export function readChildren(value: Uint8Array, where = 'DER'): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < value.length) {
    const tlv = readTlv(value, offset, where);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

// Decode an OBJECT IDENTIFIER's content bytes to dotted form.
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0 || value[value.length - 1]! & 0x80 || value.length > 64) {
    throw new VerifyError('DER_INVALID', 'malformed OBJECT IDENTIFIER');
  }
  const parts: number[] = [];
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    n = n * 128 + (value[i]! & 0x7f);
    if (!(value[i]! & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  const first = parts.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

// Encode one TLV with a definite length (used to rebuild small structures such as a precertificate).
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const len = value.length;
  const head =
    len < 0x80
      ? [tag, len]
      : len < 0x100
        ? [tag, 0x81, len]
        : len < 0x10000
          ? [tag, 0x82, len >> 8, len & 0xff]
          : [tag, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(head.length + len);
  out.set(head);
  out.set(value, head.length);
  return out;
}
