// The live checks over a tile-based log (C2SP tlog-tiles; Rekor v2 serves it under /api/v2): the checkpoint,
// inclusion and consistency proofs recomputed from tiles, and the entry read from its entry bundle.
// Rekor v2 has no search API: entries are found only through a bundle that names their index.
import type { TlogEntry } from '../core/bundle/types';
import { bytesEqual } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import type { JsonValue } from '../core/encoding/json';
import { VerifyError } from '../core/errors';
import type { Evidence } from '../core/evidence';
import { LIMITS } from '../core/limits';
import type { TransparencyLogInstance } from '../core/trust/types';
import {
  consistencyRanges,
  entryBundleFor,
  hashLeaf,
  inclusionRanges,
  leafHashFromTiles,
  parseCheckpoint,
  parseEntryBundle,
  parseTile,
  proofFromTiles,
  tileFor,
  tilePath,
  tilesForRanges,
  tileReadsForRanges,
  TILE_WIDTH,
  verifyCheckpoint,
  verifyConsistencyProof,
  verifyInclusionProof,
  type TileHashes,
  type TileRef,
} from '../core/tlog';
import { baseUrl, DEFAULT_EXCHANGE_LIMITS, exchange, fetchOk, fetchText, type AuditFetch, type Exchange, type ExchangeLimits } from './http';
import { consistencyOutcome, type LiveLog } from './live-log';

export interface TilesLiveOptions {
  fetch: AuditFetch;
  /** The log's base URL; tiles are read below <url>/api/v2. */
  url: string;
  log: TransparencyLogInstance;
  limits?: Partial<ExchangeLimits>;
  onTile?: (path: string) => void;
}

/** An entry bundle holds at most 256 entries of at most 64 KiB each. */
const ENTRY_BUNDLE_MAX = TILE_WIDTH * (2 + 0xffff);

// The prefix tiles are served under for a Rekor v2 base URL.
export function tilesPrefix(url: string): string {
  return `${baseUrl(url, 'REKOR_REQUEST_FAILED')}/api/v2`;
}

/** The value of a `tiles` evidence item: every tile a proof read, and which of its hashes made which proof hash. */
export interface TilesDrawing {
  purpose: 'inclusion' | 'consistency';
  treeSize: number;
  tiles: { path: string; level: number; index: number; width: number; reads: { first: number; count: number; proofIndex: number }[] }[];
  /** The proof hashes computed from them, hex, in proof order. */
  proof: string[];
  /** Inclusion: where the entry's own leaf hash sits. */
  leaf?: { path: string; position: number };
}

// The drawing of the tiles a proof was computed from (C2SP tlog-tiles), as evidence the UI renders.
function tilesEvidence(o: { purpose: TilesDrawing['purpose']; treeSize: number; ranges: ReturnType<typeof inclusionRanges>; proof: Uint8Array[]; leaf?: { tile: TileRef; position: number } }): Evidence {
  const tiles = new Map<string, TilesDrawing['tiles'][number]>();
  const entry = (t: TileRef) => tiles.get(tilePath(t)) ?? tiles.set(tilePath(t), { path: tilePath(t), level: t.level, index: t.index, width: t.width, reads: [] }).get(tilePath(t))!;
  if (o.leaf) entry(o.leaf.tile);
  for (const read of tileReadsForRanges(o.ranges, o.treeSize)) entry(read.tile).reads.push({ first: read.first, count: read.count, proofIndex: read.proofIndex });
  const value: TilesDrawing = {
    purpose: o.purpose,
    treeSize: o.treeSize,
    tiles: [...tiles.values()].sort((a, b) => b.level - a.level || a.index - b.index),
    proof: o.proof.map(toHex),
    ...(o.leaf ? { leaf: { path: tilePath(o.leaf.tile), position: o.leaf.position } } : {}),
  };
  return { kind: 'json', key: 'tiles', label: `tiles read for the ${o.purpose} proof`, value: value as unknown as JsonValue };
}

