// Live audit figures: "check against the live log" to verdict on loopback (a Rekor v1-compatible server over
// the test instance's log), and how many tiles one inclusion proof reads from a tile log of 10^6 entries.
import { parseBundle, parseTrustedRootJson } from '../src/core';
import { inclusionRanges, tilesForRanges } from '../src/core/tlog';
import { checkAgainstLiveLog, type AuditFetch } from '../src/audit';
import { createTestInstance } from '../test/support/sigstore';
import { startRekorV1Server } from '../test/support/live-log/rekor-v1-server';
import { startTilesServer } from '../test/support/live-log/tiles-server';
import { summarise, timeIt, type Sample } from './stats';

const fetcher: AuditFetch = (url, init) => fetch(url, init);

export interface LiveAuditBench {
  rekorV1ToVerdict: Sample;
  rekorV1TreeSize: number;
  tilesTreeSize: number;
  /** Tiles (hash tiles and the entry bundle) fetched to prove the bundle's entry in today's tree. */
  tilesForTheEntry: number;
  /** Tiles per inclusion proof over sampled leaves (the maths alone, no HTTP). */
  tilesPerProof: { min: number; median: number; max: number; samples: number };
  tilesToVerdict: Sample;
  /** Every tile and entry bundle one whole live check (inclusion and consistency) fetched. */
  tilesFetchedWholeCheck: number;
}

// Both measurements; n rounds each.
export async function benchLiveAudit(n: number): Promise<LiveAuditBench> {
  const instance = createTestInstance({ rekorV1: { prefill: 5000 }, rekorV2: { prefill: 0 } });
  const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'bench', description: 'test instance' });
  const rekor = await startRekorV1Server(instance);
  const signed = instance.signMessage(new TextEncoder().encode('bench artifact'));
  rekor.record(signed.bundle.verificationMaterial.tlogEntries[0]!);
  const entries = parseBundle(JSON.stringify(signed.bundle)).tlogEntries;
  const v1 = await timeIt(async () => {
    const r = await checkAgainstLiveLog(entries, { fetch: fetcher, trustedRoot, logUrl: () => rekor.url });
    if (r.verdict !== 'verified') throw new Error(`bench: live check not verified: ${r.headline}`);
  }, n, 3);
  await rekor.close();

  const tiles = await startTilesServer(instance);
  tiles.fill(600_000);
  const v2 = instance.signMessage(new TextEncoder().encode('bench tiled artifact'), { rekor: 'v2' });
  tiles.record(v2.bundle.verificationMaterial.tlogEntries[0]!);
  tiles.fill(1_000_000 - instance.rekorV2.tree.size);
  const size = instance.rekorV2.tree.size;
  const v2Entries = parseBundle(JSON.stringify(v2.bundle)).tlogEntries;
  let fetched: string[] = [];
  const v2Times = await timeIt(async () => {
    fetched = [];
    // The first answer builds the server's tiled copy of 10^6 leaves; the warm-up absorbs it.
    const r = await checkAgainstLiveLog(v2Entries, { fetch: fetcher, trustedRoot, logUrl: () => tiles.url, onTile: (p) => fetched.push(p), limits: { timeoutMs: 180_000 } });
    if (r.verdict !== 'verified') throw new Error(`bench: tiles live check not verified: ${r.headline}`);
  }, Math.max(3, Math.floor(n / 5)), 1);
  await tiles.close();
  // Inclusion only: the consistency proof's tiles are counted apart by recomputing them.
  const inclusionTiles = tilesForRanges([...inclusionRanges(v2Entries[0]!.logIndex, size), [v2Entries[0]!.logIndex, v2Entries[0]!.logIndex + 1]], size).length + 1;
  const counts = Array.from({ length: 1000 }, (_, i) => Math.floor((i * 999_983) % size)).map((m) => tilesForRanges([...inclusionRanges(m, size), [m, m + 1]], size).length + 1);
  const sorted = [...counts].sort((a, b) => a - b);
  return {
    rekorV1ToVerdict: summarise(v1),
    rekorV1TreeSize: instance.rekorV1.tree.size,
    tilesTreeSize: size,
    tilesForTheEntry: inclusionTiles,
    tilesPerProof: { min: sorted[0]!, median: sorted[500]!, max: sorted.at(-1)!, samples: counts.length },
    tilesToVerdict: summarise(v2Times),
    tilesFetchedWholeCheck: fetched.length,
  };
}
