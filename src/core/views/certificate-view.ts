// A decoded certificate as the certificate view shows it, the way `openssl x509 -text` names its fields (RFC 5280 §4.1–4.2).
import { toHex } from '../encoding/hex';
import type { Certificate } from '../x509/certificate';
import { OID, type SubjectAltName } from '../x509/extensions';
import { FULCIO_EXTENSIONS, oidcIssuer, type FulcioClaimKey } from '../x509/fulcio-extensions';
import { parseSctList } from '../x509/sct';
import type { CertificateRole, CertificateView, ExtensionRow, FulcioClaimRow } from './view-model';

// Extended key usage purposes (RFC 5280 §4.2.1.12) by OID.
const EKU_NAMES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  [OID.codeSigning]: 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

// The Fulcio extensions by OID.
const FULCIO_BY_OID = new Map<string, (typeof FULCIO_EXTENSIONS)[number]>(FULCIO_EXTENSIONS.map((f) => [f.oid, f]));

// GeneralName kinds as openssl prints them.
const SAN_PREFIX: Record<SubjectAltName['type'], string> = { email: 'email', uri: 'URI', dns: 'DNS', ip: 'IP Address', otherName: 'othername (Fulcio username)' };

// Extensions whose decoded lines are bytes, shown in a monospace font.
const BYTE_LINES = new Set<string>([OID.subjectKeyId, OID.authorityKeyId, OID.sctList]);

// Hex bytes as colon-separated upper-case pairs (AB:CD:…), as openssl prints key identifiers.
export function colonHex(hex: string): string {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) pairs.push(hex.slice(i, i + 2));
  return pairs.join(':').toUpperCase();
}

// The embedded SCT list summarised one line per SCT: the log ID and the time (RFC 6962 §3.3).
function sctLines(cert: Certificate): string[] {
  if (!cert.sctList) return [];
  try {
    return parseSctList(cert.sctList, `${cert.where} SCT list`).map((s) => `log ID ${toHex(s.logId)}, ${new Date(s.timestamp).toISOString()}`);
  } catch (err) {
    return [`malformed: ${err instanceof Error ? err.message : String(err)}`];
  }
}

// The decoded value lines of a standard extension Signet knows, or undefined.
function standardLines(cert: Certificate, oid: string, scts: string[]): string[] | undefined {
  switch (oid) {
    case OID.keyUsage:
      return [cert.keyUsage.join(', ') || '(none)'];
    case OID.extKeyUsage:
      return cert.extKeyUsage.map((p) => (EKU_NAMES[p] ? `${EKU_NAMES[p]} (${p})` : p));
    case OID.subjectAltName:
      return cert.subjectAltNames.map((s) => `${SAN_PREFIX[s.type]}:${s.value}`);
    case OID.basicConstraints:
      return [`CA:${cert.isCA ? 'TRUE' : 'FALSE'}${cert.pathLenConstraint !== undefined ? `, pathlen:${cert.pathLenConstraint}` : ''}`];
    case OID.subjectKeyId:
      return cert.subjectKeyId ? [colonHex(cert.subjectKeyId)] : undefined;
    case OID.authorityKeyId:
      return cert.authorityKeyId ? [`keyid:${colonHex(cert.authorityKeyId)}`] : undefined;
    case OID.sctList:
      return scts;
    default:
      return undefined;
  }
}

// Every extension of a certificate with its name, critical flag and decoded value; Fulcio claims by their Fulcio names.
function extensionRows(cert: Certificate, scts: string[]): ExtensionRow[] {
  return cert.extensions.map((ext): ExtensionRow => {
    const fulcio = FULCIO_BY_OID.get(ext.oid);
    const claim = fulcio && fulcio.key !== 'otherNameSan' ? cert.fulcio[fulcio.key] : undefined;
    const lines = claim !== undefined ? [claim] : standardLines(cert, ext.oid, scts);
    return {
      oid: ext.oid,
      name: fulcio?.name ?? ext.name ?? 'Unknown extension',
      critical: ext.critical,
      lines: lines ?? [ext.valueHex],
      mono: lines === undefined || BYTE_LINES.has(ext.oid),
      fulcio: fulcio !== undefined,
      deprecated: fulcio !== undefined && 'deprecated' in fulcio && fulcio.deprecated,
    };
  });
}

// The Fulcio claims present, in Fulcio's numbering order, with their names and OIDs.
function claimRows(cert: Certificate): FulcioClaimRow[] {
  return FULCIO_EXTENSIONS.flatMap((ext): FulcioClaimRow[] => {
    if (ext.key === 'otherNameSan') return [];
    const value = cert.fulcio[ext.key as FulcioClaimKey];
    return value === undefined ? [] : [{ key: ext.key, name: ext.name, oid: ext.oid, value }];
  });
}

// The whole view of one certificate in the role the chain gives it.
export function certificateView(cert: Certificate, role: CertificateRole): CertificateView {
  const scts = sctLines(cert);
  const issuer = oidcIssuer(cert);
  return {
    role,
    where: cert.where,
    displayName: cert.subjectAltNames[0]?.value ?? (cert.subject || cert.serialNumber),
    version: cert.version,
    serialNumber: cert.serialNumber,
    signatureAlgorithm: cert.signatureAlgorithm.name,
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: new Date(cert.notBefore).toISOString(),
    notAfter: new Date(cert.notAfter).toISOString(),
    validityMs: cert.notAfter - cert.notBefore,
    publicKey: cert.publicKey.description,
    subjectAltNames: cert.subjectAltNames.map((s) => ({ ...s })),
    ...(issuer !== undefined ? { oidcIssuer: issuer } : {}),
    claims: claimRows(cert),
    extensions: extensionRows(cert, scts),
    scts,
    signatureValue: toHex(cert.signatureValue),
  };
}
