// `npm run bench`: verification time against @sigstore/verify (Node) and against the WebCrypto floor (Chromium).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCoreBundle } from '../e2e/support/core-harness';
import { buildAppForSize, formatAppSize, measureAppSize } from './app-size';
import { benchEveryBundle, formatBundleResults, loadBenchCases, speedUpSummary } from './every-bundle';
import { benchChromiumBundles, formatChromiumBundles } from './chromium-floor';
import { benchVerdictTime } from './app-verdict-time';
import { benchRegistry, formatRegistryBench } from './image-and-proxy';
import { benchColdStart, coldStartHeading, formatColdStart } from './cold-start';
import { benchBatch } from './batch';
import { fmt } from './stats';
import { benchLiveAudit } from './live-audit';
import { benchIdentityRegexp } from './identity-regexp';
import { benchSbomAttestation, formatSbomBench } from './sbom-attestation';

const CONFORMANCE = '../shared/conformance';
const CORPUS = '../shared/corpus';
const N = Number(process.env.BENCH_N ?? 100);

const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, n: N };

// The command as installed: process start to verdict, against a cold @sigstore/verify script and `node -e 0`.
const COLD_N = Number(process.env.BENCH_COLD_N ?? 30);
process.stdout.write(coldStartHeading(COLD_N));
const cold = benchColdStart(COLD_N);
process.stdout.write(`${formatColdStart(cold)}\n`);
report.coldStart = cold;

// Both runtimes measure the engine as shipped: one Vite build of src/core.
const BUILD_DIR = 'test-results/bench-core';
const coreSource = await buildCoreBundle(BUILD_DIR);
const core = (await import(pathToFileURL(resolve(BUILD_DIR, 'core.js')).href)) as typeof import('../src/core');

if (existsSync(`${CONFORMANCE}/cases.json`) && existsSync(`${CORPUS}/cases.json`)) {
  const cases = loadBenchCases(CONFORMANCE, CORPUS, core);
  process.stdout.write(`Node ${process.version}: Signet vs @sigstore/verify and the WebCrypto floor, every passing conformance and corpus bundle, ${N} runs each (alone: node --import tsx bench/bundles.ts)\n`);
  const results = await benchEveryBundle(cases, N, core);
  process.stdout.write(`${formatBundleResults(results)}\n`);
  report.bundles = { results, summary: speedUpSummary(results) };

  process.stdout.write(`Chromium: Signet vs each bundle's own WebCrypto floor, the same bundles, ${N} runs each (alone: node --import tsx bench/chromium-bundles.ts)\n`);
  const chromium = await benchChromiumBundles(coreSource, cases, N);
  process.stdout.write(`${formatChromiumBundles(chromium)}\n`);
  report.chromium = chromium;
}

// The app as shipped: a production build outside dist/, so a running `npm start` keeps its files.
const APP_BUILD_DIR = 'test-results/bench-app';
await buildAppForSize(APP_BUILD_DIR);
const appSize = measureAppSize(APP_BUILD_DIR);
process.stdout.write(`\nApp size: the JavaScript and CSS the first page loads (index.html + static imports; gzip level 9)\n${formatAppSize(appSize)}`);
report.appSize = appSize;

const verdict = await benchVerdictTime(APP_BUILD_DIR, N);
process.stdout.write(`\nApp: from pressing Verify to the verdict on screen (example bundle, worker already started; first 5 runs dropped)\n  ${fmt(verdict)}\n`);
report.verdictTime = verdict;

const sbom = await benchSbomAttestation(Number(process.env.BENCH_SBOM_N ?? 20), APP_BUILD_DIR);
process.stdout.write(formatSbomBench(sbom));
report.sbomAttestation = sbom;

const registryBench = await benchRegistry(Number(process.env.BENCH_REGISTRY_N ?? 30));
if (typeof registryBench === 'string') {
  process.stdout.write(`\nRegistry: skipped (${registryBench})\n`);
} else {
  process.stdout.write(`\n${formatRegistryBench(registryBench)}`);
  report.registry = registryBench;
}

const batch = await benchBatch(Number(process.env.BENCH_BATCH_ROUNDS ?? 3));
if (typeof batch === 'string') {
  process.stdout.write(`\nBatch: skipped (${batch})\n`);
} else {
  process.stdout.write(`\nsignet verify -f over 50 keyless-signed images in the local registry (whole command, built)\n`);
  for (const b of batch) process.stdout.write(`  --concurrency ${b.concurrency}: ${fmt(b.wall)}, ${b.requestsPerImage.toFixed(1)} registry requests per image\n`);
  report.batch = batch;
}

const live = await benchLiveAudit(Number(process.env.BENCH_LIVE_N ?? 30));
process.stdout.write(
  `\nLive audit on loopback (test servers, real HTTP)\n` +
    `  "check against the live log" to verdict, Rekor v1 tree of ${live.rekorV1TreeSize} entries ${fmt(live.rekorV1ToVerdict)}\n` +
    `  the same against a tile log of ${live.tilesTreeSize} entries ${fmt(live.tilesToVerdict)}\n` +
    `  tiles per inclusion proof at 10^6 entries (hash tiles + entry bundle): this entry ${live.tilesForTheEntry}, whole check with consistency ${live.tilesFetchedWholeCheck}; over ${live.tilesPerProof.samples} leaves min ${live.tilesPerProof.min}, median ${live.tilesPerProof.median}, max ${live.tilesPerProof.max}\n`,
);
report.liveAudit = live;

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2));

process.stdout.write(`\n${await benchIdentityRegexp()}`);
