// The record of an image verification: where the image and its signatures were found, and each signature's timeline.
import type { PredicateView } from '../core/attest/view-model';
import type { TlogEntry } from '../core/bundle/types';
import type { TrustSource } from '../core/trust/types';
import type { Step, Verdict, VerificationResult } from '../core/verify/types';
import type { ListedReferrer, SearchRecord, SignatureFormat, SignatureSource } from '../oci';

export interface SignatureVerification {
  source: SignatureSource;
  format: SignatureFormat;
  /** Where it was found, for people. */
  where: string;
  /** An attestation is an in-toto statement other than cosign's own signature predicate. */
  kind: 'signature' | 'attestation';
  /** The signed statement's predicate type (else the storage's hint, when the statement could not be read). */
  predicateType?: string;
  /** The DSSE envelope JSON as stored (when asked for): what cosign verify-attestation prints. */
  envelope?: string;
  /** The signature's transparency-log entries (when asked for), to check against the live log. */
  logEntries?: TlogEntry[];
  /** The statement's predicate exactly as signed (when asked for), cut from the payload. */
  predicate?: string;
  result: VerificationResult;
}

/** An SBOM attached with `cosign attach sbom`: read for people, but nothing vouches for it. */
export interface AttachedSbomRecord {
  where: string;
  manifestDigest: string;
  mediaType: string;
  digest: string;
  size: number;
  view?: PredicateView;
  /** Why it could not be read. */
  error?: string;
}

/** An attestation attached to a platform manifest itself (its in-toto subject is that manifest's digest). */
export interface PlatformAttestation {
  predicateType?: string;
  /** What the predicate type means ('SPDX SBOM', …). */
  typeName: string;
  where: string;
  verdict: Verdict;
  headline: string;
}

export interface PlatformVerification {
  digest: string;
  /** e.g. linux/arm64/v8 */
  platform: string;
  /** From the platform's own signatures only; 'unknown' when they could not be looked up (see `error`): never shown as unsigned. */
  verdict: Verdict | 'unsigned' | 'unknown';
  /** Signatures of the platform manifest (attestations are listed apart and not counted here). */
  signatures: number;
  verified: number;
  /** Attestations of the platform manifest, each verified with its own timeline. */
  attestations: PlatformAttestation[];
  error?: string;
}

export interface ImageVerificationResult {
  /** The reference as given and as normalised. */
  input: string;
  reference: string | null;
  /** The digest that would be pulled, checked against the bytes received. */
  digest: string | null;
  mediaType: string | null;
  verdict: Verdict;
  headline: string;
  /** image.resolve and image.discover. */
  steps: Step[];
  searched: SearchRecord[];
  signatures: SignatureVerification[];
  /** SBOMs attached next to the image (`.sbom` tag), unsigned. */
  sboms: AttachedSbomRecord[];
  /** Every referrer the registry listed, Sigstore bundle or not. */
  referrers: ListedReferrer[];
  /** For a multi-arch index: each platform manifest with its own signatures. */
  platforms: PlatformVerification[];
  /** The index verifies but none of its platform manifests carries a signature of its own. */
  onlyIndexSigned: boolean;
  trust: TrustSource;
  startedAt: string;
  totalMs: number;
}
