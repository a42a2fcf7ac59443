// What a live check needs from a log, whatever its API: today's verified tree head, a proof that an entry is in
// that tree, and a proof that an older tree head is a prefix of it. Rekor v1 and tile-based logs implement it.
import type { TlogEntry } from '../core/bundle/types';
import type { Evidence, MerklePathEvidence } from '../core/evidence';
import type { TransparencyLogInstance } from '../core/trust/types';
import type { ConsistencyEvidence } from '../core/tlog';

/** A tree head whose signature by the log was verified. */
export interface LiveHead {
  size: number;
  rootHash: Uint8Array;
  /** The signed note as the log served it. */
  checkpoint: string;
  /** Rekor v1 shard (tree) ID; absent for tile-based logs. */
  treeId?: string;
  evidence: Evidence[];
}

/** An entry found in the live tree. */
export interface LiveInclusion {
  path: MerklePathEvidence;
  evidence: Evidence[];
}

/** What a verified consistency proof established. */
export interface LiveConsistency {
  proof: ConsistencyEvidence;
  evidence: Evidence[];
}

export interface LiveLog {
  readonly kind: 'rekor-v1' | 'tiles';
  readonly log: TransparencyLogInstance;
  /** The URL the log was reached at. */
  readonly url: string;
  // Today's tree head, for the shard the entry belongs to.
  head(entry: TlogEntry): Promise<LiveHead>;
  // The entry, unchanged, as a leaf of the tree under head.
  inclusion(entry: TlogEntry, head: LiveHead): Promise<LiveInclusion>;
  // The tree of oldSize leaves with oldRoot is a prefix of the tree under head (TLOG_FORKED when not).
  consistency(oldSize: number, oldRoot: Uint8Array, head: LiveHead): Promise<LiveConsistency>;
}

// The evidence of a verified consistency proof.
export function consistencyOutcome(proof: ConsistencyEvidence): LiveConsistency {
  return {
    proof,
    evidence: [
      { kind: 'text', label: 'older tree', value: `${proof.oldSize} leaves` },
      { kind: 'hex', label: 'older root (signed)', value: proof.oldRoot },
      { kind: 'text', label: 'today’s tree', value: `${proof.newSize} leaves` },
      { kind: 'hex', label: 'today’s root (signed)', value: proof.newRoot },
      { kind: 'text', label: 'proof hashes', value: String(proof.proofHashes) },
    ],
  };
}

