// Node: Signet against @sigstore/verify and the WebCrypto floor on every passing conformance and corpus bundle, per bundle.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Core from '../src/core';
import type { VerificationPolicy, VerifyRequest } from '../src/core';
import { loadCases, type CorpusCase } from '../scripts/corpus/cases.ts';
import { referenceVerifier } from '../scripts/corpus/reference.ts';
import { downloadSignatureLine } from '../test/support/sigstore/cosign-legacy.ts';
import { fmt, summarise, timeIt, timeWallAndCpu, type Sample, type Timings } from './stats';
import { recordWebCrypto, replayWebCrypto, type CryptoRecording } from './webcrypto-floor';

/** What `signet verify-bundle` is given for one case, as plain data (it crosses into a browser page too). */
export interface BundleInputs {
  /** The signatures to verify (a cosign download dump may carry several; any one verified suffices). */
  bundles: string[];
  /** The artifact, base64, or its digest label (sha256:…). */
  artifact: { bytes: string } | { digest: string } | null;
  policy: VerificationPolicy;
  trustedRoot: string;
  thresholds?: { tlog: number; sct: number; timestamps: number };
}

/** One bundle a verifier must verify. */
export interface BenchCase {
  /** `conformance/<case>` or `corpus/<case>`. */
  name: string;
  inputs: BundleInputs;
  /** The same verification by @sigstore/verify, or why it cannot run it. */
  reference: (() => void) | { skipped: string };
}

export interface FloorCounts {
  verifies: number;
  imports: number;
  digests: number;
  digestBytes: number;
}

/** Wall-clock and CPU-time medians of one verifier on one bundle. */
export interface Timed {
  wall: Sample;
  cpu: Sample;
}

export interface BundleResult {
  name: string;
  signet?: Timed;
  /** The WebCrypto calls the verification needs, replayed concurrently with nothing around them. */
  floor?: Timed;
  counts?: FloorCounts;
  reference?: Timed;
  /** reference median / signet median, by the wall clock; the spread is the lowest and highest per-round ratio. */
  ratio?: number;
  ratioLow?: number;
  ratioHigh?: number;
  /** The same by CPU time (steadier on a loaded machine). */
  cpuRatio?: number;
  /** The most any engine calling WebCrypto could reach here: reference median / floor median (wall clock). */
  ceiling?: number;
  skipped?: string;
}

// The conformance cases in the corpus schema: every passing PATH case is one distinct bundle with its artifact.
function conformanceCases(dir: string): CorpusCase[] {
  const raw = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as (Omit<CorpusCase, 'format'> & { mode: string })[];
  return raw
    .filter((c) => c.expect === 'pass' && c.mode === 'PATH')
    .map((c) => ({ ...c, name: c.name.replace(/^test_verify\[PATH-|\]$/g, ''), format: 'sigstore-bundle', payload: null, annotations: null, image_digest: null, digest: null }));
}

