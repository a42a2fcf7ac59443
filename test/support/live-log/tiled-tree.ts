// A tree stored the way a tile-based log stores it: every level of full-subtree hashes, so any tile of any
// tree size is a slice (C2SP tlog-tiles). Built bottom-up, so a million leaves take about two million hashes.
import { createHash } from 'node:crypto';
import type { MerkleTree } from '../sigstore/merkle.ts';

const node = (l: Uint8Array, r: Uint8Array) => new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(l).update(r).digest());

export class TiledTree {
  /** levels[h][i]: hash of the complete subtree of 2^h leaves starting at i·2^h. */
  readonly levels: Uint8Array[][] = [[]];

  // A tiled copy of a tree's leaves.
  static from(tree: MerkleTree, size = tree.size): TiledTree {
    const t = new TiledTree();
    for (let i = 0; i < size; i++) t.appendLeafHash(tree.leaf(i));
    return t;
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  // Adds a leaf hash, completing every subtree it closes.
  appendLeafHash(hash: Uint8Array): void {
    this.levels[0]!.push(hash);
    let h = 0;
    while (this.levels[h]!.length % 2 === 0) {
      const level = this.levels[h]!;
      const up = (this.levels[h + 1] ??= []);
      up.push(node(level[level.length - 2]!, level[level.length - 1]!));
      h += 1;
    }
  }

  // The root hash (MTH of all leaves): the complete subtrees of the size's binary form, folded from the right.
  root(): Uint8Array {
    const nodes: Uint8Array[] = [];
    let start = 0;
    for (let h = this.levels.length - 1; h >= 0; h--) {
      if (this.size & 2 ** h) {
        nodes.push(this.levels[h]![start / 2 ** h]!);
        start += 2 ** h;
      }
    }
    let hash = nodes.pop() ?? new Uint8Array(createHash('sha256').digest());
    while (nodes.length > 0) hash = node(nodes.pop()!, hash);
    return hash;
  }

  // The bytes of tile (level, index, width): the stored hashes at height 8·level.
  tile(level: number, index: number, width: number): Uint8Array {
    const hashes = (this.levels[level * 8] ?? []).slice(index * 256, index * 256 + width);
    return new Uint8Array(Buffer.concat(hashes));
  }
}
