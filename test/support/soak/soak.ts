// A soak of the production server: many slow exchanges held open at once (an upstream that drips, or clients that
// stop reading a large body), normal requests timed meanwhile by a client in a process of its own (so handling the
// slow exchanges here never stalls the clock), the server's memory and event loop sampled, and how every slow
// exchange ended recorded. The soak test asserts bounds on this; the bench prints its figures.
import { get as httpGet, type IncomingMessage } from 'node:http';
import { PROXY_ERROR_HEADER, proxyUrl } from '../../../src/http/proxy-wire';
import { startNormalClientProcess, type ServerStats, type SoakProcess } from './server-stats';
import { SOAK_PATHS, type UpstreamStats } from './soak-paths';

export type SoakKind = 'slow-upstream' | 'slow-reader';

export interface SoakOptions {
  server: SoakProcess<ServerStats>;
  upstream: SoakProcess<UpstreamStats>;
  kind: SoakKind;
  /** Slow exchanges held at once. */
  slow: number;
  /** How long the slow exchanges are held once every one is open (normal requests are timed until all ended). */
  soakMs: number;
  /** Time allowed for every slow exchange to open, and after the soak for every one to end. */
  settleMs: number;
  /** Pause between two normal requests. */
  normalEveryMs?: number;
  /** Slow readers are released (read what reached them) once this holds, or after settleMs; default at once. */
  releaseWhen?: () => Promise<boolean>;
}

/** How one slow exchange ended: its body cut with an error, read to its end, or refused up front with a proxy code. */
export type SlowEnd = 'errored' | 'complete' | `refused ${string}` | 'open';

export interface SoakResult {
  /** Time from sending each normal request to its last byte, ms: from every slow answer begun until all have ended. */
  normalMs: number[];
  /** Normal requests whose answer was not 200 with the manifest. */
  normalWrong: string[];
  /** The timing client's own largest event-loop delay, ms (a stall there would show in every figure above). */
  clientLoopDelayMax: number;
  rssAtRest: number;
  peakRss: number;
  /** Largest event-loop delay the server reported during the soak, ms. */
  loopDelayMax: number;
  loopDelayP99: number;
  /** How the slow exchanges ended, by kind of end. */
  slowEnds: Record<string, number>;
  /** The upstream's figures once every slow exchange ended. */
  upstream: UpstreamStats;
  /** Time from opening the first slow exchange until every one had ended, ms. */
  slowLifetimeMs: number;
  /** When each phase ended, ms after the first slow exchange was opened: all answers begun, soak over, released, all ended. */
  phases: { open: number; soaked: number; released: number; ended: number };
}

// Resolves after ms.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls until done() holds or ms have passed.
async function until(done: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done()) && Date.now() < deadline) await sleep(100);
}

// One slow exchange: for a slow upstream, read as it comes; for a slow reader, not read at all until released.
// `answered` tells once the answer's head reached the client (or the exchange ended without one).
function slowExchange(url: string, kind: SoakKind): { answered: () => boolean; ended: Promise<SlowEnd>; release(): void } {
  let response: IncomingMessage | undefined;
  let over = false;
  let released = false;
  const ended = new Promise<SlowEnd>((resolve) => {
    const request = httpGet(url, { agent: false }, (res) => {
      response = res;
      const code = res.headers[PROXY_ERROR_HEADER.toLowerCase()];
      if (typeof code === 'string') {
        res.resume();
        return resolve(`refused ${code}`);
      }
      if (kind === 'slow-upstream' || released) res.resume();
      else res.pause();
      res.once('error', () => resolve('errored'));
      res.once('aborted', () => resolve('errored'));
      res.once('close', () => resolve(res.complete ? 'complete' : 'errored'));
    });
    request.once('error', () => resolve('errored'));
  });
  void ended.then(() => (over = true));
  return {
    answered: () => response !== undefined || over,
    ended,
    release: () => {
      released = true;
      response?.resume();
    },
  };
}

// Runs one soak and reports it.
export async function soak({ server, upstream, kind, slow, soakMs, settleMs, normalEveryMs = 200, releaseWhen = async () => true }: SoakOptions): Promise<SoakResult> {
  const path = kind === 'slow-upstream' ? SOAK_PATHS.drip : SOAK_PATHS.big;
  const normal = await startNormalClientProcess(proxyUrl(`${upstream.url}${SOAK_PATHS.manifest}`, server.url), normalEveryMs);
  const rssAtRest = (await server.stats()).rss;
  const opened = Date.now();
  const exchanges = Array.from({ length: slow }, () => slowExchange(proxyUrl(`${upstream.url}${path}`, server.url), kind));
  const ends = new Map<number, SlowEnd>();
  exchanges.forEach(({ ended }, index) => void ended.then((end) => ends.set(index, end)));
  // Open: every slow answer has begun at its client (its head relayed; the upstream counts only what reached it, and
  // some 16 MiB bodies fit whole in the kernel's socket buffers, so they end at the upstream while still held here).
  await until(() => exchanges.every((exchange) => exchange.answered()), settleMs);
  const allOpen = Date.now() - opened;
  await server.stats(); // Starts the event-loop figures afresh.

  let peakRss = rssAtRest;
  let loopDelayMax = 0;
  let loopDelayP99 = 0;
  const sample = async () => {
    const stats = await server.stats();
    peakRss = Math.max(peakRss, stats.peakRss);
    loopDelayMax = Math.max(loopDelayMax, stats.loopDelay.max);
    loopDelayP99 = Math.max(loopDelayP99, stats.loopDelay.p99);
  };
  // Normal requests are timed from now until every slow exchange has ended: through the soak, and through the
  // moment the limit ends the slow ones (hundreds at once), when a server that blocks would show it.
  normal.tell('start');
  let sampling = true;
  const sampled = (async () => {
    while (sampling) {
      await sleep(1000);
      await sample();
    }
  })();
  await sleep(soakMs);
  const soaked = Date.now() - opened;
  await until(releaseWhen, settleMs);
  const released = Date.now() - opened;
  for (const exchange of exchanges) exchange.release();
  await until(() => ends.size === slow, settleMs);
  const timed = await normal.stats();
  sampling = false;
  await sampled;
  const slowLifetimeMs = Date.now() - opened;
  await sample();
  await normal.stop();
  const slowEnds: Record<string, number> = {};
  for (let index = 0; index < slow; index++) {
    const end = ends.get(index) ?? 'open';
    slowEnds[end] = (slowEnds[end] ?? 0) + 1;
  }
  const phases = { open: allOpen, soaked, released, ended: slowLifetimeMs };
  return { normalMs: timed.ms, normalWrong: timed.wrong, clientLoopDelayMax: timed.loopDelayMax, rssAtRest, peakRss, loopDelayMax, loopDelayP99, slowEnds, upstream: await upstream.stats(), slowLifetimeMs, phases };
}

// The value at quantile q of the values.
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
}