// Signet's inputs for a case, as `signet verify-bundle` reads them from the same command line.
function signetInputs(c: CorpusCase, root: string, severalSignatures: typeof Core.severalSignatures): BundleInputs {
  const at = (p: string) => join(root, p);
  const text =
    c.format === 'cosign-oci-layer'
      ? downloadSignatureLine({ layer: { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', payload: new Uint8Array(readFileSync(at(c.payload!))), annotations: JSON.parse(readFileSync(at(c.annotations!), 'utf8')) as Record<string, string> } })
      : readFileSync(at(c.bundle!), 'utf8');
  const label = c.digest ?? c.image_digest;
  const t = c.thresholds;
  return {
    // A dump of several signatures holds one per line.
    bundles: severalSignatures(text) ? text.split('\n').filter((line) => line.trim() !== '') : [text],
    artifact: c.artifact ? { bytes: readFileSync(at(c.artifact)).toString('base64') } : label ? { digest: label } : null,
    policy: c.key
      ? { kind: 'key', publicKey: readFileSync(at(c.key), 'utf8') }
      : { kind: 'identity', identity: { identity: { exact: c.identity! }, issuer: c.issuer === null ? { regexp: '.*' } : { exact: c.issuer } } },
    trustedRoot: readFileSync(at(c.trusted_root), 'utf8'),
    ...(t && { thresholds: { tlog: t.tlog, sct: t.ctlog, timestamps: t.timestamp } }),
  };
}

// The engine's requests for the inputs; the trusted root is parsed here, once, as a long-running verifier holds it.
export function requestsFor(inputs: BundleInputs, core: typeof Core): VerifyRequest[] {
  const trustedRoot = core.parseTrustedRoot(inputs.trustedRoot, { name: 'bench', description: 'bench' });
  const a = inputs.artifact;
  const digest = a && 'digest' in a ? core.parseDigestLabel(a.digest) : null;
  const artifact = a && 'bytes' in a ? { kind: 'bytes' as const, bytes: core.fromBase64(a.bytes) } : digest ? { kind: 'digest' as const, ...digest } : null;
  return inputs.bundles.map((bundle) => ({ bundle, artifact, policy: inputs.policy, trustedRoot, thresholds: inputs.thresholds }));
}

// Every case both folders expect to pass, prepared for both verifiers.
export function loadBenchCases(conformanceDir: string, corpusDir: string, core: typeof Core): BenchCase[] {
  const corpus = loadCases(corpusDir);
  const sets: [string, string, CorpusCase[]][] = [
    ['conformance', resolve(conformanceDir), conformanceCases(conformanceDir)],
    ['corpus', corpus.root, corpus.cases.filter((c) => c.expect === 'pass')],
  ];
  return sets.flatMap(([folder, root, cases]) =>
    cases.map((c) => {
      const verify = referenceVerifier(c, root);
      const first = verify();
      const reference = first.outcome === 'pass' ? () => void verify() : { skipped: `@sigstore/verify: ${first.outcome} (${first.why})` };
      return { name: `${folder}/${c.name}`, inputs: signetInputs(c, root, core.severalSignatures), reference };
    }),
  );
}

// One verification of all of a case's signatures; throws unless one is verified.
export function signetRun(name: string, requests: VerifyRequest[], core: typeof Core): () => Promise<void> {
  return async () => {
    const rs = await Promise.all(requests.map((r) => core.verifyBundle(r)));
    if (!rs.some((r) => r.verdict === 'verified')) throw new Error(`${name}: Signet did not verify: ${rs[0]!.headline}`);
  };
}

// The floor's counts, without the recorded bytes.
export function floorCounts(rec: CryptoRecording): FloorCounts {
  return { verifies: rec.verifies, imports: rec.imports, digests: rec.digests, digestBytes: rec.digestBytes };
}

// Median time per bundle for Signet, its WebCrypto floor and the reference, interleaved round by round so
// drifting load affects all alike. A case Signet does not verify is reported, never timed.
export async function benchEveryBundle(cases: BenchCase[], n: number, core: typeof Core, rounds = 5): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const c of cases) {
    const signet = signetRun(c.name, requestsFor(c.inputs, core), core);
    try {
      await signet();
    } catch (err) {
      results.push({ name: c.name, skipped: (err as Error).message.slice(0, 200) });
      continue;
    }
    // Recorded on a warm verification: trusted-root keys are imported already, as in a running verifier.
    const rec = await recordWebCrypto(signet);
    const floor = () => replayWebCrypto(rec, true);
    const ref = typeof c.reference === 'function' ? c.reference : undefined;
    const runs = [signet, floor, ...(ref ? [ref] : [])];
    const perRound = Math.max(1, Math.ceil(n / rounds));
    for (const fn of runs) await timeIt(fn, 0, 10);
    const timings: Timings[][] = runs.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, fn] of runs.entries()) timings[i]!.push(await timeWallAndCpu(fn, perRound));
    }
    const [s, fl, r] = timings.map((t) => ({ wall: summarise(t.flatMap((x) => x.wall)), cpu: summarise(t.flatMap((x) => x.cpu)) }));
    const base = { name: c.name, signet: s!, floor: fl!, counts: floorCounts(rec) };
    if (!r) {
      results.push({ ...base, skipped: (c.reference as { skipped: string }).skipped });
      continue;
    }
    const roundRatios = timings[0]!.map((t, i) => summarise(timings[2]![i]!.wall).median / summarise(t.wall).median);
    results.push({
      ...base,
      reference: r,
      ratio: r.wall.median / s!.wall.median,
      ratioLow: Math.min(...roundRatios),
      ratioHigh: Math.max(...roundRatios),
      cpuRatio: r.cpu.median / s!.cpu.median,
      ceiling: r.wall.median / fl!.wall.median,
    });
  }
  return results;
}

