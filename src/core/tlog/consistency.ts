// RFC 6962 §2.1.2 / RFC 9162 §2.1.4 consistency proofs: an older tree head is a prefix of a newer one.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { bytesEqual, toHex } from '../encoding';
import { hashChildren } from './merkle';
import { assertNonNegativeInteger } from './numbers';

const HASH_BYTES = 32;

/** Two tree heads of one log and the proof that links them. */
export interface ConsistencyInput {
  oldSize: number;
  oldRoot: Uint8Array;
  newSize: number;
  newRoot: Uint8Array;
  proof: Uint8Array[];
  /** Where the proof came from, e.g. "https://rekor.sigstore.dev/api/v1/log/proof". */
  where: string;
}

/** What a verified proof established, for the record. */
export interface ConsistencyEvidence {
  oldSize: number;
  oldRoot: string;
  newSize: number;
  newRoot: string;
  proofHashes: number;
}

// The number of hashes a proof from m to n leaves has (RFC 9162 §2.1.4.1 SUBPROOF), 0 when m is 0 or m = n.
export function consistencyProofLength(m: number, n: number): number {
  if (m === 0 || m === n) return 0;
  let length = 0;
  let start = true;
  // SUBPROOF(m, D[n], b): walk down the RFC's recursion without hashing.
  while (m !== n) {
    let k = 1;
    while (k * 2 < n) k *= 2;
    length += 1;
    if (m <= k) {
      n = k;
    } else {
      m -= k;
      n -= k;
      start = false;
    }
  }
  return start ? length : length + 1;
}

// Verify a consistency proof (RFC 9162 §2.1.4.2). A proof whose new root matches but whose old root does not is
// a fork: the log shows a history in which the older tree head the caller holds never existed (TLOG_FORKED).
export async function verifyConsistencyProof(input: ConsistencyInput): Promise<ConsistencyEvidence> {
  const { oldSize, newSize, oldRoot, newRoot, proof, where } = input;
  const fail = (message: string, expected: string, found: string): never => {
    throw new VerifyError('TLOG_CONSISTENCY_INVALID', message, { expected, found, where });
  };
  assertNonNegativeInteger(oldSize, 'TLOG_CONSISTENCY_INVALID', `${where} old tree size`);
  assertNonNegativeInteger(newSize, 'TLOG_CONSISTENCY_INVALID', `${where} new tree size`);
  if (oldRoot.length !== HASH_BYTES || newRoot.length !== HASH_BYTES) fail('a root hash is not a SHA-256 value', `${HASH_BYTES} bytes`, `${oldRoot.length} and ${newRoot.length} bytes`);
  if (newSize < oldSize) fail('the newer tree is smaller than the older one: the log shrank', `a size of at least ${oldSize}`, String(newSize));
  if (proof.length > LIMITS.consistencyProofHashes) fail('the proof has too many hashes', `at most ${LIMITS.consistencyProofHashes}`, String(proof.length));
  proof.forEach((h, i) => {
    if (h.length !== HASH_BYTES) fail(`proof hash ${i} is not a SHA-256 value`, `${HASH_BYTES} bytes`, `${h.length} bytes`);
  });
  const evidence: ConsistencyEvidence = { oldSize, oldRoot: toHex(oldRoot), newSize, newRoot: toHex(newRoot), proofHashes: proof.length };
  const expectedLength = consistencyProofLength(oldSize, newSize);
  if (proof.length !== expectedLength) fail(`a proof from ${oldSize} to ${newSize} leaves has exactly ${expectedLength} hashes`, `${expectedLength} hashes`, `${proof.length} hashes`);
  if (oldSize === 0) return evidence;
  if (oldSize === newSize) {
    if (!bytesEqual(oldRoot, newRoot)) forked(input, toHex(newRoot));
    return evidence;
  }
  // Steps 2–6 of RFC 9162 §2.1.4.2, with fn/sn as numbers (tree sizes stay below 2^53).
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) fail('the proof is longer than the path between the two trees', 'a shorter proof', `${proof.length} hashes`);
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) fail('the proof is shorter than the path between the two trees', 'a longer proof', `${proof.length} hashes`);
  if (!bytesEqual(sr, newRoot)) {
    // When oldSize is a power of two the proof leaves out the older root, so a fork looks like this too.
    fail(
      `the proof does not link the tree of ${oldSize} leaves (root ${toHex(oldRoot)}) to the tree of ${newSize} leaves (root ${toHex(newRoot)}): the log served a wrong proof${isPowerOfTwo(oldSize) ? ' or forked' : ''}`,
      `a proof leading to ${toHex(newRoot)}`,
      toHex(sr),
    );
  }
  if (!bytesEqual(fr, oldRoot)) forked(input, toHex(fr));
  return evidence;
}

// The loudest failure: the newer tree is verified, and in it the first oldSize leaves have another root.
function forked(input: ConsistencyInput, otherOldRoot: string): never {
  throw new VerifyError(
    'TLOG_FORKED',
    `the log forked: its tree of ${input.newSize} leaves (root ${toHex(input.newRoot)}) contains a tree of ${input.oldSize} leaves with root ${otherOldRoot}, not the signed root ${toHex(input.oldRoot)}`,
    { expected: `root ${toHex(input.oldRoot)} at size ${input.oldSize}`, found: `root ${otherOldRoot} at size ${input.oldSize} inside root ${toHex(input.newRoot)} at size ${input.newSize}`, where: input.where },
  );
}

// Whether n is 2^k for some k ≥ 0 (exact for every safe integer).
function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
