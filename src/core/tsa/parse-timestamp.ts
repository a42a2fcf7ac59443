// RFC 3161 timestamp tokens: a CMS SignedData (RFC 5652 §5) over a TSTInfo, bare or inside a TimeStampResp.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { assertDer, readInteger, readTlv, type Tlv } from '../encoding';
import { parseCertificate } from '../x509/certificate';
import { formatName } from '../x509/names';
import type { HashAlg } from '../crypto';
import { hashAlgorithmOf, parseCmsSignatureAlgorithm } from './algorithms';
import { Fields, TAG, oidOf, parseError, readWhole, smallInt } from './der-fields';
import { assertGeneralNames } from './general-names';
import { parseTstInfo } from './tst-info';
import type { SignerIdentifier, SignerInfo, SigningCertificateRef, TimestampToken } from './types';

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

// Parse a timestamp: a TimeStampResp (RFC 3161 §2.4.2) or a bare TimeStampToken ContentInfo (RFC 5652 §3).
export function parseTimestampToken(der: Uint8Array, where: string): TimestampToken {
  try {
    assertDer(der, where);
    const outer = readWhole(der, TAG.sequence, where, 'TimeStampResp or ContentInfo SEQUENCE');
    const first = readTlv(outer.value, 0, where);
    if (first.tag === TAG.oid) return parseContentInfo(outer, where);
    const resp = new Fields(outer, where);
    const status = parseStatus(new Fields(resp.next(TAG.sequence, 'status'), `${where}.status`));
    const token = resp.next(TAG.sequence, 'timeStampToken');
    resp.end();
    return { ...parseContentInfo(token, `${where}.timeStampToken`), status };
  } catch (err) {
    if (err instanceof VerifyError && err.code !== 'TSA_PARSE_FAILED') {
      throw new VerifyError('TSA_PARSE_FAILED', err.message, { ...err.detail, where: err.detail.where ?? where });
    }
    throw err;
  }
}

// PKIStatusInfo: only granted (0) and grantedWithMods (1) carry a token (RFC 3161 §2.4.2).
function parseStatus(f: Fields): number {
  const status = smallInt(f.next(TAG.integer, 'status'), `${f.where}.status`);
  if (status > 1) throw parseError(`${f.where}.status`, 'granted (0) or grantedWithMods (1)', String(status));
  return status;
}

// ContentInfo → SignedData → encapsulated TSTInfo and the one SignerInfo (RFC 5652 §3, §5.1, §5.2).
function parseContentInfo(tlv: Tlv, where: string): Omit<TimestampToken, 'status'> {
  const ci = new Fields(tlv, where);
  const contentType = oidOf(ci.next(TAG.oid, 'contentType'));
  if (contentType !== OID_SIGNED_DATA) throw parseError(`${where}.contentType`, `id-signedData (${OID_SIGNED_DATA})`, contentType);
  const explicit = ci.next(TAG.context0, 'content');
  ci.end();
  const sdWhere = `${where}.signedData`;
  const sd = new Fields(readWhole(explicit.value, TAG.sequence, sdWhere, 'SignedData SEQUENCE'), sdWhere);
  const version = smallInt(sd.next(TAG.integer, 'version'), `${sdWhere}.version`);
  // RFC 5652 §5.1: version 3 for a non-data eContentType with only X.509 certificates, the one form read here.
  if (version !== 3) throw parseError(`${sdWhere}.version`, '3', String(version));
  const digestAlgorithms = sd.next(TAG.set, 'digestAlgorithms');
  const encap = new Fields(sd.next(TAG.sequence, 'encapContentInfo'), `${sdWhere}.encapContentInfo`);
  const eContentType = oidOf(encap.next(TAG.oid, 'eContentType'));
  if (eContentType !== OID_TST_INFO) throw parseError(`${encap.where}.eContentType`, `id-ct-TSTInfo (${OID_TST_INFO})`, eContentType);
  const eContent = encap.next(TAG.context0, 'eContent');
  encap.end();
  const tstDer = readWhole(eContent.value, TAG.octetString, `${encap.where}.eContent`, 'OCTET STRING').value;
  const certificatesTlv = sd.optional(TAG.context0);
  sd.optional(TAG.context1); // crls: revocation is not part of Sigstore verification
  const signerInfos = new Fields(sd.next(TAG.set, 'signerInfos'), `${sdWhere}.signerInfos`);
  const signer = parseSignerInfo(new Fields(signerInfos.next(TAG.sequence, '[0]'), `${sdWhere}.signerInfos[0]`));
  signerInfos.end();
  sd.end();
  checkDigestAlgorithms(new Fields(digestAlgorithms, `${sdWhere}.digestAlgorithms`), signer.digestAlgorithm);
  return {
    eContentType,
    tstInfo: parseTstInfo(tstDer, `${where}.TSTInfo`),
    signer,
    certificates: certificatesTlv ? parseCertificateSet(new Fields(certificatesTlv, `${sdWhere}.certificates`)) : [],
    where,
  };
}

