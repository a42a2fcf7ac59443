// X.509 v3 certificates (RFC 5280 §4.1) decoded with the strict DER reader, keeping the original bytes.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { parsePublicKey, type PublicKey } from '../crypto';
import { assertDer, bytesEqual, decodeOid, readBoolean, readChildren, readInteger, readTlv, toHex, type Tlv } from '../encoding';
import { parseSignatureAlgorithm, type SignatureAlgorithm } from './algorithms';
import { formatName } from './names';
import { parseTime } from './time';
import { addFulcioClaim, type FulcioClaims } from './fulcio-extensions';
import {
  EXTENSION_NAMES,
  OID,
  parseAuthorityKeyId,
  parseBasicConstraints,
  parseExtKeyUsage,
  parseKeyUsage,
  parseSctExtension,
  parseSubjectAltNames,
  parseSubjectKeyId,
  type SubjectAltName,
} from './extensions';

export interface CertificateExtension {
  oid: string;
  /** Known name, absent for an extension Signet does not know. */
  name?: string;
  critical: boolean;
  /** The extension's value bytes as hex (made when first read). */
  valueHex: string;
}

export interface Certificate {
  /** Where in the input (or trusted root) the certificate came from. */
  where: string;
  der: Uint8Array;
  /** The version as written: 1–3 (RFC 5280 §4.1.2.1; an absent [0] field means v1). */
  version: number;
  /** The TBSCertificate exactly as signed. */
  tbs: Uint8Array;
  /** The signature bytes (for ECDSA the DER Ecdsa-Sig-Value). */
  signatureValue: Uint8Array;
  signatureAlgorithm: SignatureAlgorithm;
  /** The SubjectPublicKeyInfo exactly as encoded. */
  spki: Uint8Array;
  publicKey: PublicKey;
  /** RFC 4514 renderings, and the DER Name content bytes used for matching. */
  subject: string;
  issuer: string;
  rawSubject: Uint8Array;
  rawIssuer: Uint8Array;
  serialNumber: string;
  /** Validity in ms since the epoch; both ends inclusive (RFC 5280 §4.1.2.5). */
  notBefore: number;
  notAfter: number;
  isCA: boolean;
  pathLenConstraint?: number;
  keyUsage: string[];
  /** Extended key usage purpose OIDs. */
  extKeyUsage: string[];
  subjectAltNames: SubjectAltName[];
  fulcio: FulcioClaims;
  extensions: CertificateExtension[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** The TLS-encoded SignedCertificateTimestampList (RFC 6962 §3.3), when embedded. */
  sctList?: Uint8Array;
  /** The [3] extensions field, offsets within the TBSCertificate's content (for rebuilding the precertificate). */
  extensionsField?: Tlv;
}

/** The fields of a TBSCertificate as TLVs over the TBS content. */
export interface TbsFields {
  version?: Tlv;
  serial: Tlv;
  signature: Tlv;
  issuer: Tlv;
  validity: Tlv;
  subject: Tlv;
  spki: Tlv;
  /** The [3] EXPLICIT Extensions wrapper, when present (always last). */
  extensions?: Tlv;
}

// Split a TBSCertificate's content into its fields in the order RFC 5280 §4.1 fixes.
export function readTbsFields(tbsContent: Uint8Array, where: string): TbsFields {
  const fields = readChildren(tbsContent, where);
  const take = (tag: number, optional: boolean): Tlv | undefined => {
    if (fields[0]?.tag === tag) return fields.shift();
    if (optional) return undefined;
    throw new VerifyError('DER_INVALID', `${where}: expected tag 0x${tag.toString(16)}`, { where, found: fields[0] ? `tag 0x${fields[0].tag.toString(16)}` : 'end of TBSCertificate' });
  };
  const version = take(0xa0, true);
  const [serial, signature, issuer, validity, subject, spki] = [0x02, 0x30, 0x30, 0x30, 0x30, 0x30].map((tag) => take(tag, false)!) as [Tlv, Tlv, Tlv, Tlv, Tlv, Tlv];
  take(0x81, true); // issuerUniqueID
  take(0x82, true); // subjectUniqueID
  const extensions = take(0xa3, true);
  if (fields.length > 0) throw new VerifyError('DER_INVALID', `${where}: unexpected data after the TBSCertificate fields`, { where });
  readInteger(serial, `${where}.serialNumber`);
  const versionNumber = version ? versionOf(version, where) : 0;
  if (extensions && versionNumber !== 2) throw new VerifyError('DER_INVALID', `${where}: extensions in a v${versionNumber + 1} certificate`, { where });
  return { ...(version && { version }), serial, signature, issuer, validity, subject, spki, ...(extensions && { extensions }) };
}

// The version number of an explicit [0] Version field (0 = v1, 2 = v3).
function versionOf(version: Tlv, where: string): number {
  const int = readTlv(version.value, 0, where);
  if (int.tag !== 0x02 || int.end !== version.value.length || readInteger(int, `${where}.version`).length !== 1 || int.value[0]! > 2) {
    throw new VerifyError('DER_INVALID', `${where}: bad certificate version`, { where });
  }
  return int.value[0]!;
}

// Parse a DER certificate; CERT_PARSE_FAILED (with where) for anything that is not a well-formed v3 certificate.
export function parseCertificate(der: Uint8Array, where: string): Certificate {
  if (der.length > LIMITS.certificateBytes) {
    throw new VerifyError('INPUT_TOO_LARGE', `${where} is ${der.length} bytes, over the ${LIMITS.certificateBytes}-byte limit`, {
      where,
      expected: `at most ${LIMITS.certificateBytes} bytes`,
      found: `${der.length} bytes`,
    });
  }
  try {
    return decodeCertificate(der, where);
  } catch (err) {
    if (err instanceof VerifyError && (err.code === 'DER_INVALID' || err.code === 'UTF8_INVALID')) {
      throw new VerifyError('CERT_PARSE_FAILED', `${where} is not a valid X.509 certificate: ${err.message}`, {
        where: err.detail.where ?? where,
        expected: 'a DER X.509 v3 certificate (RFC 5280 §4.1)',
        found: err.detail.found ?? `${der.length} bytes starting ${toHex(der.subarray(0, 8))}`,
      });
    }
    throw err;
  }
}

// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } (RFC 5280 §4.1.1) into its fields.
function decodeCertificate(der: Uint8Array, where: string): Certificate {
  assertDer(der, where);
  const outer = readTlv(der, 0, where);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new VerifyError('DER_INVALID', `${where}: not a single DER SEQUENCE`, { where });
  const [tbsTlv, algTlv, sigTlv, extra] = readChildren(outer.value, where);
  if (!tbsTlv || !algTlv || !sigTlv || extra || tbsTlv.tag !== 0x30 || algTlv.tag !== 0x30 || sigTlv.tag !== 0x03) {
    throw new VerifyError('DER_INVALID', `${where}: not a Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }`, { where });
  }
  if (sigTlv.value[0] !== 0) throw new VerifyError('DER_INVALID', `${where}: signature BIT STRING has unused bits`, { where });
  const tbsWhere = `${where}.tbsCertificate`;
  const f = readTbsFields(tbsTlv.value, tbsWhere);
  // RFC 5280 §4.1.1.2: the outer algorithm MUST equal the signed one.
  if (!bytesEqual(f.signature.value, algTlv.value)) {
    throw new VerifyError('DER_INVALID', `${where}: signatureAlgorithm differs from tbsCertificate.signature`, { where });
  }
  const [notBefore, notAfter, more] = readChildren(f.validity.value, `${tbsWhere}.validity`);
  if (!notBefore || !notAfter || more) throw new VerifyError('DER_INVALID', `${tbsWhere}.validity: malformed`, { where: `${tbsWhere}.validity` });
  const spki = tbsTlv.value.subarray(f.spki.start, f.spki.end);
  const cert: Certificate = {
    where,
    der,
    version: f.version ? readTlv(f.version.value, 0, tbsWhere).value[0]! + 1 : 1,
    tbs: outer.value.subarray(tbsTlv.start, tbsTlv.end),
    signatureValue: sigTlv.value.subarray(1),
    signatureAlgorithm: parseSignatureAlgorithm(algTlv.value, `${where}.signatureAlgorithm`),
    spki,
    publicKey: parsePublicKey(spki, `${tbsWhere}.subjectPublicKeyInfo`),
    subject: formatName(f.subject.value, `${tbsWhere}.subject`),
    issuer: formatName(f.issuer.value, `${tbsWhere}.issuer`),
    rawSubject: f.subject.value,
    rawIssuer: f.issuer.value,
    serialNumber: serialHex(f.serial.value, `${tbsWhere}.serialNumber`),
    notBefore: parseTime(notBefore, `${tbsWhere}.validity.notBefore`),
    notAfter: parseTime(notAfter, `${tbsWhere}.validity.notAfter`),
    isCA: false,
    keyUsage: [],
    extKeyUsage: [],
    subjectAltNames: [],
    fulcio: {},
    extensions: [],
  };
  if (f.extensions) {
    cert.extensionsField = f.extensions;
    readExtensions(cert, f.extensions, `${tbsWhere}.extensions`);
  }
  return cert;
}

// A positive serial number as hex, without the sign byte DER may need.
function serialHex(value: Uint8Array, where: string): string {
  if (value.length === 0 || value[0]! & 0x80) throw new VerifyError('DER_INVALID', `${where}: not a positive INTEGER`, { where });
  return toHex(value.length > 1 && value[0] === 0 ? value.subarray(1) : value);
}

const DECODERS = new Map<string, (cert: Certificate, value: Uint8Array, where: string) => void>([
  [
    OID.basicConstraints,
    (c, v, w) => {
      const bc = parseBasicConstraints(v, w);
      c.isCA = bc.isCA;
      if (bc.pathLen !== undefined) c.pathLenConstraint = bc.pathLen;
    },
  ],
  [OID.keyUsage, (c, v, w) => void (c.keyUsage = parseKeyUsage(v, w))],
  [OID.extKeyUsage, (c, v, w) => void (c.extKeyUsage = parseExtKeyUsage(v, w))],
  [OID.subjectAltName, (c, v, w) => void (c.subjectAltNames = parseSubjectAltNames(v, w))],
  [OID.subjectKeyId, (c, v, w) => void (c.subjectKeyId = parseSubjectKeyId(v, w))],
  [
    OID.authorityKeyId,
    (c, v, w) => {
      const id = parseAuthorityKeyId(v, w);
      if (id !== undefined) c.authorityKeyId = id;
    },
  ],
  [OID.sctList, (c, v, w) => void (c.sctList = parseSctExtension(v, w))],
]);

// One listed extension; the hex of its value is made when first read (the certificate view reads it for the
// extensions it does not decode), and kept.
class ListedExtension implements CertificateExtension {
  readonly name?: string;
  private hex?: string;

