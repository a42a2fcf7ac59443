// Every field of one X.509 certificate, in the order `openssl x509 -text` prints them (RFC 5280 §4.1).
import type { CertificateView, ExtensionRow } from '../../core';
import { FieldList, type Field } from '../../components/field-list';
import { HexView } from '../../components/hex-view';
import { formatDuration } from './certificate-fields';

// The TBSCertificate fields before the extensions.
function basicFields(cert: CertificateView): Field[] {
  return [
    { name: 'Version', value: `${cert.version} (0x${(cert.version - 1).toString(16)})` },
    { name: 'Serial number', value: cert.serialNumber, mono: true },
    { name: 'Signature algorithm', value: cert.signatureAlgorithm },
    { name: 'Issuer', value: cert.issuer || '(empty)' },
    { name: 'Not before', value: cert.notBefore, mono: true },
    { name: 'Not after', value: cert.notAfter, mono: true },
    { name: 'Validity period', value: formatDuration(cert.validityMs) },
    { name: 'Subject', value: cert.subject || '(empty — Fulcio identifies the signer in the SAN)' },
    { name: 'Public key algorithm', value: cert.publicKey },
  ];
}

// An extension's name with its critical flag and OID spelled out, not only styled.
function extensionName(row: ExtensionRow) {
  return (
    <>
      {row.name}
      {row.deprecated && ' (deprecated)'}
      <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
        {row.critical ? 'critical' : 'not critical'} · {row.oid}
      </span>
    </>
  );
}

// Extension rows as fields: the name with its flags, each value line on its own line.
function extensionFields(rows: ExtensionRow[]): Field[] {
  return rows.map((row) => ({
    name: extensionName(row),
    value: (
      <>
        {row.lines.map((line, i) => (
          <span key={i} className="block">
            {line}
          </span>
        ))}
      </>
    ),
    mono: row.mono,
  }));
}

// A headed group of extensions; the field names carry the flags.
function ExtensionGroup({ title, rows }: { title: string; rows: ExtensionRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="space-y-1">
      <h5 className="text-sm font-semibold text-slate-700 dark:text-slate-300">{title}</h5>
      <FieldList fields={extensionFields(rows)} />
    </div>
  );
}

// The certificate's fields, its X509v3 and Fulcio extensions, its signature and, when recorded, its DER bytes.
export function CertificateDetails({ cert, hex }: { cert: CertificateView; hex: string | undefined }) {
  const rows = cert.extensions;
  return (
    <div className="space-y-3">
      <FieldList fields={basicFields(cert)} />
      <ExtensionGroup title="X509v3 extensions (RFC 5280 §4.2)" rows={rows.filter((r) => !r.fulcio)} />
      <ExtensionGroup title="Fulcio extensions (OID 1.3.6.1.4.1.57264.1.*)" rows={rows.filter((r) => r.fulcio)} />
      <FieldList fields={[{ name: 'Signature value', value: cert.signatureValue, mono: true }]} />
      {hex !== undefined && <HexView hex={hex} label="Certificate (DER)" maxBytes={256} />}
    </div>
  );
}
