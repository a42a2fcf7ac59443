// C2SP tlog-tiles maths: tile paths, which tiles a proof needs, and proofs recomputed from tiles equal RFC 6962's.
import { describe, expect, it } from 'vitest';
import { consistencyRanges, encodeTileIndex, inclusionRanges, parseEntryBundle, parseTile, proofFromTiles, tileFor, tilePath, tilesForRanges, type TileHashes } from '../../../src/core/tlog';
import { MerkleTree } from '../../support/sigstore/merkle';
import { TiledTree } from '../../support/live-log/tiled-tree';
import { codeOf } from '../../support/error-code';

describe('tile paths and widths', () => {
  it('encodes indexes in 3-digit groups and marks partial tiles', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067');
    expect(encodeTileIndex(0)).toBe('000');
    expect(encodeTileIndex(1000)).toBe('x001/000');
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 'entries', index: 3, width: 17 })).toBe('tile/entries/003.p/17');
  });

  it('derives the widths of the C2SP example tree of 70,000 leaves', () => {
    expect(tileFor(0, 69_999, 70_000)).toEqual({ level: 0, index: 273, width: 112 });
    expect(tileFor(0, 100, 70_000)).toEqual({ level: 0, index: 0, width: 256 });
    expect(tileFor(1, 272, 70_000)).toEqual({ level: 1, index: 1, width: 17 });
    expect(tileFor(2, 0, 70_000)).toEqual({ level: 2, index: 0, width: 1 });
    expect(codeOf(() => tileFor(0, 70_000, 70_000))).toBe('TLOG_TILE_INVALID');
  });
});

describe('proofs from tiles', () => {
  const sizes = [1, 2, 255, 256, 257, 511, 512, 1000, 4097, 70_000];
  const reference = new MerkleTree();
  for (let i = 0; i < 70_000; i++) reference.append(new TextEncoder().encode(`leaf ${i}`));
  const tiled = TiledTree.from(reference);

  // The tiles a proof needs, read from the tiled tree as a server would serve them.
  const read = (ranges: ReturnType<typeof inclusionRanges>, n: number): TileHashes =>
    new Map(tilesForRanges(ranges, n).map((t) => [tilePath(t), parseTile(tiled.tile(t.level, t.index, t.width), t, 'test')]));

  it('recomputes RFC 6962 audit paths for leaves across tile edges', async () => {
    for (const n of sizes) {
      for (const m of n > 5000 ? [65_535, n - 1] : [0, Math.floor(n / 2), n - 1, Math.min(n - 1, 255), Math.min(n - 1, 256)]) {
        const ranges = inclusionRanges(m, n);
        expect(await proofFromTiles(ranges, read(ranges, n), n)).toEqual(reference.inclusionProof(m, n));
      }
    }
  });

  it('recomputes RFC 6962 consistency proofs', async () => {
    for (const n of sizes) {
      for (const m of (n > 5000 ? [65_536, n - 1] : [1, Math.floor(n / 3), n - 1, 256]).filter((m) => m >= 1 && m <= n)) {
        const ranges = consistencyRanges(m, n);
        expect(await proofFromTiles(ranges, read(ranges, n), n)).toEqual(reference.consistencyProof(m, n));
      }
    }
  });

  it('needs only a handful of tiles, only partial ones the size implies', () => {
    const tiles = tilesForRanges(inclusionRanges(12_345, 70_000), 70_000);
    expect(tiles.length).toBeLessThanOrEqual(6);
    for (const t of tiles) expect(t).toEqual(tileFor(t.level, t.index * 256, 70_000));
  });

  it('refuses a tile of the wrong length and a malformed entry bundle', () => {
    expect(codeOf(() => parseTile(new Uint8Array(31), { level: 0, index: 0, width: 1 }, 't'))).toBe('TLOG_TILE_INVALID');
    expect(codeOf(() => parseEntryBundle(Uint8Array.of(0, 5, 1, 2), 1, 't'))).toBe('TLOG_TILE_INVALID');
    expect(parseEntryBundle(Uint8Array.of(0, 1, 9, 0, 2, 7, 8), 2, 't')).toEqual([Uint8Array.of(9), Uint8Array.of(7, 8)]);
    expect(codeOf(() => parseEntryBundle(Uint8Array.of(0, 1, 9), 2, 't'))).toBe('TLOG_TILE_INVALID');
  });
});
