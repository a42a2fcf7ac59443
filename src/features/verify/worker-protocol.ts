// Messages between the page and the verification worker (structured-clone safe).
import type { VerificationPolicy, VerificationResult } from '../../core';
import type { ImageVerificationResult } from '../../image';
import type { VerifierOptions } from '../../lib/verify-form';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';

export type ArtifactSpec = { kind: 'none' } | { kind: 'file'; file: File } | { kind: 'digest'; label: string };

export interface VerifyMessage {
  type: 'verify';
  id: number;
  bundleText: string;
  artifact: ArtifactSpec;
  policy: VerificationPolicy;
  trustedRoot: TrustedRootChoice;
  /** Thresholds and --use-signed-timestamps as the Trust choices set them (each waived check is a warn step). */
  options: VerifierOptions;
}

export interface VerifyImageMessage {
  type: 'verify-image';
  id: number;
  reference: string;
  policy: VerificationPolicy;
  trustedRoot: TrustedRootChoice;
  options: VerifierOptions;
  /** Typed by the user for a private registry; held in the worker's memory for this request only. */
  credentials: { username: string; password: string } | null;
}

export type WorkerRequest = VerifyMessage | VerifyImageMessage;

export type WorkerReply =
  | { type: 'progress'; id: number; phase: 'hashing' | 'downloading' | 'verifying'; done: number; total: number; message?: string }
  | { type: 'result'; id: number; result: VerificationResult; artifactDigest: string | null }
  | { type: 'image-result'; id: number; result: ImageVerificationResult }
  /** A pasted dump holding several signatures (`cosign download signature`): one result each. */
  | { type: 'results'; id: number; results: VerificationResult[]; artifactDigest: string | null }
  | { type: 'error'; id: number; message: string; code?: string };
