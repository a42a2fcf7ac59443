// RFC 6962 Merkle inclusion: recompute the root from the entry and its audit path, level by level.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { bytesEqual, concatBytes, defineLazy, toHex } from '../encoding';
import { sha256, sha256Small } from '../crypto';
import type { MerklePathEvidence } from '../evidence';
import type { TlogEntry } from '../bundle/types';
import { assertNonNegativeInteger } from './numbers';

type Side = 'left' | 'right';

const HASH_BYTES = 32;
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

// Leaf hash: SHA-256(0x00 ‖ entry) (RFC 6962 §2.1).
export function hashLeaf(entry: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(LEAF_PREFIX, entry));
}

// The same leaf hash, synchronously: for a value made when it is first read.
export function hashLeafNow(entry: Uint8Array): Uint8Array {
  return sha256Small(concatBytes(LEAF_PREFIX, entry));
}

// Interior node hash: SHA-256(0x01 ‖ left ‖ right) (RFC 6962 §2.1), synchronous (65 bytes).
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256Small(concatBytes(NODE_PREFIX, left, right));
}

// The side of each audit-path sibling from the leaf up, for leaf `index` of a tree of `size`
// (RFC 9162 §2.1.3.2, without the hashing); its length is the exact proof length. Needs 0 ≤ index < size.
export function auditPathSides(index: number, size: number): Side[] {
  const sides: Side[] = [];
  let fn = index;
  let sn = size - 1;
  while (sn > 0) {
    if (fn % 2 === 1 || fn === sn) {
      sides.push('left');
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sides.push('right');
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sides;
}

// Rekor v2 logs are unsharded, so the entry's index is its index in the tree.
export function isRekorV2(entry: TlogEntry): boolean {
  return (entry.kind === 'hashedrekord' || entry.kind === 'dsse') && entry.version === '0.0.2';
}

// Verify the entry's inclusion proof (RFC 6962 §2.1.1, RFC 9162 §2.1.3.2): the leaf hash of the canonicalized
// body, combined with each proof hash in turn, must give the proof's root hash. Returns every level for drawing.
export async function verifyInclusionProof(entry: TlogEntry): Promise<MerklePathEvidence> {
  const proof = entry.inclusionProof;
  const where = `${entry.where}.inclusionProof`;
  if (!proof) {
    throw new VerifyError('TLOG_INCLUSION_MISSING', 'the entry has no inclusion proof', { expected: 'an inclusion proof', found: 'none', where });
  }
  const fail = (message: string, expected: string, found: string, at: string): never => {
    throw new VerifyError('TLOG_INCLUSION_INVALID', message, { expected, found, where: `${where}.${at}` });
  };
  assertNonNegativeInteger(proof.logIndex, 'TLOG_INCLUSION_INVALID', `${where}.logIndex`);
  assertNonNegativeInteger(proof.treeSize, 'TLOG_INCLUSION_INVALID', `${where}.treeSize`);
  if (proof.logIndex >= proof.treeSize) {
    fail('the leaf index is outside the tree', `an index below the tree size ${proof.treeSize}`, String(proof.logIndex), 'logIndex');
  }
  if (isRekorV2(entry) && proof.logIndex !== entry.logIndex) {
    fail('the proof is for another leaf than the entry', `logIndex ${entry.logIndex}`, String(proof.logIndex), 'logIndex');
  }
  if (proof.hashes.length > LIMITS.inclusionProofHashes) {
    fail('the proof has too many hashes', `at most ${LIMITS.inclusionProofHashes}`, String(proof.hashes.length), 'hashes');
  }
  const sides = auditPathSides(proof.logIndex, proof.treeSize);
  if (proof.hashes.length !== sides.length) {
    fail(
      `leaf ${proof.logIndex} of a tree of ${proof.treeSize} needs exactly ${sides.length} proof hashes`,
      `${sides.length} hashes`,
      `${proof.hashes.length} hashes`,
      'hashes',
    );
  }
  proof.hashes.forEach((h, i) => {
    if (h.length !== HASH_BYTES) fail('a proof hash is not a SHA-256 value', `${HASH_BYTES} bytes`, `${h.length} bytes`, `hashes[${i}]`);
  });
  if (proof.rootHash.length !== HASH_BYTES) {
    fail('the root hash is not a SHA-256 value', `${HASH_BYTES} bytes`, `${proof.rootHash.length} bytes`, 'rootHash');
  }

  const leaf = await hashLeaf(entry.canonicalizedBody);
  const results: Uint8Array[] = [];
  let node = leaf;
  for (const [i, sibling] of proof.hashes.entries()) {
    node = sides[i] === 'left' ? hashChildren(sibling, node) : hashChildren(node, sibling);
    results.push(node);
  }
  const computedRoot = toHex(node);
  const expectedRoot = toHex(proof.rootHash);
  if (!bytesEqual(node, proof.rootHash)) {
    fail('the audit path does not lead to the root hash', expectedRoot, computedRoot, 'rootHash');
  }
  // The levels, as hex for drawing, are made when first read.
  const path: MerklePathEvidence = { leafIndex: proof.logIndex, treeSize: proof.treeSize, leafHash: toHex(leaf), levels: [], computedRoot, expectedRoot };
  return defineLazy(path, 'levels', () => results.map((result, i) => ({ sibling: toHex(proof.hashes[i]!), side: sides[i]!, result: toHex(result) })));
}
