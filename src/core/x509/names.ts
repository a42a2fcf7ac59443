// X.501 Names (RFC 5280 §4.1.2.4) rendered as RFC 4514 strings for display and error details.
import { VerifyError } from '../errors';
import { decodeOid, fromUtf8, readChildren, toHex, type Tlv } from '../encoding';

// Short names of RFC 4514 §3, plus emailAddress as commonly shown.
const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

// Render a DER Name (the SEQUENCE's content) as RFC 4514 §2: RDNs last-to-first, ',' and '+' separated.
export function formatName(nameValue: Uint8Array, where: string): string {
  const rdns = readChildren(nameValue, where).map((rdn) => {
    if (rdn.tag !== 0x31) throw new VerifyError('DER_INVALID', `${where}: a relative distinguished name is not a SET`, { where });
    return readChildren(rdn.value, where)
      .map((atv) => formatAttribute(atv, where))
      .join('+');
  });
  return rdns.reverse().join(',');
}

// One AttributeTypeAndValue as type=value (RFC 4514 §2.3); non-string values as #hex (§2.4).
function formatAttribute(atv: Tlv, where: string): string {
  const [type, value, extra] = atv.tag === 0x30 ? readChildren(atv.value, where) : [];
  if (!type || !value || extra || type.tag !== 0x06) {
    throw new VerifyError('DER_INVALID', `${where}: malformed AttributeTypeAndValue`, { where });
  }
  const oid = decodeOid(type.value);
  const text = decodeDirectoryString(value, where);
  const rendered = text === undefined ? `#${toHex(atv.value.subarray(value.start, value.end))}` : escapeValue(text);
  return `${ATTRIBUTE_NAMES[oid] ?? oid}=${rendered}`;
}

// The text of a DirectoryString-like value, or undefined for a type that is not a string.
export function decodeDirectoryString(tlv: Tlv, where: string): string | undefined {
  switch (tlv.tag) {
    case 0x0c: // UTF8String
      return fromUtf8(tlv.value, where);
    case 0x13: // PrintableString
    case 0x16: // IA5String
      return decodeAscii(tlv.value, where);
    case 0x14: // TeletexString, read as Latin-1 as most software does
      return Array.from(tlv.value, (b) => String.fromCharCode(b)).join('');
    case 0x1e: // BMPString (UTF-16BE)
      return decodeWide(tlv.value, 2, where);
    case 0x1c: // UniversalString (UTF-32BE)
      return decodeWide(tlv.value, 4, where);
    default:
      return undefined;
  }
}

// 7-bit ASCII only (IA5String, PrintableString).
export function decodeAscii(bytes: Uint8Array, where: string): string {
  let out = '';
  for (const b of bytes) {
    if (b > 0x7f) throw new VerifyError('DER_INVALID', `${where}: non-ASCII byte in an ASCII string`, { where, found: toHex(bytes) });
    out += String.fromCharCode(b);
  }
  return out;
}

// Fixed-width big-endian code units to a string; invalid code points are an error.
function decodeWide(bytes: Uint8Array, width: 2 | 4, where: string): string {
  if (bytes.length % width !== 0) throw new VerifyError('DER_INVALID', `${where}: truncated wide string`, { where });
  let out = '';
  for (let i = 0; i < bytes.length; i += width) {
    let cp = 0;
    for (let j = 0; j < width; j++) cp = cp * 256 + bytes[i + j]!;
    if (cp > 0x10ffff || (width === 4 && cp >= 0xd800 && cp <= 0xdfff)) {
      throw new VerifyError('DER_INVALID', `${where}: invalid character in wide string`, { where });
    }
    out += width === 2 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return out;
}

// The characters RFC 4514 §2.4 escapes anywhere in a value: one test, and the same class to replace each.
const SPECIAL = /[\\"+,;<>\0]/;
const EVERY_SPECIAL = new RegExp(SPECIAL.source, 'g');

// Escape an attribute value per RFC 4514 §2.4.
function escapeValue(text: string): string {
  let out = SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => (c === '\0' ? '\\00' : `\\${c}`)) : text;
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}
