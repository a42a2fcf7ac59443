// Chromium: Signet against each bundle's own WebCrypto floor, on every bundle the Node bench uses, in one real page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
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
  skipped?: string;
}

/** What one bundle's page-side run returns: each round's samples, or why it was not timed. */
type PageRun = { signet: number[][]; floor: number[][]; counts: FloorCounts } | { skipped: string };

// Runs inside the page, after the recorder and `requestsFor` are defined there: verify once (a refusal is
// reported, never timed), record the WebCrypto calls of a warm verification, then time Signet and the replay
// of those calls in interleaved rounds so drifting load affects both alike.
async function runInPage(arg: { origin: string; name: string; inputs: BundleInputs; perRound: number; rounds: number }): Promise<PageRun> {
  const g = globalThis as unknown as {
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
  // Kept for a profile of this bundle's verification (profileInPage).
  (globalThis as unknown as { lastRun: () => Promise<void> }).lastRun = run;
  const rec = await g.recordWebCrypto(run);
  const floor = () => g.replayWebCrypto(rec, true);
  // Runs inside the page, which cannot import bench/stats: timeIt's loop, warm-up left to the caller.
  const time = async (fn: () => Promise<unknown>, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
    return out;
  };
  await time(run, 10);
  await time(floor, 10);
  const signet: number[][] = [];
  const floorTimes: number[][] = [];
  for (let round = 0; round < arg.rounds; round++) {
    signet.push(await time(run, arg.perRound));
    floorTimes.push(await time(floor, arg.perRound));
  }
  return { signet, floor: floorTimes, counts: g.floorCounts(rec) };
}

// Define the self-contained helpers in the page from their own source, so the page runs the very code Node runs.
async function installHelpers(page: Page): Promise<void> {
  // tsx compiles with keepNames, which wraps functions in __name(); the page gets a no-op one.
  await page.evaluate('globalThis.__name = (fn) => fn');
  for (const fn of [requestsFor, recordWebCrypto, replayWebCrypto, floorCounts]) {
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
    const run = (globalThis as unknown as { lastRun: () => Promise<void> }).lastRun;
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
    const perRound = Math.max(1, Math.ceil(n / rounds));
    const results: ChromiumBundleResult[] = [];
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    for (const c of cases) {
      const out = await page.evaluate(runInPage, { origin: HARNESS_ORIGIN, name: c.name, inputs: c.inputs, perRound, rounds });
      if ('skipped' in out) {
        results.push({ name: c.name, skipped: out.skipped });
        continue;
      }
      const roundRatios = out.signet.map((s, i) => summarise(s).median / summarise(out.floor[i]!).median);
      const signet = summarise(out.signet.flat());
      const floor = summarise(out.floor.flat());
      results.push({ name: c.name, signet, floor, counts: out.counts, ratio: signet.median / floor.median, ratioLow: Math.min(...roundRatios), ratioHigh: Math.max(...roundRatios) });
      if (profileDir) await profileInPage(page, join(profileDir, `${c.name.replace(/[^\w.-]+/g, '_')}.cpuprofile`), n);
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** The bar: Signet in Chromium within this factor of the floor. */
export const CHROMIUM_FLOOR_BAR = 1.5;

// One line per bundle, then min / geometric mean / median / max of signet/floor and the bundles above the bar.
export function formatChromiumBundles(results: ChromiumBundleResult[]): string {
  const lines = results.map((r) =>
    r.ratio === undefined
      ? `  ${r.name}: not timed: ${r.skipped}`
      : `  ${r.name} [${formatCounts(r.counts!)}]\n    signet ${fmt(r.signet!)} | floor ${fmt(r.floor!)} | signet/floor ×${r.ratio.toFixed(2)} (rounds ×${r.ratioLow!.toFixed(2)}–×${r.ratioHigh!.toFixed(2)})`,
  );
  const timed = results.filter((r) => r.ratio !== undefined).sort((a, b) => a.ratio! - b.ratio!);
  if (timed.length > 0) {
    const ratios = timed.map((r) => r.ratio!);
    const geomean = Math.exp(ratios.reduce((acc, x) => acc + Math.log(x), 0) / ratios.length);
    const above = timed.filter((r) => r.ratio! > CHROMIUM_FLOOR_BAR).reverse();
    lines.push(
      `  signet/floor on ${timed.length} bundles: min ×${ratios[0]!.toFixed(2)} (${timed[0]!.name}), geometric mean ×${geomean.toFixed(2)}, median ×${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}, max ×${ratios.at(-1)!.toFixed(2)} (${timed.at(-1)!.name})`,
      `  above ×${CHROMIUM_FLOOR_BAR}: ${above.length === 0 ? 'none' : above.map((r) => `${r.name} ×${r.ratio!.toFixed(2)}`).join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