  constructor(
    readonly oid: string,
    name: string | undefined,
    readonly critical: boolean,
    private readonly value: Uint8Array,
  ) {
    if (name) this.name = name;
  }

  get valueHex(): string {
    return (this.hex ??= toHex(this.value));
  }
}

// Extensions (RFC 5280 §4.2): listed, decoded where known; a duplicate or a bad known value is CERT_EXTENSION_INVALID.
function readExtensions(cert: Certificate, wrapper: Tlv, where: string): void {
  const seq = readTlv(wrapper.value, 0, where);
  if (seq.tag !== 0x30 || seq.end !== wrapper.value.length || seq.value.length === 0) {
    throw new VerifyError('DER_INVALID', `${where}: not a non-empty SEQUENCE of Extension`, { where });
  }
  const seen = new Set<string>();
  for (const ext of readChildren(seq.value, where)) {
    const [oidTlv, second, third, extra] = ext.tag === 0x30 ? readChildren(ext.value, where) : [];
    const valueTlv = third ?? second;
    const criticalTlv = third ? second : undefined;
    if (!oidTlv || !valueTlv || extra || oidTlv.tag !== 0x06 || valueTlv.tag !== 0x04) {
      throw new VerifyError('DER_INVALID', `${where}: malformed Extension`, { where });
    }
    const critical = criticalTlv ? readBoolean(criticalTlv, `${where}: critical flag`) : false;
    const oid = decodeOid(oidTlv.value);
    const name = EXTENSION_NAMES[oid];
    const extWhere = `${where}[${name ?? oid}]`;
    if (seen.has(oid)) {
      throw new VerifyError('CERT_EXTENSION_INVALID', `${extWhere} appears more than once (RFC 5280 §4.2)`, { where: extWhere, expected: 'each extension at most once', found: `${oid} repeated` });
    }
    seen.add(oid);
    cert.extensions.push(new ListedExtension(oid, name, critical, valueTlv.value));
    try {
      DECODERS.get(oid)?.(cert, valueTlv.value, extWhere);
      addFulcioClaim(cert.fulcio, oid, valueTlv.value, extWhere);
    } catch (err) {
      if (err instanceof VerifyError && (err.code === 'DER_INVALID' || err.code === 'UTF8_INVALID')) {
        throw new VerifyError('CERT_EXTENSION_INVALID', `${extWhere} is malformed: ${err.message}`, { where: extWhere, expected: `a valid ${name ?? oid} value`, found: toHex(valueTlv.value.subarray(0, 64)) });
      }
      throw err;
    }
  }
}
