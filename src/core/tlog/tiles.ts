// C2SP tlog-tiles: which tiles an inclusion or consistency proof needs for a tree of a given (verified) size,
// their paths, and the proofs recomputed from their hashes (RFC 6962 §2.1 over tiles of height 8).
import { VerifyError } from '../errors';
import { hashChildren } from './merkle';

/** Hashes per full tile, and the tree height one tile spans. */
export const TILE_WIDTH = 256;
export const TILE_HEIGHT = 8;
const HASH_BYTES = 32;

/** A tile as a tree of `treeSize` leaves implies it: full (width 256) or partial (1–255). */
export interface TileRef {
  level: number;
  index: number;
  width: number;
}

/** A complete subtree: 2^height leaves starting at leaf index × 2^height. */
interface NodeRef {
  height: number;
  index: number;
}

/** A range of leaves [start, end) whose RFC 6962 Merkle Tree Hash a proof carries. */
type LeafRange = readonly [start: number, end: number];

// The path element encoding of a tile index: 3-digit groups, all but the last prefixed "x" (1234067 → x001/x234/067).
export function encodeTileIndex(index: number): string {
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

// The path of a hash tile or an entry bundle below the log prefix: tile/<L>/<N>[.p/<W>], tile/entries/<N>[.p/<W>].
export function tilePath(tile: TileRef | { level: 'entries'; index: number; width: number }): string {
  return `tile/${tile.level}/${encodeTileIndex(tile.index)}${tile.width < TILE_WIDTH ? `.p/${tile.width}` : ''}`;
}

// The tile at a level holding stored hash `position` of that level, with the width the tree size implies
// (tlog-tiles "Partial Tiles": floor(s / 256^l) mod 256 for the rightmost one).
export function tileFor(level: number, position: number, treeSize: number): TileRef {
  const index = Math.floor(position / TILE_WIDTH);
  const stored = Math.floor(treeSize / TILE_WIDTH ** level);
  const width = Math.min(TILE_WIDTH, stored - index * TILE_WIDTH);
  if (position >= stored) throw new VerifyError('TLOG_TILE_INVALID', `a tree of ${treeSize} leaves has no tile ${index} at level ${level}`, { expected: `a position below ${stored}`, found: String(position) });
  return { level, index, width };
}

// The entry bundle holding leaf `leafIndex` in a tree of treeSize leaves.
export function entryBundleFor(leafIndex: number, treeSize: number): { level: 'entries'; index: number; width: number } {
  const { index, width } = tileFor(0, leafIndex, treeSize);
  return { level: 'entries', index, width };
}

// Largest power of two strictly below n (n > 1): RFC 6962's split point k.
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// The sibling ranges of an audit path, leaf side first (RFC 6962 §2.1.1 PATH(m, D[n])).
export function inclusionRanges(m: number, n: number): LeafRange[] {
  const ranges: LeafRange[] = [];
  let start = 0;
  let size = n;
  let leaf = m;
  while (size > 1) {
    const k = split(size);
    if (leaf < k) {
      ranges.unshift([start + k, start + size]);
      size = k;
    } else {
      ranges.unshift([start, start + k]);
      start += k;
      leaf -= k;
      size -= k;
    }
  }
  return ranges;
}

// The ranges of a consistency proof from m to n leaves, in proof order (RFC 6962 §2.1.2 SUBPROOF(m, D[n], true)).
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (m === 0 || m === n) return [];
  const ranges: LeafRange[] = [];
  const walk = (m: number, start: number, size: number, whole: boolean): void => {
    if (m === size) {
      if (!whole) ranges.push([start, start + size]);
      return;
    }
    const k = split(size);
    if (m <= k) {
      walk(m, start, k, whole);
      ranges.push([start + k, start + size]);
    } else {
      walk(m - k, start + k, size - k, false);
      ranges.push([start, start + k]);
    }
  };
  walk(m, 0, n, true);
  return ranges;
}

// The complete subtrees a range splits into, left to right (its MTH folds them from the right).
function rangeNodes([start, end]: LeafRange): NodeRef[] {
  const nodes: NodeRef[] = [];
  let s = start;
  while (s < end) {
    const size = end - s === 1 ? 1 : largestAlignedPower(s, end - s);
    nodes.push({ height: Math.log2(size), index: s / size });
    s += size;
  }
  return nodes;
}

// The largest power of two that divides start (or any, when start is 0) and fits in length.
function largestAlignedPower(start: number, length: number): number {
  let p = 1;
  while (p * 2 <= length && (start === 0 || start % (p * 2) === 0)) p *= 2;
  return p;
}

