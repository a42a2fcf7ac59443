// What the app's dedicated views show, decoded once by the engine: the page renders these and never decodes DER or notes.
import type { SubjectAltName } from '../x509/extensions';
import type { FulcioClaimKey } from '../x509/fulcio-extensions';

/** One certificate extension, named and decoded the way `openssl x509 -text` prints it (RFC 5280 §4.2). */
export interface ExtensionRow {
  oid: string;
  name: string;
  critical: boolean;
  /** Decoded value lines; the raw value hex when Signet does not decode the extension. */
  lines: string[];
  /** Whether the lines are bytes (hex, key identifiers, SCT log IDs) best shown in a monospace font. */
  mono: boolean;
  fulcio: boolean;
  deprecated: boolean;
}

/** A Fulcio claim the certificate carries (OID arc 1.3.6.1.4.1.57264.1), by its key, name and OID. */
export interface FulcioClaimRow {
  key: FulcioClaimKey;
  name: string;
  oid: string;
  value: string;
}

/** Where a certificate sits in the path the engine checked. */
export type CertificateRole = 'leaf' | 'intermediate' | 'root';

/** One decoded X.509 certificate, field by field (RFC 5280 §4.1). */
export interface CertificateView {
  role: CertificateRole;
  /** Where in the input or the trusted root it came from. */
  where: string;
  /** The name a chain list gives it: the leaf's first SAN, a CA's subject. */
  displayName: string;
  /** As written, 1–3. */
  version: number;
  serialNumber: string;
  signatureAlgorithm: string;
  /** RFC 4514 renderings; empty when the certificate has none (Fulcio leaves name the signer in the SAN). */
  subject: string;
  issuer: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** notAfter − notBefore in milliseconds. */
  validityMs: number;
  publicKey: string;
  subjectAltNames: SubjectAltName[];
  /** The OIDC issuer (Fulcio extension .1.8, else .1.1). */
  oidcIssuer?: string;
  /** Fulcio claims in the order Fulcio numbers them. */
  claims: FulcioClaimRow[];
  extensions: ExtensionRow[];
  /** The embedded SCT list, one line per SCT: log ID and time (RFC 6962 §3.3). */
  scts: string[];
  /** The signature value, hex. */
  signatureValue: string;
}

/** How a checkpoint's signature line was treated by tlog.checkpoint. */
export type CheckpointSignatureStatus = 'verified' | 'not-verified' | 'not-checked';

/** One signature line of a signed note (C2SP signed-note). */
export interface CheckpointSignatureView {
  name: string;
  /** First 4 bytes of the key ID, hex. */
  keyHint: string;
  signatureBytes: number;
  /** verified: the log's own line, checked with its key; not-verified: the log's line in an entry whose checkpoint did not verify; not-checked: another signer (a witness cosignature). */
  status: CheckpointSignatureStatus;
}

/** One log entry's checkpoint split into its parts (C2SP tlog-checkpoint), with the note as logged. */
export interface CheckpointView {
  /** The entry it came from, e.g. verificationMaterial.tlogEntries[0]. */
  where: string;
  note: string;
  /** The log that was to sign it, when the entry's log is in the trusted root. */
  log?: string;
  parts:
    | {
        origin: string;
        size: number;
        /** Line 3 as written. */
        rootHashBase64: string;
        rootHashHex: string;
        extensions: string[];
        signatures: CheckpointSignatureView[];
      }
    | { error: string };
}

/** The decoded views of one verification: absent parts were not decoded (key-based, or the run stopped before). */
export interface ResultViews {
  /** The leaf certificate cert.decode read (also when its profile check failed). */
  certificate?: CertificateView;
  /** The CA certificates of the path cert.chain verified, intermediate first, root last. */
  chain?: CertificateView[];
  /** The checkpoint of each log entry whose inclusion proof carries one, in entry order. */
  checkpoints?: CheckpointView[];
}