// RFC 5652 §5.1: digestAlgorithms lists the digest algorithm of every signer.
function checkDigestAlgorithms(f: Fields, signerDigest: HashAlg): void {
  const listed: HashAlg[] = [];
  for (let i = 0, alg = f.optional(TAG.sequence); alg; i++, alg = f.optional(TAG.sequence)) listed.push(hashAlgorithmOf(alg, `${f.where}[${i}]`));
  f.end();
  if (!listed.includes(signerDigest)) throw parseError(f.where, `a list including ${signerDigest}`, listed.join(', ') || 'an empty set');
}

// CertificateSet (RFC 5652 §10.2.3): keep the X.509 certificates, bounded in number and size.
function parseCertificateSet(f: Fields): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let cert = f.optional(TAG.sequence); cert; cert = f.optional(TAG.sequence)) {
    if (out.length === LIMITS.chainLength) throw parseError(f.where, `at most ${LIMITS.chainLength} certificates`, 'more');
    const bytes = f.raw(cert);
    if (bytes.length > LIMITS.certificateBytes) throw parseError(f.where, `certificates of at most ${LIMITS.certificateBytes} bytes`, `${bytes.length} bytes`);
    // CertificateChoices (RFC 5652 §10.2.2): only X.509 certificates are read, and each must be one.
    parseCertificate(bytes, `${f.where}[${out.length}]`);
    out.push(bytes);
  }
  f.end();
  return out;
}

// SignerInfo (RFC 5652 §5.3) with its signed attributes, which RFC 3161 §2.4.1 requires.
function parseSignerInfo(f: Fields): SignerInfo {
  const version = smallInt(f.next(TAG.integer, 'version'), `${f.where}.version`);
  const sid = parseSignerIdentifier(f, version);
  const digestAlgorithm = hashAlgorithmOf(f.next(TAG.sequence, 'digestAlgorithm'), `${f.where}.digestAlgorithm`);
  const attrsTlv = f.next(TAG.context0, 'signedAttrs');
  const signatureAlgorithm = parseCmsSignatureAlgorithm(f.next(TAG.sequence, 'signatureAlgorithm'), `${f.where}.signatureAlgorithm`);
  const signature = f.next(TAG.octetString, 'signature').value;
  f.optional(TAG.context1); // unsignedAttrs: not covered by the signature, never used
  f.end();
  // RFC 5652 §5.4: the signature covers the DER of the attributes with an EXPLICIT SET OF tag.
  const signedAttrs = f.raw(attrsTlv).slice();
  signedAttrs[0] = TAG.set;
  return { sid, digestAlgorithm, signatureAlgorithm, signedAttrs, signature, ...parseSignedAttributes(new Fields(attrsTlv, `${f.where}.signedAttrs`)) };
}

// SignerIdentifier: issuerAndSerialNumber (version 1) or [0] subjectKeyIdentifier (version 3), RFC 5652 §5.3.
function parseSignerIdentifier(f: Fields, version: number): SignerIdentifier {
  if (version === 1) {
    const ias = new Fields(f.next(TAG.sequence, 'sid'), `${f.where}.sid`);
    const issuer = ias.next(TAG.sequence, 'issuer').value;
    // The issuer is matched by its bytes, and read here so that only a well-formed Name is kept (RFC 5280 §4.1.2.4).
    formatName(issuer, `${ias.where}.issuer`);
    const serialNumber = readInteger(ias.next(TAG.integer, 'serialNumber'), `${ias.where}.serialNumber`);
    ias.end();
    return { kind: 'issuerAndSerialNumber', issuer, serialNumber };
  }
  if (version === 3) return { kind: 'subjectKeyIdentifier', keyId: f.next(TAG.implicit0, 'sid').value };
  throw parseError(`${f.where}.version`, '1 or 3', String(version));
}

