// The verification record: an ordered list of steps, data not UI. Everything a user sees comes from here.
import type { ErrorCode, ErrorDetail } from '../errors';
import type { JsonValue } from '../encoding/json';
import type { TrustSource } from '../trust/types';
import type { AttestationView } from '../attest/view-model';

/** Steps of an image verification that come before any bundle: where the image and its signatures are. */
export const IMAGE_STEP_IDS = ['image.resolve', 'image.discover'] as const;

export const STEP_IDS = [
  'bundle.parse',
  'artifact.bind',
  'cert.decode',
  'cert.chain',
  'cert.sct',
  'signature',
  'tlog.body',
  'tlog.set',
  'tlog.inclusion',
  'tlog.checkpoint',
  'timestamp.rfc3161',
  'time.validity',
  'policy.identity',
  'policy.attestation',
] as const;

export type StepId = (typeof IMAGE_STEP_IDS)[number] | (typeof STEP_IDS)[number];
export type StepStatus = 'pass' | 'fail' | 'warn' | 'skip';

/** A highlighted byte range inside a hex evidence value (offsets in bytes, end exclusive). */
export interface ByteRange {
  start: number;
  end: number;
  label: string;
}

/** Stable names for the evidence the dedicated views read (labels are for people and may change). */
export type EvidenceKey = 'certificate.der' | 'chain.der' | 'statement' | 'simplesigning' | 'tlog.body' | 'pae' | 'checkpoint';

// A named value a step was checked on; values from the input are text, never markup.
export type Evidence = { key?: EvidenceKey } & (
  | { kind: 'text'; label: string; value: string }
  | { kind: 'time'; label: string; value: string /* ISO 8601 */ }
  | { kind: 'hex'; label: string; value: string; highlight?: ByteRange[] }
  | { kind: 'json'; label: string; value: JsonValue }
  | { kind: 'merkle-path'; label: string; value: MerklePathEvidence }
);

// The levels of an inclusion proof, recomputed from the leaf to the root, for drawing.
export interface MerklePathEvidence {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  levels: { sibling: string; side: 'left' | 'right'; result: string }[];
  computedRoot: string;
  expectedRoot: string;
}

export interface Step {
  id: StepId;
  title: string;
  status: StepStatus;
  /** One sentence with the concrete values. */
  summary: string;
  /** What an attacker could do if this check were skipped. */
  why: string;
  spec?: string;
  evidence: Evidence[];
  code?: ErrorCode;
  detail?: ErrorDetail;
  /** Whether the verdict depends on this step passing. */
  required: boolean;
  ms: number;
}

export type Verdict = 'verified' | 'failed' | 'incomplete';

export interface VerificationResult {
  verdict: Verdict;
  /** The sentence that matters most: what verified, or where and why it broke. */
  headline: string;
  /** The first required step that failed. */
  failedStep?: StepId;
  steps: Step[];
  trust: TrustSource;
  startedAt: string;
  totalMs: number;
  engine: { name: 'signet'; version: string };
  /** For an in-toto attestation: its predicate, read into a bounded view (shown whatever the verdict, which says whether to trust it). */
  attestation?: AttestationView;
}
