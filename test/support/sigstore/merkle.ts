// An append-only RFC 6962 Merkle tree: leaf/node hashing (§2.1), tree heads and audit paths (§2.1.1).
import { concat } from './der.ts';
import { sha256 } from './keys.ts';

// MTH of one leaf: SHA-256(0x00 || entry) (RFC 6962 §2.1).
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256(concat(Uint8Array.of(0), entry));
}

// Interior node: SHA-256(0x01 || left || right) (RFC 6962 §2.1).
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concat(Uint8Array.of(1), left, right));
}

// Largest power of two strictly smaller than n (n > 1), the split point k of RFC 6962 §2.1.
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export class MerkleTree {
  readonly #leaves: Uint8Array[] = [];

  // Number of leaves.
  get size(): number {
    return this.#leaves.length;
  }

  // Appends an entry and returns its leaf index.
  append(entry: Uint8Array): number {
    this.#leaves.push(leafHash(entry));
    return this.#leaves.length - 1;
  }

  // Leaf hash at an index.
  leaf(index: number): Uint8Array {
    const leaf = this.#leaves[index];
    if (!leaf) throw new Error(`no leaf ${index}`);
    return leaf;
  }

  // Root hash of the first `size` leaves (MTH of D[0:size]); SHA-256 of "" for the empty tree.
  root(size = this.size): Uint8Array {
    if (size === 0) return sha256(new Uint8Array(0));
    return this.#subtreeRoot(0, size);
  }

  // Audit path for leaf `index` in the tree of `size` leaves (PATH(m, D[n]), RFC 6962 §2.1.1), leaf-side first.
  inclusionProof(index: number, size = this.size): Uint8Array[] {
    if (index >= size || size > this.size) throw new Error(`no leaf ${index} in a tree of ${size}`);
    return this.#path(index, 0, size);
  }

  // Consistency proof from the tree of m leaves to the tree of n leaves (PROOF(m, D[n]), RFC 6962 §2.1.2).
  consistencyProof(m: number, n = this.size): Uint8Array[] {
    if (m > n || n > this.size) throw new Error(`no consistency proof from ${m} to ${n} in a tree of ${this.size}`);
    if (m === 0 || m === n) return [];
    return this.#subproof(m, 0, n, true);
  }

  // A new tree holding this tree's first n leaves: the start of a fork.
  prefix(n: number): MerkleTree {
    const copy = new MerkleTree();
    copy.#leaves.push(...this.#leaves.slice(0, n));
    return copy;
  }

  // SUBPROOF(m, D[start:start+n], b).
  #subproof(m: number, start: number, n: number, whole: boolean): Uint8Array[] {
    if (m === n) return whole ? [] : [this.#subtreeRoot(start, n)];
    const k = splitPoint(n);
    if (m <= k) return [...this.#subproof(m, start, k, whole), this.#subtreeRoot(start + k, n - k)];
    return [...this.#subproof(m - k, start + k, n - k, false), this.#subtreeRoot(start, k)];
  }

  // MTH of leaves [start, start + n).
  #subtreeRoot(start: number, n: number): Uint8Array {
    if (n === 1) return this.leaf(start);
    const k = splitPoint(n);
    return nodeHash(this.#subtreeRoot(start, k), this.#subtreeRoot(start + k, n - k));
  }

  // PATH(m, D[start:start+n]) with m relative to start.
  #path(m: number, start: number, n: number): Uint8Array[] {
    if (n === 1) return [];
    const k = splitPoint(n);
    if (m < k) return [...this.#path(m, start, k), this.#subtreeRoot(start + k, n - k)];
    return [...this.#path(m - k, start + k, n - k), this.#subtreeRoot(start, k)];
  }
}