export interface SpeedUpSummary {
  count: number;
  cpuGeomean: number;
  cpuMin: number;
  cpuMinBundle: string;
  geomean: number;
  median: number;
  min: number;
  minBundle: string;
  max: number;
  under3: string[];
}

// Geometric mean, median, minimum and maximum of the speed-ups, naming the slowest bundle.
export function speedUpSummary(results: BundleResult[]): SpeedUpSummary {
  const timed = results.filter((r) => r.ratio !== undefined).sort((x, y) => x.ratio! - y.ratio!);
  const ratios = timed.map((r) => r.ratio!);
  const byCpu = [...timed].sort((x, y) => x.cpuRatio! - y.cpuRatio!);
  return {
    count: ratios.length,
    cpuGeomean: Math.exp(byCpu.reduce((acc, r) => acc + Math.log(r.cpuRatio!), 0) / byCpu.length),
    cpuMin: byCpu[0]!.cpuRatio!,
    cpuMinBundle: byCpu[0]!.name,
    geomean: Math.exp(ratios.reduce((acc, x) => acc + Math.log(x), 0) / ratios.length),
    median: ratios[Math.floor(ratios.length / 2)]!,
    min: ratios[0]!,
    minBundle: timed[0]!.name,
    max: ratios.at(-1)!,
    under3: timed.filter((r) => r.ratio! < 3).map((r) => `${r.name} ×${r.ratio!.toFixed(2)} (ceiling ×${r.ceiling!.toFixed(2)})`),
  };
}

// "2 verify + 1 import + 1 digest (12 KiB)"
export function formatCounts(c: FloorCounts): string {
  return `${c.verifies} verify, ${c.imports} import${c.digests ? `, ${c.digests} digest (${(c.digestBytes / 1024).toFixed(0)} KiB)` : ''}`;
}

// One block per bundle, then the summary lines.
export function formatBundleResults(results: BundleResult[]): string {
  const t = (x: Timed) => `${fmt(x.wall)}, CPU ${x.cpu.median.toFixed(3)} ms`;
  const lines = results.flatMap((r) => {
    if (!r.signet) return [`  ${r.name}: not timed: ${r.skipped}`];
    const head = `  ${r.name} [${formatCounts(r.counts!)}]`;
    const floor = `    signet ${t(r.signet)} | floor ${t(r.floor!)} | signet/floor ×${(r.signet.wall.median / r.floor!.wall.median).toFixed(2)}`;
    if (r.ratio === undefined) return [head, floor, `    no reference: ${r.skipped}`];
    return [head, floor, `    reference ${t(r.reference!)} | speed-up ×${r.ratio.toFixed(2)} (rounds ×${r.ratioLow!.toFixed(2)}–×${r.ratioHigh!.toFixed(2)}; by CPU ×${r.cpuRatio!.toFixed(2)}; ceiling for WebCrypto ×${r.ceiling!.toFixed(2)})`];
  });
  const s = speedUpSummary(results);
  const untimed = results.filter((r) => !r.signet).length;
  lines.push(
    `  speed-up over @sigstore/verify on ${s.count} bundles (wall clock): min ×${s.min.toFixed(2)} (${s.minBundle}), geometric mean ×${s.geomean.toFixed(2)}, median ×${s.median.toFixed(2)}, max ×${s.max.toFixed(2)}`,
    `  by CPU time: min ×${s.cpuMin.toFixed(2)} (${s.cpuMinBundle}), geometric mean ×${s.cpuGeomean.toFixed(2)}`,
    `  ${results.length - s.count - untimed} verified bundles have no reference figure; ${untimed} expected-pass cases Signet refuses (recorded corpus decisions) are not timed`,
    `  under ×3 (wall clock): ${s.under3.length === 0 ? 'none' : s.under3.join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
