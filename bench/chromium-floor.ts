// Chromium: Signet against each bundle's own WebCrypto floor, on every bundle the Node bench uses, in one real page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { HARNESS_ORIGIN, openHarness } from '../e2e/support/core-harness';
import playwrightConfig from '../playwright.config';
import { floorCounts, formatCounts, requestsFor, type BenchCase, type BundleInputs, type FloorCounts } from './every-bundle';
import { fmt, summarise, type Sample } from './stats';
import { recordWebCrypto, replayWebCrypto } from './webcrypto-floor';

export interface ChromiumBundleResult {
  name: string;
  signet?: Sample;
  /** The same verification's WebCrypto calls, recorded in the page and replayed there concurrently. */
  floor?: Sample;
  counts?: FloorCounts;
  /** signet median / floor median, and the lowest and highest per-round ratio. */
  ratio?: number;
  ratioLow?: number;
  ratioHigh?: number;
  /** The same ratio by the page's main-thread CPU time (Chromium runs WebCrypto there too): steadier under load. */
  cpuRatio?: number;
  cpuRatioLow?: number;
  cpuRatioHigh?: number;
  skipped?: string;
}

/** What preparing one bundle in the page returns: its floor's call counts, or why it is not timed. */
type PagePrep = { counts: FloorCounts } | { skipped: string };

/** The page-side state of the bundle being timed: its verification and the replay of its floor. */
interface PageBench {
  lastRun: () => Promise<void>;
  lastFloor: () => Promise<void>;
}

// Runs inside the page, after the recorder and `requestsFor` are defined there: verify once (a refusal is
// reported, never timed), record the WebCrypto calls of a warm verification, warm both up, and keep them for the rounds.
async function prepareInPage(arg: { origin: string; inputs: BundleInputs }): Promise<PagePrep> {
  const g = globalThis as unknown as PageBench & {
    requestsFor: typeof requestsFor;
    recordWebCrypto: typeof recordWebCrypto;
    replayWebCrypto: typeof replayWebCrypto;
    floorCounts: typeof floorCounts;
  };
  const core = (await import(`${arg.origin}/core.js`)) as typeof import('../src/core');
  const requests = g.requestsFor(arg.inputs, core);
  const run = async () => {
    const rs = await Promise.all(requests.map((r) => core.verifyBundle(r)));
    if (!rs.some((r) => r.verdict === 'verified')) throw new Error(`Signet did not verify in Chromium: ${rs[0]!.headline}`);
  };
  try {
    await run();
  } catch (err) {
    return { skipped: (err as Error).message.slice(0, 200) };
  }
  const rec = await g.recordWebCrypto(run);
  g.lastRun = run;
  g.lastFloor = () => g.replayWebCrypto(rec, true);
  for (let i = 0; i < 10; i++) await run();
  for (let i = 0; i < 10; i++) await g.lastFloor();
  return { counts: g.floorCounts(rec) };
}

