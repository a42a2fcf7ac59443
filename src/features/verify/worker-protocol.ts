// Messages between the page and the verification worker (structured-clone safe).
import type { VerificationPolicy, VerificationResult } from '../../core';

export type ArtifactSpec = { kind: 'none' } | { kind: 'file'; file: File } | { kind: 'digest'; hex: string };

export interface VerifyMessage {
  type: 'verify';
  id: number;
  bundleText: string;
  artifact: ArtifactSpec;
  policy: VerificationPolicy;
  trustedRoot: { name: string; text: string } | null;
}

export type WorkerReply =
  | { type: 'progress'; id: number; phase: 'hashing' | 'verifying'; done: number; total: number }
  | { type: 'result'; id: number; result: VerificationResult; artifactDigest: string | null }
  | { type: 'error'; id: number; message: string; code?: string };
