// X.509 v3 certificate assembly (RFC 5280 §4.1) from explicit fields, so the exact
// TBSCertificate bytes and extension order are under the caller's control.
import { createHash, randomBytes } from 'node:crypto';
import {
  bits,
  bool,
  children,
  concat,
  ctx,
  ctxPrim,
  ia5,
  int,
  intBytes,
  namedBits,
  octets,
  oid,
  printable,
  readHeader,
  seq,
  set,
  utf8,
  x509Time,
  type Der,
} from './der.ts';
import type { TestKey } from './keys.ts';

export interface Extension {
  readonly oid: string;
  readonly critical?: boolean;
  /** Contents of extnValue (what the OCTET STRING wraps). */
  readonly value: Uint8Array;
}

export interface DistinguishedName {
  readonly organization?: string;
  readonly commonName?: string;
}

export interface CertificateFields {
  readonly serial: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Uint8Array;
  readonly extensions: readonly Extension[];
}

export const OID = {
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyId: '2.5.29.14',
  authorityKeyId: '2.5.29.35',
  subjectAltName: '2.5.29.17',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ctPoison: '1.3.6.1.4.1.11129.2.4.3',
  ctSctList: '1.3.6.1.4.1.11129.2.4.2',
} as const;

// Name as a SEQUENCE of single-attribute RDNs, O then CN, PrintableString (as Fulcio and the TSA write it).
export function encodeName(name: DistinguishedName): Der {
  const rdns: Der[] = [];
  if (name.organization !== undefined) rdns.push(set(seq(oid('2.5.4.10'), printable(name.organization))));
  if (name.commonName !== undefined) rdns.push(set(seq(oid('2.5.4.3'), printable(name.commonName))));
  return seq(...rdns);
}

// One Extension (RFC 5280 §4.1: extnID, critical DEFAULT FALSE, extnValue).
export function encodeExtension(ext: Extension): Der {
  return ext.critical ? seq(oid(ext.oid), bool(true), octets(ext.value)) : seq(oid(ext.oid), octets(ext.value));
}

// TBSCertificate for the fields, with the signature algorithm of the issuing key.
export function encodeTbs(fields: CertificateFields, signatureAlgorithm: Der): Der {
  const parts: Der[] = [
    ctx(0, int(2)),
    intBytes(fields.serial),
    signatureAlgorithm,
    encodeName(fields.issuer),
    seq(x509Time(fields.notBefore), x509Time(fields.notAfter)),
    encodeName(fields.subject),
    fields.spki,
  ];
  if (fields.extensions.length > 0) parts.push(ctx(3, seq(...fields.extensions.map(encodeExtension))));
  return seq(...parts);
}

// Signs a TBSCertificate into a Certificate (RFC 5280 §4.1.1).
export function signTbs(tbs: Uint8Array, issuerKey: TestKey): Der {
  const algorithm = issuerKey.signatureAlgorithm();
  return seq(tbs, algorithm, bits(issuerKey.sign(tbs)));
}

// Issues a certificate for the fields, signed by issuerKey.
export function issueCertificate(fields: CertificateFields, issuerKey: TestKey): Der {
  return signTbs(encodeTbs(fields, issuerKey.signatureAlgorithm()), issuerKey);
}

// The TBSCertificate element of a DER certificate.
export function tbsOf(certificate: Uint8Array): Uint8Array {
  const [tbs] = children(certificate);
  if (!tbs) throw new Error('certificate has no TBSCertificate');
  return tbs;
}

// Re-encodes a TBSCertificate without the extensions whose OID matches `drop`.
export function tbsWithoutExtension(tbs: Uint8Array, dropOid: string): Der {
  const dropEncoded = oid(dropOid);
  const parts = children(tbs).map((part) => {
    if (part[0] !== 0xa3) return part;
    const [extSeq] = children(part);
    const kept = children(extSeq ?? seq()).filter((ext) => !startsWithAt(ext, dropEncoded));
    return ctx(3, seq(...kept));
  });
  return seq(...parts);
}

// Whether an encoded Extension's first child equals the encoded OID.
function startsWithAt(ext: Uint8Array, encodedOid: Uint8Array): boolean {
  const { headerLength } = readHeader(ext);
  const first = ext.subarray(headerLength, headerLength + encodedOid.length);
  return first.length === encodedOid.length && first.every((b, i) => b === encodedOid[i]);
}

// The subjectPublicKey bit string content of an SPKI (without the unused-bits octet).
export function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  const [, bitString] = children(spki);
  if (!bitString) throw new Error('malformed SPKI');
  const { headerLength } = readHeader(bitString);
  return bitString.subarray(headerLength + 1);
}

// Key identifier per RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits.
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(subjectPublicKeyBits(spki)).digest());
}

// Random positive 20-octet serial number (RFC 5280 §4.1.2.2 allows up to 20 octets).
export function randomSerial(): Uint8Array {
  const serial = new Uint8Array(randomBytes(20));
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01;
  return serial;
}

// keyUsage extension (critical) from bit indexes: 0 digitalSignature, 5 keyCertSign, 6 cRLSign.
export function keyUsage(bitIndexes: readonly number[]): Extension {
  return { oid: OID.keyUsage, critical: true, value: namedBits(bitIndexes) };
}

// extKeyUsage extension with the given purposes.
export function extKeyUsage(purposes: readonly string[], critical = false): Extension {
  return { oid: OID.extKeyUsage, critical, value: seq(...purposes.map((p) => oid(p))) };
}

// basicConstraints (critical) for a CA, with an optional pathLenConstraint.
export function caConstraints(pathLen?: number): Extension {
  const value = pathLen === undefined ? seq(bool(true)) : seq(bool(true), int(pathLen));
  return { oid: OID.basicConstraints, critical: true, value };
}

// subjectKeyIdentifier of a public key.
export function subjectKeyId(spki: Uint8Array): Extension {
  return { oid: OID.subjectKeyId, value: octets(keyIdentifier(spki)) };
}

// authorityKeyIdentifier naming the issuer's key identifier only.
export function authorityKeyId(issuerSpki: Uint8Array): Extension {
  return { oid: OID.authorityKeyId, value: seq(ctxPrim(0, keyIdentifier(issuerSpki))) };
}

// subjectAltName with one rfc822Name [1], uniformResourceIdentifier [6] or otherName [0] { Fulcio username OID,
// [0] EXPLICIT UTF8String } (Fulcio certificate specification), critical when the subject is empty.
export function subjectAltName(san: { email: string } | { uri: string } | { otherName: string }, critical = true): Extension {
  const general =
    'email' in san
      ? retag(ia5(san.email), 0x81)
      : 'uri' in san
        ? retag(ia5(san.uri), 0x86)
        : retag(seq(oid('1.3.6.1.4.1.57264.1.7'), ctx(0, utf8(san.otherName))), 0xa0);
  return { oid: OID.subjectAltName, critical, value: seq(general) };
}

// Replaces the identifier octet of an encoded TLV (IMPLICIT re-tagging).
function retag(encoded: Uint8Array, tag: number): Uint8Array {
  return concat(Uint8Array.of(tag), encoded.subarray(1));
}
