// Standard certificate extensions (RFC 5280 §4.2) Sigstore relies on, decoded from their DER values.
import { VerifyError } from '../errors';
import { decodeOid, fromUtf8, readBoolean, readChildren, readInteger, readTlv, toHex, type Tlv } from '../encoding';
import { decodeAscii } from './names';
import { FULCIO_EXTENSIONS, OID_FULCIO_OTHERNAME_SAN } from './fulcio-extensions';

export const OID = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  sctList: '1.3.6.1.4.1.11129.2.4.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
} as const;

// Names of the extensions a user is likely to meet in Sigstore certificates.
export const EXTENSION_NAMES: Readonly<Record<string, string>> = {
  [OID.subjectKeyId]: 'Subject Key Identifier',
  [OID.keyUsage]: 'Key Usage',
  [OID.subjectAltName]: 'Subject Alternative Name',
  [OID.basicConstraints]: 'Basic Constraints',
  [OID.authorityKeyId]: 'Authority Key Identifier',
  [OID.extKeyUsage]: 'Extended Key Usage',
  [OID.sctList]: 'CT Precertificate SCTs',
  '1.3.6.1.4.1.11129.2.4.3': 'CT Precertificate Poison',
  '2.5.29.18': 'Issuer Alternative Name',
  '2.5.29.30': 'Name Constraints',
  '2.5.29.31': 'CRL Distribution Points',
  '2.5.29.32': 'Certificate Policies',
  '2.5.29.36': 'Policy Constraints',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  ...Object.fromEntries(FULCIO_EXTENSIONS.map((e) => [e.oid, `Fulcio ${e.name}`])),
};