// The tile (and position in it) a complete subtree's hash is computed from: the tile at level ⌊h/8⌋.
function tileOfNode(node: NodeRef, treeSize: number): { tile: TileRef; first: number; count: number } {
  const level = Math.floor(node.height / TILE_HEIGHT);
  const below = node.height - level * TILE_HEIGHT;
  const position = node.index * 2 ** below;
  const tile = tileFor(level, position, treeSize);
  return { tile, first: position - tile.index * TILE_WIDTH, count: 2 ** below };
}

/** Stored hashes of one tile a proof hash is computed from: `count` hashes from position `first`. */
export interface TileRead {
  tile: TileRef;
  first: number;
  count: number;
  /** Which proof hash (the range's index) they make up. */
  proofIndex: number;
}

// Every stored-hash read the given ranges make, in proof order: what a drawing of the tiles used shows.
export function tileReadsForRanges(ranges: LeafRange[], treeSize: number): TileRead[] {
  return ranges.flatMap((range, proofIndex) => rangeNodes(range).map((node) => ({ ...tileOfNode(node, treeSize), proofIndex })));
}

// Every tile the given ranges need in a tree of treeSize leaves, each once.
export function tilesForRanges(ranges: LeafRange[], treeSize: number): TileRef[] {
  const tiles = new Map<string, TileRef>();
  for (const { tile } of tileReadsForRanges(ranges, treeSize)) tiles.set(tilePath(tile), tile);
  return [...tiles.values()];
}

/** Tile contents by path, as fetched and checked for length. */
export type TileHashes = ReadonlyMap<string, Uint8Array[]>;

// Split a tile's bytes into hashes; the length must be exactly width × 32 (TLOG_TILE_INVALID otherwise).
export function parseTile(bytes: Uint8Array, tile: TileRef, where: string): Uint8Array[] {
  if (bytes.length !== tile.width * HASH_BYTES) {
    throw new VerifyError('TLOG_TILE_INVALID', `the tile ${tilePath(tile)} is not ${tile.width} hashes`, { expected: `${tile.width * HASH_BYTES} bytes`, found: `${bytes.length} bytes`, where });
  }
  return Array.from({ length: tile.width }, (_, i) => bytes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES));
}

// A tile's hashes, or a full tile read in its place (a log may drop a partial tile once it is full).
function hashesOf(tiles: TileHashes, tile: TileRef): Uint8Array[] {
  const hashes = tiles.get(tilePath(tile)) ?? tiles.get(tilePath({ ...tile, width: TILE_WIDTH }))?.slice(0, tile.width);
  if (!hashes) throw new VerifyError('TLOG_TILE_INVALID', `the tile ${tilePath(tile)} was not fetched`, { expected: tilePath(tile), found: 'nothing' });
  return hashes;
}

// The hash of a complete subtree from its tile: `count` stored hashes hashed pairwise up to one.
function nodeHash(node: NodeRef, tiles: TileHashes, treeSize: number): Uint8Array {
  const { tile, first, count } = tileOfNode(node, treeSize);
  let level = hashesOf(tiles, tile).slice(first, first + count);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashChildren(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}

// The Merkle Tree Hash of a range from the tiles: MTH(D[a:b]) = H(left complete subtree, MTH(rest)).
export function rangeHash(range: LeafRange, tiles: TileHashes, treeSize: number): Uint8Array {
  const nodes = rangeNodes(range).map((n) => nodeHash(n, tiles, treeSize));
  let hash = nodes.pop()!;
  while (nodes.length > 0) hash = hashChildren(nodes.pop()!, hash);
  return hash;
}

// The leaf hash at an index, read from its level-0 tile.
export function leafHashFromTiles(leafIndex: number, tiles: TileHashes, treeSize: number): Uint8Array {
  const tile = tileFor(0, leafIndex, treeSize);
  return hashesOf(tiles, tile)[leafIndex - tile.index * TILE_WIDTH]!;
}

// The proof hashes for the ranges, in order.
export function proofFromTiles(ranges: LeafRange[], tiles: TileHashes, treeSize: number): Uint8Array[] {
  return ranges.map((r) => rangeHash(r, tiles, treeSize));
}

// Split an entry bundle into its entries: big-endian uint16 length-prefixed (tlog-tiles "Log entries").
export function parseEntryBundle(bytes: Uint8Array, width: number, where: string): Uint8Array[] {
  const entries: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 2 > bytes.length) break;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (at + 2 + length > bytes.length) break;
    entries.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (at !== bytes.length || entries.length !== width) {
    throw new VerifyError('TLOG_TILE_INVALID', `the entry bundle does not hold ${width} length-prefixed entries`, { expected: `${width} entries`, found: at !== bytes.length ? `a truncated entry at byte ${at}` : `${entries.length} entries`, where });
  }
  return entries;
}

