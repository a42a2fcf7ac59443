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

// Read one TLV at offset; definite, minimal lengths only (X.690 §10.1: the short form below 128, else the fewest
// length octets with no leading zero), every length checked against the buffer.
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
    if (bytes[p] === 0) derError(where, 'non-minimal length (a leading zero length octet)', offset);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i]!;
    if (len < 0x80) derError(where, `non-minimal length (${len} in the long form)`, offset);
    p += n;
  }
  if (p + len > bytes.length) derError(where, `length ${len} runs past the end`, offset);
  return { tag, start: offset, valueStart: p, end: p + len, value: bytes.subarray(p, p + len) };
}

// Throw the DER_INVALID error for a malformed TLV.
function derError(where: string, why: string, offset: number): never {
  throw new VerifyError('DER_INVALID', `${where}: ${why} at byte ${offset}`, { where });
}

// A BOOLEAN's value: one content octet, 0x00 or 0xFF (X.690 §11.1; BER's any-non-zero TRUE is not DER).
export function readBoolean(tlv: Tlv, where = 'DER'): boolean {
  if (tlv.tag !== 0x01 || tlv.value.length !== 1 || (tlv.value[0] !== 0x00 && tlv.value[0] !== 0xff)) {
    derError(where, `a BOOLEAN must be one octet 00 or FF, found ${tlv.value.length === 1 ? `0x${tlv.value[0]!.toString(16).padStart(2, '0')}` : `${tlv.value.length} octets`}`, tlv.start);
  }
  return tlv.value[0] === 0xff;
}

// An INTEGER's content octets, checked minimal (X.690 §8.3.2: the first nine bits are never all zero or all one).
export function readInteger(tlv: Tlv, where = 'DER'): Uint8Array {
  const v = tlv.value;
  if (tlv.tag !== 0x02 || v.length === 0) derError(where, 'an INTEGER needs at least one content octet', tlv.start);
  if (v.length > 1 && ((v[0] === 0x00 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80))) derError(where, 'non-minimal INTEGER', tlv.start);
  return v;
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
