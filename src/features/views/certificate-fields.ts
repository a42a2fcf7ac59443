// Certificate fields decoded for display, the way `openssl x509 -text` names them (RFC 5280 §4.1–4.2).
import { FULCIO_EXTENSIONS, readTlv, toHex, type Certificate } from '../../core';
import { OID, parseSctList, readTbsFields, type FulcioClaimKey, type SubjectAltName } from '../../core/x509';

// Extended key usage purposes (RFC 5280 §4.2.1.12) by OID.
const EKU_NAMES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  [OID.codeSigning]: 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

// GeneralName kinds as openssl prints them.
const SAN_PREFIX: Record<SubjectAltName['type'], string> = { email: 'email', uri: 'URI', dns: 'DNS', ip: 'IP Address', otherName: 'othername (Fulcio username)' };

export interface ExtensionRow {
  oid: string;
  name: string;
  critical: boolean;
  /** Decoded value lines; the raw value hex when Signet does not decode the extension. */
  lines: string[];
  mono: boolean;
  fulcio: boolean;
  deprecated: boolean;
}

// The version number as written (1–3), read from the TBSCertificate's [0] field (absent means v1).
export function certificateVersion(cert: Certificate): number {
  const fields = readTbsFields(readTlv(cert.tbs, 0, cert.where).value, cert.where);
  const version = fields.version ? readTlv(fields.version.value, 0, cert.where).value[0] : 0;
  return (version ?? 0) + 1;
}

// Hex bytes as colon-separated upper-case pairs (AB:CD:…), as openssl prints key identifiers.
export function colonHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(':').toUpperCase();
}

const DURATION_UNITS: readonly [string, number][] = [
  ['year', 365 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

// A count with its unit, pluralised.
function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

// A length of time in its largest whole unit and the next one down, e.g. "10 minutes" or "9 years 176 days".
export function formatDuration(ms: number): string {
  const first = DURATION_UNITS.findIndex(([, size]) => ms >= size);
  const unit = DURATION_UNITS[first];
  if (!unit) return `${Math.max(0, ms)} ms`;
  const n = Math.floor(ms / unit[1]);
  const next = DURATION_UNITS[first + 1];
  const m = next ? Math.floor((ms - n * unit[1]) / next[1]) : 0;
  return next && m > 0 ? `${plural(n, unit[0])} ${plural(m, next[0])}` : plural(n, unit[0]);
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
function standardLines(cert: Certificate, oid: string): string[] | undefined {
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
      return sctLines(cert);
    default:
      return undefined;
  }
}

// Every extension of a certificate with its name, critical flag and decoded value; Fulcio claims by their Fulcio names.
export function extensionRows(cert: Certificate): ExtensionRow[] {
  return cert.extensions.map((ext): ExtensionRow => {
    const fulcio = FULCIO_EXTENSIONS.find((f) => f.oid === ext.oid);
    const claim = fulcio && fulcio.key !== 'otherNameSan' ? cert.fulcio[fulcio.key as FulcioClaimKey] : undefined;
    const lines = claim !== undefined ? [claim] : standardLines(cert, ext.oid);
    return {
      oid: ext.oid,
      name: fulcio?.name ?? ext.name ?? 'Unknown extension',
      critical: ext.critical,
      lines: lines ?? [ext.valueHex],
      mono: lines === undefined || ext.oid === OID.subjectKeyId || ext.oid === OID.authorityKeyId || ext.oid === OID.sctList,
      fulcio: fulcio !== undefined,
      deprecated: fulcio !== undefined && 'deprecated' in fulcio && fulcio.deprecated,
    };
  });
}
