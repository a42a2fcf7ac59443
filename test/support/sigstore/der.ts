// Minimal DER encoder (ITU-T X.690 §8 and §10) giving byte-exact control over the
// certificates, CMS structures and extensions the test instance issues.

export type Der = Uint8Array;

// Concatenates byte arrays.
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// Encodes a definite length (X.690 §8.1.3): short form below 128, long form otherwise.
function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

// Encodes one TLV with the given identifier octet.
export function tlv(tag: number, ...content: readonly Uint8Array[]): Der {
  const body = concat(...content);
  return concat(Uint8Array.of(tag), encodeLength(body.length), body);
}

// SEQUENCE of the given encoded elements.
export function seq(...items: readonly Der[]): Der {
  return tlv(0x30, ...items);
}

// SET OF the given elements, sorted by encoding as DER requires (X.690 §11.6).
export function set(...items: readonly Der[]): Der {
  const sorted = [...items].sort(compareBytes);
  return tlv(0x31, ...sorted);
}

// Lexicographic byte comparison used for DER SET OF ordering.
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

// Context-specific constructed tag [n] wrapping content (EXPLICIT tagging, or IMPLICIT of a constructed type).
export function ctx(n: number, ...content: readonly Der[]): Der {
  return tlv(0xa0 | n, ...content);
}

// Context-specific primitive tag [n] (IMPLICIT tagging of a primitive type).
export function ctxPrim(n: number, content: Uint8Array): Der {
  return tlv(0x80 | n, content);
}

// INTEGER from a non-negative bigint or number (two's complement, minimal octets).
export function int(value: bigint | number): Der {
  let v = BigInt(value);
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

// INTEGER from unsigned big-endian bytes (serial numbers), minimal and positive.
export function intBytes(unsigned: Uint8Array): Der {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const trimmed = unsigned.subarray(start);
  const body = (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
  return tlv(0x02, body);
}

// BOOLEAN (DER TRUE is 0xff).
export function bool(value: boolean): Der {
  return tlv(0x01, Uint8Array.of(value ? 0xff : 0));
}

// NULL.
export function nul(): Der {
  return Uint8Array.of(0x05, 0x00);
}

// OCTET STRING.
export function octets(value: Uint8Array): Der {
  return tlv(0x04, value);
}

// BIT STRING with no unused bits.
export function bits(value: Uint8Array): Der {
  return tlv(0x03, Uint8Array.of(0), value);
}

// BIT STRING for a named-bit list such as KeyUsage, with trailing zero bits trimmed (X.690 §11.2.2).
export function namedBits(bitIndexes: readonly number[]): Der {
  const max = Math.max(...bitIndexes);
  const bytes = new Uint8Array(Math.floor(max / 8) + 1);
  for (const i of bitIndexes) bytes[Math.floor(i / 8)]! |= 0x80 >> (i % 8);
  const unused = 7 - (max % 8);
  return tlv(0x03, Uint8Array.of(unused), bytes);
}

// UTF8String.
export function utf8(value: string): Der {
  return tlv(0x0c, new TextEncoder().encode(value));
}

// PrintableString (callers pass printable characters only).
export function printable(value: string): Der {
  return tlv(0x13, new TextEncoder().encode(value));
}

// IA5String.
export function ia5(value: string): Der {
  return tlv(0x16, new TextEncoder().encode(value));
}

// OBJECT IDENTIFIER from dotted notation (X.690 §8.19).
export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  const [first = 0n, second = 0n, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [];
    let v = arc;
    do {
      chunk.unshift(Number(v & 0x7fn));
      v >>= 7n;
    } while (v > 0n);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i]! |= 0x80;
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

// Two-digit zero padding for time strings.
function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// UTCTime YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1: dates before 2050).
export function utcTime(date: Date): Der {
  const s =
    pad(date.getUTCFullYear() % 100) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  return tlv(0x17, new TextEncoder().encode(s));
}

// GeneralizedTime YYYYMMDDHHMMSS[.fff]Z, fraction only when non-zero (RFC 3161 §2.4.2).
export function generalizedTime(date: Date): Der {
  const ms = date.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : '.' + pad(ms, 3).replace(/0+$/, '');
  const s =
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    fraction +
    'Z';
  return tlv(0x18, new TextEncoder().encode(s));
}

// X.509 Time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5).
export function x509Time(date: Date): Der {
  return date.getUTCFullYear() < 2050 ? utcTime(date) : generalizedTime(date);
}

// Reads the outer TLV at offset: returns header length and content length (definite lengths only).
export function readHeader(der: Uint8Array, offset = 0): { tag: number; headerLength: number; length: number } {
  const tag = der[offset] ?? 0;
  const first = der[offset + 1] ?? 0;
  if (first < 0x80) return { tag, headerLength: 2, length: first };
  const n = first & 0x7f;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
  return { tag, headerLength: 2 + n, length };
}

// Splits the content of a constructed TLV into its encoded children.
export function children(der: Uint8Array): Uint8Array[] {
  const { headerLength, length } = readHeader(der);
  const out: Uint8Array[] = [];
  let offset = headerLength;
  const end = headerLength + length;
  while (offset < end) {
    const h = readHeader(der, offset);
    out.push(der.subarray(offset, offset + h.headerLength + h.length));
    offset += h.headerLength + h.length;
  }
  return out;
}
