// Messages between the TUF refresh view and its worker (structured-clone safe).
import type { TrustChange, VerificationResult } from '../../core';

export interface TrustRefreshMessage {
  type: 'tuf-refresh';
  id: number;
  /** The repository's base URL. */
  url: string;
  /** root.json to start from when the cache holds none newer, as the user gave it; absent: the embedded seed of a known repository. */
  seedRoot?: string;
  seedSource?: string;
}

export interface TrustRefreshOutcome {
  result: VerificationResult;
  /** The verified trusted_root.json, ready to be used as a trust choice. */
  trustedRootJson?: string;
  changes?: TrustChange[];
  /** Whether the refresh started from metadata verified before (the IndexedDB cache) rather than the seed alone. */
  fromCache: boolean;
}

export type TrustRefreshReply = { type: 'tuf-result'; id: number; outcome: TrustRefreshOutcome } | { type: 'error'; id: number; message: string; code?: string };