// A LiveLog reading tiles from a log of the trusted root.
export function tilesLiveLog(o: TilesLiveOptions): LiveLog {
  const prefix = tilesPrefix(o.url);
  const x: Exchange = { fetch: o.fetch, limits: { ...DEFAULT_EXCHANGE_LIMITS, ...o.limits }, codes: { failed: 'REKOR_REQUEST_FAILED', notFound: 'REKOR_NOT_FOUND' } };
  const bytesHeaders = { method: 'GET' as const, headers: { Accept: 'application/octet-stream' } };

  // One tile; a partial tile the log no longer serves is read from its full tile (tlog-tiles "Partial Tiles").
  const fetchTile = async (tile: TileRef): Promise<[string, Uint8Array[]]> => {
    const path = tilePath(tile);
    const answer = await exchange(x, `${prefix}/${path}`, bytesHeaders, `tile ${path}`, TILE_WIDTH * 32);
    o.onTile?.(path);
    if (answer.status === 404 && tile.width < TILE_WIDTH) {
      const full = { ...tile, width: TILE_WIDTH };
      const bytes = await fetchOk(x, `${prefix}/${tilePath(full)}`, `tile ${tilePath(full)}`, bytesHeaders, TILE_WIDTH * 32);
      o.onTile?.(tilePath(full));
      return [path, parseTile(bytes, full, `${prefix}/${tilePath(full)}`).slice(0, tile.width)];
    }
    if (answer.status !== 200) throw new VerifyError(answer.status === 404 ? 'REKOR_NOT_FOUND' : 'REKOR_REQUEST_FAILED', `tile ${path}: HTTP ${answer.status}`, { expected: 'HTTP 200', found: `HTTP ${answer.status}`, where: `${prefix}/${path}` });
    return [path, parseTile(answer.bytes, tile, `${prefix}/${path}`)];
  };
  const fetchTiles = async (tiles: TileRef[]): Promise<TileHashes> => new Map(await Promise.all(tiles.map(fetchTile)));

  return {
    kind: 'tiles',
    log: o.log,
    url: o.url,
    async head() {
      const where = `${prefix}/checkpoint`;
      const text = await fetchText(x, where, 'checkpoint', { method: 'GET', headers: { Accept: 'text/plain' } }, LIMITS.checkpointBytes);
      const parsed = parseCheckpoint(text, where);
      const evidence = await verifyCheckpoint({ logIndex: 0, hashes: [], checkpoint: text, rootHash: parsed.rootHash, treeSize: parsed.size }, o.log, where);
      return { size: parsed.size, rootHash: parsed.rootHash, checkpoint: text, evidence: [...evidence, { kind: 'text', key: 'checkpoint', label: 'live checkpoint (signed note)', value: text }] };
    },
    async inclusion(entry: TlogEntry, head) {
      const m = entry.logIndex;
      const n = head.size;
      if (m >= n) throw new VerifyError('TLOG_INCLUSION_INVALID', `entry ${m} is beyond today’s tree of ${n} leaves`, { expected: `an index below ${n}`, found: String(m), where: `${prefix}/checkpoint` });
      const ranges = inclusionRanges(m, n);
      const tiles = tilesForRanges([...ranges, [m, m + 1]], n);
      const bundleRef = entryBundleFor(m, n);
      const bundleUrl = `${prefix}/${tilePath(bundleRef)}`;
      const [hashes, bundleBytes] = await Promise.all([fetchTiles(tiles), fetchOk(x, bundleUrl, `entry bundle ${tilePath(bundleRef)}`, bytesHeaders, ENTRY_BUNDLE_MAX)]);
      o.onTile?.(tilePath(bundleRef));
      const logged = parseEntryBundle(bundleBytes, bundleRef.width, bundleUrl)[m - bundleRef.index * TILE_WIDTH]!;
      if (!bytesEqual(logged, entry.canonicalizedBody)) {
        throw new VerifyError('REKOR_ENTRY_MISMATCH', `the entry bundle holds another entry at index ${m}`, { expected: `leaf ${toHex(await hashLeaf(entry.canonicalizedBody))}`, found: `leaf ${toHex(await hashLeaf(logged))}`, where: bundleUrl });
      }
      const leaf = leafHashFromTiles(m, hashes, n);
      const expectedLeaf = await hashLeaf(logged);
      if (!bytesEqual(leaf, expectedLeaf)) {
        throw new VerifyError('TLOG_TILE_INVALID', `the level-0 tile does not hold this entry’s leaf hash at ${m}`, { expected: toHex(expectedLeaf), found: toHex(leaf), where: `${prefix}/${tilePath(tileFor(0, m, n))}` });
      }
      const proof = await proofFromTiles(ranges, hashes, n);
      const path = await verifyInclusionProof({ ...entry, where: `${prefix} tiles`, inclusionProof: { logIndex: m, treeSize: n, rootHash: head.rootHash, hashes: proof, checkpoint: head.checkpoint } });
      return {
        path,
        evidence: [
          { kind: 'text', label: 'entry bundle', value: `${tilePath(bundleRef)} holds this body at position ${m % TILE_WIDTH}` },
          { kind: 'merkle-path', label: 'audit path in today’s tree (from tiles)', value: path },
          tilesEvidence({ purpose: 'inclusion', treeSize: n, ranges, proof, leaf: { tile: tileFor(0, m, n), position: m % TILE_WIDTH } }),
        ],
      };
    },
    async consistency(oldSize, oldRoot, head) {
      const where = `${prefix} tiles for ${oldSize} → ${head.size}`;
      if (oldSize > head.size) {
        throw new VerifyError('TLOG_CONSISTENCY_INVALID', `today's tree of ${head.size} leaves is smaller than the signed tree of ${oldSize} leaves: the log lost entries`, { expected: `at least ${oldSize} leaves`, found: `${head.size} leaves`, where: `${prefix}/checkpoint` });
      }
      const ranges = consistencyRanges(oldSize, head.size);
      const tiles = tilesForRanges(ranges, head.size);
      const proof = await proofFromTiles(ranges, await fetchTiles(tiles), head.size);
      const verified = await verifyConsistencyProof({ oldSize, oldRoot, newSize: head.size, newRoot: head.rootHash, proof, where });
      const outcome = consistencyOutcome(verified);
      return { ...outcome, evidence: [...outcome.evidence, tilesEvidence({ purpose: 'consistency', treeSize: head.size, ranges, proof })] };
    },
  };
}
