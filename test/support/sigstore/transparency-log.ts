// What Rekor v1 and v2 share: an RFC 6962 tree, entries in the bundle's TransparencyLogEntry
// JSON form (Sigstore protobuf-specs rekor/v1), and inclusion proofs with signed checkpoints.
import { randomBytes } from 'node:crypto';
import { MerkleTree } from './merkle.ts';
import { b64, sha256, type TestKey } from './keys.ts';
import { checkpointText, signedNote, type NoteSignature } from './signed-note.ts';

/** What every test log exposes: its key, identity and tree. */
export interface TestLog {
  readonly key: TestKey;
  /** The trusted root's logId for this log. */
  readonly logId: Uint8Array;
  readonly host: string;
  readonly baseUrl: string;
  readonly origin: string;
  readonly tree: MerkleTree;
}

export interface InclusionProofJson {
  logIndex: string;
  rootHash: string;
  treeSize: string;
  hashes: string[];
  checkpoint?: { envelope: string };
}

export interface TlogEntryJson {
  logIndex: string;
  logId: { keyId: string };
  kindVersion: { kind: string; version: string };
  integratedTime?: string;
  inclusionPromise?: { signedEntryTimestamp: string };
  inclusionProof?: InclusionProofJson;
  canonicalizedBody: string;
}

/** Faults in how inclusion in the log is proven; each yields a genuinely signed but wrong proof. */
export interface ProofFaults {
  /** The audit path of a neighbouring leaf: it does not lead from this leaf to the root. */
  readonly badInclusionProof?: boolean;
  /** The log signs a checkpoint whose root hash is that of an older tree state. */
  readonly checkpointRootMismatch?: boolean;
  /** The checkpoint is signed by another key under the log's name and key hint. */
  readonly badCheckpointSignature?: boolean;
  /** The checkpoint carries only a signature by a foreign key and name (no log signature). */
  readonly checkpointForeignOriginOnly?: boolean;
  /** The entry has no inclusion proof. */
  readonly noInclusionProof?: boolean;
  /** The inclusion proof carries no checkpoint. */
  readonly noCheckpoint?: boolean;
}

export interface CheckpointSigning {
  readonly origin: string;
  /** The log's own signature line over the note text. */
  sign(text: string): NoteSignature;
  /** A signature line under the log's name and key hint made with a different key. */
  impostor(text: string): NoteSignature;
  /** A signature by a key and name the trusted root does not know. */
  foreign(text: string): NoteSignature;
  /** Extra signature lines (witness cosignatures) for a checkpoint. */
  cosignatures(text: string, timeSeconds: number): NoteSignature[];
  /** Extension lines after the root hash. */
  extraLines(timeSeconds: number): string[];
}

// Appends `count` filler leaves so that proofs have realistic, non-empty audit paths.
export function prefill(tree: MerkleTree, count: number): void {
  for (let i = 0; i < count; i++) tree.append(new Uint8Array(randomBytes(48)));
}

// Inclusion proof with its checkpoint for a leaf in the current tree (RFC 6962 §2.1.1, C2SP tlog-checkpoint).
export function inclusionProof(
  tree: MerkleTree,
  leafIndex: number,
  signing: CheckpointSigning,
  timeSeconds: number,
  faults: ProofFaults,
): InclusionProofJson {
  const size = tree.size;
  const rootHash = tree.root(size);
  const hashes = faults.badInclusionProof ? neighbourPath(tree, leafIndex) : tree.inclusionProof(leafIndex, size);
  const signedRoot = faults.checkpointRootMismatch ? (size > 1 ? tree.root(size - 1) : sha256(new Uint8Array(0))) : rootHash;
  const text = checkpointText({ origin: signing.origin, size, rootHash: signedRoot, extraLines: signing.extraLines(timeSeconds) });
  const signatures = faults.checkpointForeignOriginOnly
    ? [signing.foreign(text)]
    : [faults.badCheckpointSignature ? signing.impostor(text) : signing.sign(text), ...signing.cosignatures(text, timeSeconds)];
  return {
    logIndex: String(leafIndex),
    rootHash: b64(rootHash),
    treeSize: String(size),
    hashes: hashes.map(b64),
    ...(faults.noCheckpoint ? {} : { checkpoint: { envelope: signedNote(text, signatures) } }),
  };
}

// The audit path of a neighbouring leaf (or one unrelated hash in a one-leaf tree).
function neighbourPath(tree: MerkleTree, leafIndex: number): Uint8Array[] {
  const neighbour = leafIndex > 0 ? leafIndex - 1 : leafIndex + 1;
  if (neighbour >= tree.size) return [sha256(new Uint8Array(1))];
  return tree.inclusionProof(neighbour, tree.size);
}