// Runs inside the page, which cannot import bench/stats: timeIt's loop over the kept verification or floor.
async function timeInPage(arg: { which: keyof PageBench; n: number }): Promise<number[]> {
  const fn = (globalThis as unknown as PageBench)[arg.which];
  const out: number[] = [];
  for (let i = 0; i < arg.n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Where Chromium does a WebCrypto signature check: how long the call itself takes to return its promise, how long
 *  the promise then takes to settle, and how much of the check JavaScript started right after the call can overlap. */
export interface WebCryptoPlacement {
  curve: string;
  checks: number;
  /** Median ms: the calls alone, awaited. */
  aloneMs: number;
  /** Median ms until the calls returned their promises. */
  callsReturnMs: number;
  /** Median ms from the end of a busy loop as long as `aloneMs`, started right after the calls, to their settling. */
  settleAfterBusyMs: number;
  /** Median ms of calls + busy loop: ≈ 2 × aloneMs when the check runs on the main thread, ≈ aloneMs when it overlaps. */
  withBusyMs: number;
}

// Runs inside the page: `checks` P-256 or P-384 signature checks started at once, timed three ways (see WebCryptoPlacement).
async function placementInPage(arg: { curve: 'P-256' | 'P-384'; checks: number; rounds: number }): Promise<WebCryptoPlacement> {
  const s = crypto.subtle;
  const alg = { name: 'ECDSA', hash: arg.curve === 'P-256' ? 'SHA-256' : 'SHA-384' };
  const pair = (await s.generateKey({ name: 'ECDSA', namedCurve: arg.curve }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const data = new Uint8Array(1000).fill(7);
  const sig = await s.sign(alg, pair.privateKey, data);
  const start = () => Promise.all(Array.from({ length: arg.checks }, () => s.verify(alg, pair.publicKey, sig, data)));
  const busy = (ms: number) => {
    const t = performance.now();
    while (performance.now() - t < ms);
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  for (let i = 0; i < 10; i++) await start();
  const alone: number[] = [], returned: number[] = [], settle: number[] = [], withBusy: number[] = [];
  for (let r = 0; r < arg.rounds; r++) {
    let t = performance.now();
    await start();
    const a = performance.now() - t;
    alone.push(a);
    t = performance.now();
    const pending = start();
    returned.push(performance.now() - t);
    busy(a);
    const busyEnd = performance.now();
    await pending;
    settle.push(performance.now() - busyEnd);
    withBusy.push(performance.now() - t);
  }
  return { curve: arg.curve, checks: arg.checks, aloneMs: median(alone), callsReturnMs: median(returned), settleAfterBusyMs: median(settle), withBusyMs: median(withBusy) };
}

// Measure where this Chromium runs WebCrypto signature checks (main thread or a worker), in a fresh page.
export async function webCryptoPlacement(coreSource: string): Promise<WebCryptoPlacement[]> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage();
    await openHarness(page, coreSource, { isolated: true });
    await page.evaluate('globalThis.__name = (fn) => fn');
    return [await page.evaluate(placementInPage, { curve: 'P-256' as const, checks: 8, rounds: 30 }), await page.evaluate(placementInPage, { curve: 'P-384' as const, checks: 8, rounds: 30 })];
  } finally {
    await browser.close();
  }
}

// One line per curve: the calls' own time against their time alone says whether JavaScript can overlap them.
export function formatPlacement(rows: WebCryptoPlacement[]): string {
  return rows
    .map(
      (r) =>
        `  WebCrypto placement, ${r.checks} ${r.curve} checks started at once: alone ${r.aloneMs.toFixed(3)} ms; the calls return their promises after ${r.callsReturnMs.toFixed(3)} ms; with a busy loop of that length right after them ${r.withBusyMs.toFixed(3)} ms, settling ${r.settleAfterBusyMs.toFixed(3)} ms after it (${r.callsReturnMs > r.aloneMs / 2 ? 'the check runs inside the call, on the main thread: nothing overlaps it' : 'the check runs off the main thread: JavaScript can overlap it'})\n`,
    )
    .join('');
}

// Main-thread CPU time of the page so far, in ms: the Performance domain's task time counted in thread ticks.
async function pageCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

// One round of `n` timed runs: each run's wall time, and the CPU time per run of the whole batch.
async function timeRound(page: Page, cdp: CDPSession, which: keyof PageBench, n: number): Promise<{ wall: number[]; cpu: number }> {
  const before = await pageCpuMs(cdp);
  const wall = await page.evaluate(timeInPage, { which, n });
  return { wall, cpu: ((await pageCpuMs(cdp)) - before) / n };
}

// Define the self-contained helpers in the page from their own source, so the page runs the very code Node runs.
async function installHelpers(page: Page): Promise<void> {
  // tsx compiles with keepNames, which wraps functions in __name(); the page gets a no-op one.
  await page.evaluate('globalThis.__name = (fn) => fn');
  for (const fn of [requestsFor, recordWebCrypto, replayWebCrypto, floorCounts, timeInPage]) {
    await page.evaluate(`globalThis.${fn.name} = ${fn.toString()}`);
  }
}

// A V8 CPU profile (Chrome DevTools Protocol, Profiler domain) of `runs` more verifications of the bundle the page
// timed last, written as a .cpuprofile that DevTools and `node --cpu-prof` tooling read.
async function profileInPage(page: Page, file: string, runs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate(async (runs) => {
    const run = (globalThis as unknown as PageBench).lastRun;
    for (let i = 0; i < runs; i++) await run();
  }, runs);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
}

// Signet in headless Chromium against each bundle's recorded floor, `n` timed runs of each per bundle. With
// `profileDir`, each timed bundle's verification is also profiled there (<name>.cpuprofile).
export async function benchChromiumBundles(coreSource: string, cases: BenchCase[], n: number, rounds = 5, profileDir?: string): Promise<ChromiumBundleResult[]> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage();
    // Cross-origin isolated, so performance.now() has its fine resolution (5 µs rather than 100 µs).
    await openHarness(page, coreSource, { isolated: true });
    await installHelpers(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const perRound = Math.max(1, Math.ceil(n / rounds));
    const results: ChromiumBundleResult[] = [];
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    for (const c of cases) {
      const prep = await page.evaluate(prepareInPage, { origin: HARNESS_ORIGIN, inputs: c.inputs });
      if ('skipped' in prep) {
        results.push({ name: c.name, skipped: prep.skipped });
        continue;
      }
      // Interleaved rounds, so drifting load affects Signet and its floor alike.
      const signetRounds: { wall: number[]; cpu: number }[] = [];
      const floorRounds: { wall: number[]; cpu: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        signetRounds.push(await timeRound(page, cdp, 'lastRun', perRound));
        floorRounds.push(await timeRound(page, cdp, 'lastFloor', perRound));
      }
      const roundRatios = signetRounds.map((s, i) => summarise(s.wall).median / summarise(floorRounds[i]!.wall).median);
      const cpuRatios = signetRounds.map((s, i) => s.cpu / floorRounds[i]!.cpu);
      const signet = summarise(signetRounds.flatMap((r) => r.wall));
      const floor = summarise(floorRounds.flatMap((r) => r.wall));
      const cpuRatio = summarise(signetRounds.map((r) => r.cpu)).median / summarise(floorRounds.map((r) => r.cpu)).median;
      results.push({
        name: c.name,
        signet,
        floor,
        counts: prep.counts,
        ratio: signet.median / floor.median,
        ratioLow: Math.min(...roundRatios),
        ratioHigh: Math.max(...roundRatios),
        cpuRatio,
        cpuRatioLow: Math.min(...cpuRatios),
        cpuRatioHigh: Math.max(...cpuRatios),
      });
      if (profileDir) await profileInPage(page, join(profileDir, `${c.name.replace(/[^\w.-]+/g, '_')}.cpuprofile`), n);
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** The bar: Signet in Chromium within this factor of the floor. */
export const CHROMIUM_FLOOR_BAR = 1.5;

// One line per bundle, then min / geometric mean / median / max of signet/floor and the bundles above the bar, by the
// wall clock and by main-thread CPU time.
export function formatChromiumBundles(results: ChromiumBundleResult[]): string {
  const lines = results.map((r) =>
    r.ratio === undefined
      ? `  ${r.name}: not timed: ${r.skipped}`
      : `  ${r.name} [${formatCounts(r.counts!)}]\n    signet ${fmt(r.signet!)} | floor ${fmt(r.floor!)} | signet/floor ×${r.ratio.toFixed(2)} (rounds ×${r.ratioLow!.toFixed(2)}–×${r.ratioHigh!.toFixed(2)}) | by CPU ×${r.cpuRatio!.toFixed(2)} (rounds ×${r.cpuRatioLow!.toFixed(2)}–×${r.cpuRatioHigh!.toFixed(2)})`,
  );
  const timed = results.filter((r) => r.ratio !== undefined);
  if (timed.length > 0) lines.push(...ratioSummary(timed, 'signet/floor', (r) => r.ratio!), ...ratioSummary(timed, 'signet/floor by main-thread CPU', (r) => r.cpuRatio!));
  return `${lines.join('\n')}\n`;
}

// Min, geometric mean, median and max of one ratio over the timed bundles (each extreme named), and those above the bar.
function ratioSummary(timed: ChromiumBundleResult[], what: string, ratioOf: (r: ChromiumBundleResult) => number): string[] {
  const sorted = [...timed].sort((a, b) => ratioOf(a) - ratioOf(b));
  const ratios = sorted.map(ratioOf);
  const geomean = Math.exp(ratios.reduce((acc, x) => acc + Math.log(x), 0) / ratios.length);
  const above = sorted.filter((r) => ratioOf(r) > CHROMIUM_FLOOR_BAR).reverse();
  return [
    `  ${what} on ${sorted.length} bundles: min ×${ratios[0]!.toFixed(2)} (${sorted[0]!.name}), geometric mean ×${geomean.toFixed(2)}, median ×${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}, max ×${ratios.at(-1)!.toFixed(2)} (${sorted.at(-1)!.name})`,
    `  above ×${CHROMIUM_FLOOR_BAR}${what.includes('CPU') ? ' by CPU' : ''}: ${above.length === 0 ? 'none' : `${above.length}: ${above.map((r) => `${r.name} ×${ratioOf(r).toFixed(2)}`).join(', ')}`}`,
  ];
}
