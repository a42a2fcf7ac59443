// The trusted-root model (Sigstore protobuf-specs TrustedRoot): the only source of keys and CAs.
import type { HashAlg, PublicKey } from '../crypto';

/** Milliseconds since the epoch; open ends are absent. */
export interface ValidityPeriod {
  start?: number;
  end?: number;
}

// A transparency log or CT log the root trusts.
export interface TransparencyLogInstance {
  baseUrl: string;
  hashAlgorithm: HashAlg;
  /** Parsed key, plus the trusted root's keyDetails string (e.g. PKIX_ECDSA_P256_SHA_256). */
  publicKey: PublicKey;
  keyDetails: string;
  validFor: ValidityPeriod;
  /** logId.keyId: SHA-256 of the DER key for Rekor v1 and CT logs; the signed-note key ID for Rekor v2. */
  logId: Uint8Array;
  /** checkpointKeyId where the root gives one (Rekor v2). */
  checkpointKeyId?: Uint8Array;
  /** Where in the trusted root this entry sits, e.g. "tlogs[1]". */
  where: string;
}

// A certificate authority (Fulcio) or timestamp authority the root trusts.
export interface CertificateAuthority {
  subject: { organization: string; commonName: string };
  uri: string;
  /** DER certificates as listed: the issuing certificate first, the self-signed root last. */
  certChain: Uint8Array[];
  validFor: ValidityPeriod;
  where: string;
}

// Where the trust came from, shown to the user next to every verdict.
export interface TrustSource {
  name: string;
  description: string;
  /** ISO date of the root's newest validity start, as a stand-in for its age. */
  date?: string;
}

export interface TrustedRoot {
  mediaType: string;
  tlogs: TransparencyLogInstance[];
  certificateAuthorities: CertificateAuthority[];
  ctlogs: TransparencyLogInstance[];
  timestampAuthorities: CertificateAuthority[];
  source: TrustSource;
  /** Entries of the file that can never verify anything (a timestamp authority with no certificate), left out and named. */
  unusable?: string[];
}

// Whether a time (ms) falls inside a validity period; both ends inclusive (Sigstore client spec).
export function isWithin(period: ValidityPeriod, at: number): boolean {
  return (period.start === undefined || at >= period.start) && (period.end === undefined || at <= period.end);
}
