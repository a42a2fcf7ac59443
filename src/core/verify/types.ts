// The verification record: an ordered list of steps, data not UI. Everything a user sees comes from here.
import type { ErrorCode, ErrorDetail } from '../errors';
import type { Evidence } from '../evidence';
import type { TrustSource } from '../trust/types';
import type { AttestationView } from '../attest/view-model';
import type { ResultViews } from '../views/view-model';

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

/** The steps of a bundle verification. */
export type BundleStepId = (typeof STEP_IDS)[number];

/** Step ids other layers add to the record (image.resolve, …), by declaration merging: `interface StepIdExtensions { 'image.resolve': true }`. */
export interface StepIdExtensions {}

export type StepId = BundleStepId | keyof StepIdExtensions;
export type StepStatus = 'pass' | 'fail' | 'warn' | 'skip';

export type { ByteRange, Evidence, EvidenceKey, MerklePathEvidence } from '../evidence';

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
  /** On fail: what the failure means, as the end of "Failed: …" (from the catalogue). */
  failure?: string;
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
  /** What the app's dedicated views show (certificates, checkpoints), decoded once here so the page never decodes. */
  views?: ResultViews;
  /** A DSSE signature's payload exactly as signed: the one copy every reader uses (evidence only refers to it). */
  signed?: SignedContent;
}

/** The DSSE payload as signed, with what rebuilds the envelope and cuts the predicate out of it. */
export interface SignedContent {
  payloadType: string;
  /** 'utf-8': `payload` is the text of the bytes (decoded strictly, a byte order mark kept); 'base64' when they are not UTF-8. */
  encoding: 'utf-8' | 'base64';
  payload: string;
  /** The payload's length in bytes. */
  length: number;
  /** The envelope's signatures (sig in base64; an empty keyid left out, as protobuf JSON writes it). */
  signatures: { keyid?: string; sig: string }[];
  /** Where an in-toto statement's "predicate" value sits in `payload` (UTF-16 offsets, end exclusive): the predicate as signed. */
  predicate?: { start: number; end: number };
}