// Bit names of KeyUsage (RFC 5280 §4.2.1.3), bit 0 first.
const KEY_USAGE_BITS = [
  'digitalSignature',
  'contentCommitment',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type SubjectAltName = { type: 'email' | 'uri' | 'dns' | 'ip' | 'otherName'; value: string };

// The one TLV that must make up a whole extension value.
function single(value: Uint8Array, tag: number, where: string): Tlv {
  const tlv = readTlv(value, 0, where);
  if (tlv.tag !== tag || tlv.end !== value.length) {
    throw new VerifyError('DER_INVALID', `${where}: expected tag 0x${tag.toString(16)}`, { where, found: `tag 0x${tlv.tag.toString(16)}` });
  }
  return tlv;
}

// KeyUsage BIT STRING to the names of the bits set.
export function parseKeyUsage(value: Uint8Array, where: string): string[] {
  const bits = single(value, 0x03, where).value;
  const unused = bits[0];
  if (unused === undefined || unused > 7 || (bits.length === 1 && unused !== 0)) throw new VerifyError('DER_INVALID', `${where}: malformed BIT STRING`, { where });
  const names: string[] = [];
  for (let i = 0; i < (bits.length - 1) * 8 - unused; i++) {
    if (bits[1 + (i >> 3)]! & (0x80 >> (i & 7))) names.push(KEY_USAGE_BITS[i] ?? `bit${i}`);
  }
  return names;
}

// BasicConstraints (RFC 5280 §4.2.1.9): cA flag and optional pathLenConstraint.
export function parseBasicConstraints(value: Uint8Array, where: string): { isCA: boolean; pathLen?: number } {
  const fields = readChildren(single(value, 0x30, where).value, where);
  const flag = fields[0]?.tag === 0x01 ? fields.shift() : undefined;
  const len = fields.shift();
  if (flag) readBoolean(flag, `${where}: cA`);
  if (len?.tag === 0x02) readInteger(len, `${where}: pathLenConstraint`);
  const malformed = fields.length > 0 || (len && (len.tag !== 0x02 || len.value.length > 4 || len.value[0]! & 0x80));
  if (malformed) throw new VerifyError('DER_INVALID', `${where}: malformed BasicConstraints`, { where });
  const isCA = flag !== undefined && flag.value[0] !== 0;
  return len ? { isCA, pathLen: len.value.reduce((n, b) => n * 256 + b, 0) } : { isCA };
}

// ExtKeyUsageSyntax: the purpose OIDs.
export function parseExtKeyUsage(value: Uint8Array, where: string): string[] {
  return readChildren(single(value, 0x30, where).value, where).map((oid) => {
    if (oid.tag !== 0x06) throw new VerifyError('DER_INVALID', `${where}: key purpose is not an OID`, { where });
    return decodeOid(oid.value);
  });
}

// SubjectKeyIdentifier: the key identifier as hex.
export function parseSubjectKeyId(value: Uint8Array, where: string): string {
  return toHex(single(value, 0x04, where).value);
}

// AuthorityKeyIdentifier: the [0] keyIdentifier as hex, when present.
export function parseAuthorityKeyId(value: Uint8Array, where: string): string | undefined {
  const keyId = readChildren(single(value, 0x30, where).value, where).find((f) => f.tag === 0x80);
  return keyId ? toHex(keyId.value) : undefined;
}

// The TLS-encoded SignedCertificateTimestampList inside the extension's OCTET STRING (RFC 6962 §3.3).
export function parseSctExtension(value: Uint8Array, where: string): Uint8Array {
  return single(value, 0x04, where).value;
}

// The GeneralName alternatives identities do not use (x400Address, directoryName, ediPartyName, registeredID):
// valid, kept visible only as hex.
const OTHER_GENERAL_NAMES = new Set([0xa3, 0xa4, 0xa5, 0x88]);

// GeneralNames (RFC 5280 §4.2.1.6) of the kinds identities use; other kinds stay visible only as hex. A value that
// is none of the CHOICE's nine alternatives, or an empty list (SIZE (1..MAX)), is not a GeneralNames.
export function parseSubjectAltNames(value: Uint8Array, where: string): SubjectAltName[] {
  const names: SubjectAltName[] = [];
  const all = readChildren(single(value, 0x30, where).value, where);
  if (all.length === 0) throw new VerifyError('DER_INVALID', `${where}: an empty GeneralNames`, { where, expected: 'at least one GeneralName (RFC 5280 §4.2.1.6)' });
  for (const gn of all) {
    switch (gn.tag) {
      case 0x81:
        names.push({ type: 'email', value: decodeAscii(gn.value, where) });
        break;
      case 0x82:
        names.push({ type: 'dns', value: decodeAscii(gn.value, where) });
        break;
      case 0x86:
        names.push({ type: 'uri', value: decodeAscii(gn.value, where) });
        break;
      case 0x87:
        names.push({ type: 'ip', value: formatIp(gn.value, where) });
        break;
      case 0xa0: {
        const username = fulcioUsername(gn.value, where);
        if (username !== undefined) names.push({ type: 'otherName', value: username });
        break;
      }
      default:
        if (!OTHER_GENERAL_NAMES.has(gn.tag)) {
          throw new VerifyError('DER_INVALID', `${where}: tag 0x${gn.tag.toString(16)} is not a GeneralName`, { where, expected: 'a GeneralName [0]–[8] (RFC 5280 §4.2.1.6)', found: `tag 0x${gn.tag.toString(16)}` });
        }
    }
  }
  return names;
}

// An otherName { type-id, [0] EXPLICIT value }: the UTF8String when the type-id is Fulcio's username.
function fulcioUsername(otherName: Uint8Array, where: string): string | undefined {
  const [typeId, wrapped, extra] = readChildren(otherName, where);
  if (!typeId || !wrapped || extra || typeId.tag !== 0x06 || wrapped.tag !== 0xa0) {
    throw new VerifyError('DER_INVALID', `${where}: malformed otherName`, { where });
  }
  if (decodeOid(typeId.value) !== OID_FULCIO_OTHERNAME_SAN) return undefined;
  return fromUtf8(single(wrapped.value, 0x0c, where).value, where);
}

// An iPAddress octet string as dotted IPv4 or RFC 5952 IPv6 text.
function formatIp(bytes: Uint8Array, where: string): string {
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length !== 16) throw new VerifyError('DER_INVALID', `${where}: iPAddress of ${bytes.length} bytes`, { where });
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}
