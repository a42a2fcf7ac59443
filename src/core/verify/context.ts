// State shared by the steps of one verification run.
import type { Bundle } from '../bundle';
import type { HashAlg, PublicKey } from '../crypto';
import type { Certificate, ChainResult } from '../x509';
import type { TrustedRoot } from '../trust';
import type { Thresholds, VerifyRequest } from './options';
import type { StepRecorder } from './step-recorder';
import type { BundleStepId } from './types';
import type { EntryState } from './steps/tlog';
import type { AttestationView } from '../attest/view-model';

/** A time the engine has verified the signature existed at (Sigstore client spec §4: verified timestamps). */
export interface VerifiedTime {
  time: number;
  source: 'tlog' | 'rfc3161';
  /** Where it came from, e.g. "tlogEntries[0]" or "rfc3161Timestamps[0]". */
  where: string;
  /** Distinguishes duplicates: the same log entry or token counts once. */
  identity: string;
}

/** Everything after `bundle` is set by bundle.parse; every other step runs only once it passed. */
export interface VerifyContext {
  req: VerifyRequest;
  trust: TrustedRoot;
  thresholds: Thresholds;
  now: number;
  steps: StepRecorder<BundleStepId>;
  bundle: Bundle;
  /** Per-entry progress through the tlog steps. */
  entries: EntryState[];
  /** The signing key: from the leaf certificate or the key the user gave. */
  signingKey?: PublicKey;
  /** Where the signing key came from, for summaries. */
  signingKeySource?: string;
  /** Why the key the user gave could not be read. */
  givenKeyError?: unknown;
  leaf?: Certificate;
  chain?: ChainResult;
  artifactDigest?: { algorithm: HashAlg; value: Uint8Array };
  verifiedTimes: VerifiedTime[];
  /** The attestation's view, read once (null: the bundle holds no in-toto statement). */
  attestation?: AttestationView | null;
}
