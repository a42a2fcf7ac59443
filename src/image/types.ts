// The record of an image verification: where the image and its signatures were found, and each signature's timeline.
import type { Step, TrustSource, Verdict, VerificationResult } from '../core';
import type { SearchRecord, SignatureFormat, SignatureSource } from '../oci';

export interface SignatureVerification {
  source: SignatureSource;
  format: SignatureFormat;
  /** Where it was found, for people. */
  where: string;
  result: VerificationResult;
}

export interface PlatformVerification {
  digest: string;
  /** e.g. linux/arm64/v8 */
  platform: string;
  /** 'unknown' when its signatures could not be looked up (see `error`): never shown as unsigned. */
  verdict: Verdict | 'unsigned' | 'unknown';
  signatures: number;
  verified: number;
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
  /** For a multi-arch index: each platform manifest with its own signatures. */
  platforms: PlatformVerification[];
  /** The index verifies but none of its platform manifests carries a signature of its own. */
  onlyIndexSigned: boolean;
  trust: TrustSource;
  startedAt: string;
  totalMs: number;
}
