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
  // Universal tag 0 is end-of-contents, which only closes a BER indefinite length (X.690 §8.1.5); DER has none.
  if ((tag & 0xdf) === 0) derError(where, 'an end-of-contents octet pair (universal tag 0)', offset);
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

// Universal types whose DER encoding is constructed; every other universal type is primitive in DER (X.690 §8.2–8.23
// for the inherently primitive ones, §10.2 for strings).
const UNIVERSAL_CONSTRUCTED = new Set([0x08, 0x0b, 0x10, 0x11]);

// UTCTime YYMMDDHHMMSSZ and GeneralizedTime YYYYMMDDHHMMSS[.fff]Z, seconds present, no trailing fraction zeros.
const DER_TIME: Record<number, RegExp> = { 0x17: /^\d{12}Z$/, 0x18: /^\d{14}(\.\d*[1-9])?Z$/ };

// Check that bytes are exactly one DER TLV and that every constructed value below it is DER too, read with the same
// cursor: run over a whole certificate or token before its fields are picked out, so bytes kept as they are (a name
// attribute, an unread signed attribute, a TSA's GeneralName) cannot be BER or malformed.
export function assertDer(bytes: Uint8Array, where = 'DER'): void {
  const tlv = readTlv(bytes, 0, where);
  if (tlv.end !== bytes.length) derError(where, 'trailing bytes after the value', tlv.end);
  const walk = (t: Tlv) => {
    const universal = (t.tag & 0xc0) === 0;
    const constructed = (t.tag & 0x20) !== 0;
    if (universal && constructed !== UNIVERSAL_CONSTRUCTED.has(t.tag & 0x1f)) {
      derError(where, `universal type ${t.tag & 0x1f} in the ${constructed ? 'constructed' : 'primitive'} form`, t.start);
    }
    if (constructed) for (const child of readChildren(t.value, where)) walk(child);
    else if (t.tag === 0x01) readBoolean(t, where);
    else if (t.tag === 0x02) readInteger(t, where);
    else if (t.tag === 0x03) assertBitString(t, where);
    else if (t.tag === 0x05 && t.value.length !== 0) derError(where, 'a NULL with content (X.690 §8.8.2)', t.start);
    else if ((t.tag === 0x17 || t.tag === 0x18) && !DER_TIME[t.tag]!.test(String.fromCharCode(...t.value.subarray(0, 32)))) {
      derError(where, `a ${t.tag === 0x17 ? 'UTCTime' : 'GeneralizedTime'} not in its DER form (X.690 §11.7–11.8)`, t.start);
    }
  };
  walk(tlv);
}

// A BIT STRING's initial octet counts 0–7 unused bits, 0 when empty (X.690 §8.6.2.2–8.6.2.3), and DER sets the
// unused bits to zero (§11.2.1).
function assertBitString(t: Tlv, where: string): void {
  const unused = t.value[0];
  if (unused === undefined || unused > 7 || (t.value.length === 1 && unused !== 0) || (t.value.at(-1)! & ((1 << unused) - 1)) !== 0) {
    derError(where, `a BIT STRING with ${unused === undefined ? 'no initial octet' : `${unused} unused bits`} that DER does not allow`, t.start);
  }
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
