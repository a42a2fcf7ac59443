// Messages between the page and the live-check worker (structured-clone safe).
import type { TlogEntry, VerificationResult } from '../../core';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';

/** Which log entries to check: those of the i-th signature of a pasted input, or entries an image signature kept. */
export type LiveTarget = { kind: 'bundle'; text: string; index: number } | { kind: 'entries'; entries: TlogEntry[] };

/** What a result view needs to offer the live check: the entries and the trust they were verified under. */
export interface LiveCheckSource {
  target: LiveTarget;
  trustedRoot: TrustedRootChoice;
}

export interface LiveCheckMessage {
  type: 'live-check';
  id: number;
  target: LiveTarget;
  trustedRoot: TrustedRootChoice;
  /** Witness vkeys the user gave (C2SP signed-note), one per witness. */
  witnesses: string[];
  /** How many of them must have cosigned; absent: all. */
  witnessThreshold?: number;
}

export type LiveCheckReply =
  | { type: 'progress'; id: number; message: string }
  | { type: 'live-result'; id: number; result: VerificationResult }
  | { type: 'error'; id: number; message: string; code?: string };
