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

/** A TLV header as offsets: the reader's scratch, so whole-value checks allocate nothing per node. */
interface Header {
  tag: number;
  valueStart: number;
  end: number;
}

const scratch: Header = { tag: 0, valueStart: 0, end: 0 };

// Read the header of the TLV at `offset` of a value that ends at `limit` into `h`; definite, minimal lengths only
// (X.690 §10.1: the short form below 128, else the fewest length octets with no leading zero), every length checked
// against `limit`. Errors name offsets from `base`, the start of the enclosing value.
function readHeader(bytes: Uint8Array, offset: number, limit: number, base: number, where: string, h: Header): void {
  if (offset + 2 > limit) derError(where, 'truncated header', offset - base);
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) derError(where, 'multi-byte tags are not supported', offset - base);
  // Universal tag 0 is end-of-contents, which only closes a BER indefinite length (X.690 §8.1.5); DER has none.
  if ((tag & 0xdf) === 0) derError(where, 'an end-of-contents octet pair (universal tag 0)', offset - base);
  let len = bytes[offset + 1]!;
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) derError(where, 'unsupported length form', offset - base);
    if (p + n > limit) derError(where, 'truncated length', offset - base);
    if (bytes[p] === 0) derError(where, 'non-minimal length (a leading zero length octet)', offset - base);
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i]!;
    if (len < 0x80) derError(where, `non-minimal length (${len} in the long form)`, offset - base);
    p += n;
  }
  if (p + len > limit) derError(where, `length ${len} runs past the end`, offset - base);
  h.tag = tag;
  h.valueStart = p;
  h.end = p + len;
}

// Read one TLV at offset (the rules of readHeader).
export function readTlv(bytes: Uint8Array, offset = 0, where = 'DER'): Tlv {
  readHeader(bytes, offset, bytes.length, 0, where, scratch);
  const { tag, valueStart, end } = scratch;
  return { tag, start: offset, valueStart, end, value: bytes.subarray(valueStart, end) };
}

// Throw the DER_INVALID error for a malformed TLV.
function derError(where: string, why: string, offset: number): never {
  throw new VerifyError('DER_INVALID', `${where}: ${why} at byte ${offset}`, { where });
}

// A BOOLEAN (`isBoolean`: its tag says so) has one content octet bytes[start, end), 0x00 or 0xFF (X.690 §11.1; BER's
// any-non-zero TRUE is not DER).
function checkBoolean(bytes: Uint8Array, start: number, end: number, where: string, at: number, isBoolean = true): void {
  if (!isBoolean || end - start !== 1 || (bytes[start] !== 0x00 && bytes[start] !== 0xff)) {
    derError(where, `a BOOLEAN must be one octet 00 or FF, found ${end - start === 1 ? `0x${bytes[start]!.toString(16).padStart(2, '0')}` : `${end - start} octets`}`, at);
  }
}

// A BOOLEAN's value.
export function readBoolean(tlv: Tlv, where = 'DER'): boolean {
  checkBoolean(tlv.value, 0, tlv.value.length, where, tlv.start, tlv.tag === 0x01);
  return tlv.value[0] === 0xff;
}

// An INTEGER's content bytes[start, end) need at least one octet and must be minimal (X.690 §8.3.2: the first nine
// bits are never all zero or all one).
function checkInteger(bytes: Uint8Array, start: number, end: number, where: string, at: number): void {
  if (end - start === 0) derError(where, 'an INTEGER needs at least one content octet', at);
  const a = bytes[start]!;
  if (end - start > 1 && ((a === 0x00 && bytes[start + 1]! < 0x80) || (a === 0xff && bytes[start + 1]! >= 0x80))) derError(where, 'non-minimal INTEGER', at);
}

// An INTEGER's content octets, checked.
export function readInteger(tlv: Tlv, where = 'DER'): Uint8Array {
  if (tlv.tag !== 0x02) derError(where, 'an INTEGER needs at least one content octet', tlv.start);
  checkInteger(tlv.value, 0, tlv.value.length, where, tlv.start);
  return tlv.value;
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
// attribute, an unread signed attribute, a TSA's GeneralName) cannot be BER or malformed. Offsets only: nothing is
// allocated per node.
export function assertDer(bytes: Uint8Array, where = 'DER'): void {
  readHeader(bytes, 0, bytes.length, 0, where, scratch);
  if (scratch.end !== bytes.length) derError(where, 'trailing bytes after the value', scratch.end);
  // Each TLV is checked at `at` (absolute) inside a value that starts at `base`; errors name offsets from `base`.
  const walk = (at: number, base: number): number => {
    const { tag, valueStart, end } = scratch;
    const rel = at - base;
    const universal = (tag & 0xc0) === 0;
    const constructed = (tag & 0x20) !== 0;
    if (universal && constructed !== UNIVERSAL_CONSTRUCTED.has(tag & 0x1f)) {
      derError(where, `universal type ${tag & 0x1f} in the ${constructed ? 'constructed' : 'primitive'} form`, rel);
    }
    if (constructed) {
      // Every child's header first, then each child's content, as a reader that splits the value into its TLVs would.
      for (let child = valueStart; child < end; child = scratch.end) readHeader(bytes, child, end, valueStart, where, scratch);
      for (let child = valueStart; child < end; ) {
        readHeader(bytes, child, end, valueStart, where, scratch);
        child = walk(child, valueStart);
      }
    } else if (tag === 0x01) checkBoolean(bytes, valueStart, end, where, rel);
    else if (tag === 0x02) checkInteger(bytes, valueStart, end, where, rel);
    else if (tag === 0x03) checkBitString(bytes, valueStart, end, where, rel);
    else if (tag === 0x05 && end !== valueStart) derError(where, 'a NULL with content (X.690 §8.8.2)', rel);
    else if ((tag === 0x17 || tag === 0x18) && !DER_TIME[tag]!.test(String.fromCharCode(...bytes.subarray(valueStart, Math.min(end, valueStart + 32))))) {
      derError(where, `a ${tag === 0x17 ? 'UTCTime' : 'GeneralizedTime'} not in its DER form (X.690 §11.7–11.8)`, rel);
    }
    return end;
  };
  walk(0, 0);
}

// A BIT STRING's initial octet counts 0–7 unused bits, 0 when empty (X.690 §8.6.2.2–8.6.2.3), and DER sets the
// unused bits to zero (§11.2.1).
function checkBitString(bytes: Uint8Array, start: number, end: number, where: string, at: number): void {
  const unused = end > start ? bytes[start]! : undefined;
  if (unused === undefined || unused > 7 || (end - start === 1 && unused !== 0) || (bytes[end - 1]! & ((1 << unused) - 1)) !== 0) {
    derError(where, `a BIT STRING with ${unused === undefined ? 'no initial octet' : `${unused} unused bits`} that DER does not allow`, at);
  }
}

// Decode an OBJECT IDENTIFIER's content bytes to dotted form (X.690 §8.19: base-128 subidentifiers, the first
// one joining the first two arcs).
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0 || value[value.length - 1]! & 0x80 || value.length > 64) {
    throw new VerifyError('DER_INVALID', 'malformed OBJECT IDENTIFIER');
  }
  let out = '';
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    n = n * 128 + (value[i]! & 0x7f);
    if (value[i]! & 0x80) continue;
    if (out === '') out = n < 80 ? `${Math.floor(n / 40)}.${n % 40}` : `2.${n - 80}`;
    else out += `.${n}`;
    n = 0;
  }
  return out;
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