type AttributeFields = Pick<SignerInfo, 'contentType' | 'messageDigest' | 'signingCertificate'>;

// The signed attributes RFC 3161 relies on: content-type, message-digest (RFC 5652 §11) and the signing certificate.
function parseSignedAttributes(f: Fields): AttributeFields {
  const values = new Map<string, Fields>();
  for (let i = 0, attr = f.optional(TAG.sequence); attr; i++, attr = f.optional(TAG.sequence)) {
    const a = new Fields(attr, `${f.where}[${i}]`);
    const type = oidOf(a.next(TAG.oid, 'attrType'));
    // X.501 attributes: a type appears once (RFC 5652 §11.1, §11.2 require it for content-type and message-digest).
    if (values.has(type)) throw parseError(a.where, 'each attribute type once', `${type} again`);
    values.set(type, new Fields(a.next(TAG.set, 'attrValues'), `${a.where}.attrValues`));
    a.end();
  }
  f.end();
  const contentType = singleValue(values.get(OID_CONTENT_TYPE));
  const messageDigest = singleValue(values.get(OID_MESSAGE_DIGEST));
  if (contentType?.tag !== TAG.oid) throw parseError(`${f.where}.contentType`, 'a content-type attribute holding an OBJECT IDENTIFIER');
  if (messageDigest?.tag !== TAG.octetString) throw parseError(`${f.where}.messageDigest`, 'a message-digest attribute holding an OCTET STRING');
  const out: AttributeFields = { contentType: oidOf(contentType), messageDigest: messageDigest.value };
  const v2 = singleValue(values.get(OID_SIGNING_CERTIFICATE_V2));
  const v1 = singleValue(values.get(OID_SIGNING_CERTIFICATE));
  if (v2) out.signingCertificate = parseSigningCertificate(v2, 2, `${f.where}.signingCertificateV2`);
  else if (v1) out.signingCertificate = parseSigningCertificate(v1, 1, `${f.where}.signingCertificate`);
  return out;
}

// The one value of an attribute (RFC 5652 §11.1, §11.2, RFC 5035 §5.4); undefined when the attribute is absent.
function singleValue(values: Fields | undefined): Tlv | undefined {
  if (values && values.remaining !== 1) throw parseError(values.where, 'exactly one attribute value', `${values.remaining} values`);
  return values?.nextAny('value');
}

// SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies OPTIONAL } (RFC 2634 §5.4, RFC 5035 §5.4).
function parseSigningCertificate(tlv: Tlv, version: 1 | 2, where: string): SigningCertificateRef {
  if (tlv.tag !== TAG.sequence) throw parseError(where, 'SEQUENCE');
  const sc = new Fields(tlv, where);
  const certs = new Fields(sc.next(TAG.sequence, 'certs'), `${where}.certs`);
  const id = new Fields(certs.next(TAG.sequence, '[0]'), `${where}.certs[0]`);
  // ESSCertIDv2.hashAlgorithm DEFAULT id-sha256 (RFC 5035 §5.4.1); ESSCertID is always SHA-1.
  const alg = version === 2 ? id.optional(TAG.sequence) : undefined;
  const ref: SigningCertificateRef = { version, certHash: id.next(TAG.octetString, 'certHash').value };
  if (version === 2) ref.hashAlgorithm = alg ? hashAlgorithmOf(alg, `${id.where}.hashAlgorithm`) : 'SHA-256';
  const issuerSerial = id.optional(TAG.sequence);
  id.end();
  if (issuerSerial) {
    const is = new Fields(issuerSerial, `${id.where}.issuerSerial`);
    const issuer = is.next(TAG.sequence, 'issuer');
    assertGeneralNames(issuer.value, `${is.where}.issuer`);
    ref.issuerSerial = { issuer: is.raw(issuer), serialNumber: is.next(TAG.integer, 'serialNumber').value };
    is.end();
  }
  if (version === 1 && ref.certHash.length !== 20) throw parseError(`${id.where}.certHash`, 'a SHA-1 hash of 20 bytes', `${ref.certHash.length} bytes`);
  return ref;
}
