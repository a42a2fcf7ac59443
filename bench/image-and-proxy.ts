// Registry and proxy figures over HTTPS (a local docker-registry with a CA the bench creates and trusts), the server
// in a process of its own as in production: image reference to verdict through the proxy with one connection per
// upstream request and with pooled connections; manifest GETs per second at 16 in flight through the proxy and
// through a bare forwarder (the floor: no checks at all) against the registry directly, after a warm-up, rounds
// interleaved, with each process's CPU time per request; and a soak (500 slow
// upstreams, then clients that stop reading) timing normal requests meanwhile from a client process of its own. With SIGNET_BENCH_BASELINE_SRC=<a src/ directory of another commit> the same run also
// measures that build of the server, for a before/after on one machine at one time.
// Alone: `node --import tsx bench/image-and-proxy.ts` (BENCH_REGISTRY_N runs of each verdict, default 30;
// BENCH_PROXY_ROUNDS throughput rounds, default 9; BENCH_PROXY_SOAK=0 leaves the soaks out; BENCH_SERVER_NODE_FLAGS
// are given to every server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { createTestInstance } from '../test/support/sigstore';
import { startRegistry, registryMissingReason } from '../test/support/registry/start-registry';
import { pushSignedImages } from '../test/support/registry/signed-images';
import { createTestTls, fetchTrusting } from '../test/support/registry/tls-ca';
import { startBareForwarderProcess, startServerProcess, startUpstreamProcess, type ServerStats, type SoakProcess } from '../test/support/soak/server-stats';
import { quantile, soak, type SoakKind, type SoakResult } from '../test/support/soak/soak';
import { parseTrustedRootJson, type TrustedRoot, type VerificationPolicy } from '../src/core';
import { createRegistryClient, type FetchFunction } from '../src/oci';
import { verifyImage } from '../src/image';
import { proxyUrl } from '../src/http/proxy-wire';
import { fmt, summarise, timeIt, type Sample } from './stats';

export interface Throughput {
  requests: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  latency: Sample;
  /** CPU time per request of each process taking part (client, registry, server), µs: insensitive to other load. */
  cpuPerRequest: Record<string, number>;
}

/** A process's CPU time so far (user and system, every thread), µs. */
type CpuMeter = () => Promise<number>;

/** One build of the server: the current sources, or the baseline named by SIGNET_BENCH_BASELINE_SRC. */
type Build = 'current' | 'baseline';

export interface SoakFigures {
  kind: SoakKind;
  slow: number;
  normal: { n: number; p50: number; p99: number; max: number };
  rssAtRestMb: number;
  peakRssMb: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** The timing client's own largest event-loop delay, ms: a stall of the clock, not of the server. */
  clientLoopDelayMax: number;
  slowEnds: Record<string, number>;
}

/** What a path costs against the registry directly, over the rounds: throughput lost, and CPU per request added. */
export interface PathCost {
  /** 1 − the path's rate over the same round's direct rate: median, min and max over the rounds. */
  rate: { median: number; min: number; max: number };
  /** 1 − the direct path's CPU per request (every process) over this path's, from each one's median over the rounds. */
  cpu: number;
}

/** The paths measured: the proxy of each build, and the bare forwarder (the least any Node proxy on undici costs). */
type ProxiedPath = `proxy (${Build})` | 'bare forwarder';

export interface RegistryBench {
  referenceToVerdict: Record<string, Sample>;
  /** Rounds interleave direct and every proxied path so drift on a shared machine hits all alike. */
  throughput: { direct: Throughput[]; proxied: Partial<Record<ProxiedPath, Throughput[]>>; cost: Partial<Record<ProxiedPath, PathCost>> };
  soak: Partial<Record<Build, SoakFigures[]>>;
}

const ROUNDS = Number(process.env.BENCH_PROXY_ROUNDS ?? 9);
const REQUESTS = 2000;
// Requests on every path before the rounds: past the JIT's warm-up (a running server's steady state), and every
// pooled connection open.
const WARM_UP_REQUESTS = 2000;
const IN_FLIGHT = 16;
const SOAK_SLOW = 500;
const SOAK_MS = 30_000;
const SOAK_READERS = 100;
const MANIFEST_ACCEPT = { accept: 'application/vnd.oci.image.manifest.v1+json' };
const SERVER_NODE_FLAGS = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');

// The builds measured: the current sources, and the baseline when one is named.
function builds(): { build: Build; env: NodeJS.ProcessEnv }[] {
  const baseline = process.env.SIGNET_BENCH_BASELINE_SRC;
  return [{ build: 'current', env: {} }, ...(baseline ? [{ build: 'baseline' as const, env: { SERVER_SOURCE: resolve(baseline) } }] : [])];
}

// Start an HTTPS registry with the signed images and servers with the proxy; measure.
export async function benchRegistry(n: number): Promise<RegistryBench | string> {
  const missing = registryMissingReason();
  if (missing) return missing;
  const tls = createTestTls();
  const dir = mkdtempSync(join(tmpdir(), 'signet-bench-proxy-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, tls.caPem);
  const trusting = fetchTrusting(tls.caPem);
  const registry = await startRegistry({ tls });
  const direct = new Agent({ connect: { ca: tls.caPem } });
  const plain = new Agent();
  const servers: SoakProcess<ServerStats>[] = [];
  // A server process of this build, closed at the end.
  const server = async (env: NodeJS.ProcessEnv) => {
    const started = await startServerProcess({ SERVER_CA_FILE: caFile, ...env }, SERVER_NODE_FLAGS);
    servers.push(started);
    return started;
  };
  try {
    const instance = createTestInstance();
    const images = await pushSignedImages(registry.url, registry.host, instance, trusting.fetch);
    const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'bench', description: 'test instance' });
    const identity: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: images.san }, issuer: { exact: images.issuer } } };
    const reference = `${registry.host}/app:keyless-sig`;
    // The browser's path: every registry request through a proxy's HTTP endpoint.
    const through = (url: string): FetchFunction => (target, init) => fetch(proxyUrl(target, url), init);
    const verdict = (fetchFn: FetchFunction) => () => verifyOnce(reference, fetchFn, identity, trustedRoot);

    const unpooled = await server({ SERVER_POOL: '0' });
    const proxies: Partial<Record<Build, SoakProcess<ServerStats>>> = {};
    for (const { build, env } of builds()) proxies[build] = await server(env);
    const referenceToVerdict: Record<string, Sample> = { unpooled: summarise(await timeIt(verdict(through(unpooled.url)), n, 5)) };
    for (const [build, proxy] of Object.entries(proxies)) referenceToVerdict[`pooled ${build}`] = summarise(await timeIt(verdict(through(proxy.url)), n, 5));
    referenceToVerdict.direct = summarise(await timeIt(verdict(trusting.fetch as FetchFunction), n, 5));

    const manifest = `${registry.url}/v2/app/manifests/${images.digests['keyless-sig']}`;
    const client: CpuMeter = async () => cpuMicros(process.cpuUsage());
    const registryCpu: CpuMeter = async () => processCpuMicros(registry.child.pid!);
    const meters = (proxy?: SoakProcess<ServerStats>): Record<string, CpuMeter> => ({ client, registry: registryCpu, ...(proxy ? { server: async () => (await proxy.stats()).cpuMicros } : {}) });
    const get = (url: string, dispatcher: Agent) => async () => {
      const answer = await request(url, { dispatcher, headers: MANIFEST_ACCEPT });
      await answer.body.arrayBuffer();
      return answer.statusCode;
    };
    const forwarder = await startBareForwarderProcess(caFile);
    servers.push(forwarder);
    const paths: [ProxiedPath, SoakProcess<ServerStats>][] = [...Object.entries(proxies).map(([build, proxy]) => [`proxy (${build})`, proxy] as [ProxiedPath, SoakProcess<ServerStats>]), ['bare forwarder', forwarder]];
    const directRuns: Throughput[] = [];
    const proxied: RegistryBench['throughput']['proxied'] = {};
    const ratios: Partial<Record<ProxiedPath, number[]>> = {};
    await throughput(get(manifest, direct), WARM_UP_REQUESTS);
    for (const [, server] of paths) await throughput(get(proxyUrl(manifest, server.url), plain), WARM_UP_REQUESTS);
    for (let round = 0; round < ROUNDS; round++) {
      const directRun = await throughput(get(manifest, direct), REQUESTS, meters());
      directRuns.push(directRun);
      for (const [name, server] of paths) {
        const run = await throughput(get(proxyUrl(manifest, server.url), plain), REQUESTS, meters(server));
        (proxied[name] ??= []).push(run);
        (ratios[name] ??= []).push(1 - run.perSecond / directRun.perSecond);
      }
    }
    const cost: RegistryBench['throughput']['cost'] = {};
    for (const [name, values] of Object.entries(ratios) as [ProxiedPath, number[]][]) {
      cost[name] = { rate: { median: quantile(values, 0.5), min: Math.min(...values), max: Math.max(...values) }, cpu: 1 - cpuTotal(directRuns) / cpuTotal(proxied[name]!) };
    }
    for (const running of servers.splice(0)) await running.stop();

    const soaks: RegistryBench['soak'] = {};
    if (process.env.BENCH_PROXY_SOAK !== '0') for (const { build, env } of builds()) soaks[build] = await soakBuild(env);
    return { referenceToVerdict, throughput: { direct: directRuns, proxied, cost }, soak: soaks };
  } finally {
    await Promise.all(servers.map((running) => running.stop()));
    await direct.close();
    await plain.close();
    await trusting.close();
    await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The two soaks against one build: 500 slow upstreams held until the 30 s limit ends them all at about the same
// time, then 100 clients that stop reading a 16 MiB body until the default 20 s limit has ended them; normal
// requests are timed throughout, the limit's firing included.
async function soakBuild(env: NodeJS.ProcessEnv): Promise<SoakFigures[]> {
  const upstream = await startUpstreamProcess();
  const figures: SoakFigures[] = [];
  try {
    for (const [kind, slow, limit] of [['slow-upstream', SOAK_SLOW, SOAK_MS], ['slow-reader', SOAK_READERS, 20_000]] as const) {
      const server = await startServerProcess({ ...env, SERVER_TIMEOUT_MS: String(limit) }, SERVER_NODE_FLAGS);
      try {
        const before = (await upstream.stats()).bigClosed;
        const releaseWhen = kind === 'slow-reader' ? async () => (await upstream.stats()).bigClosed - before >= slow : undefined;
        const result = await soak({ server, upstream, kind, slow, soakMs: SOAK_MS, settleMs: 120_000, ...(releaseWhen ? { releaseWhen } : {}) });
        figures.push(soakFigures(kind, slow, result));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await upstream.stop();
  }
  return figures;
}

// The figures of one soak.
function soakFigures(kind: SoakKind, slow: number, result: SoakResult): SoakFigures {
  const ms = result.normalMs;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    kind,
    slow,
    normal: { n: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: Math.max(...ms) },
    rssAtRestMb: mb(result.rssAtRest),
    peakRssMb: mb(result.peakRss),
    loopDelayP99: result.loopDelayP99,
    loopDelayMax: result.loopDelayMax,
    clientLoopDelayMax: result.clientLoopDelayMax,
    slowEnds: result.slowEnds,
  };
}

// One image verification over fetchFn (https to the registry), which must come out verified.
async function verifyOnce(reference: string, fetchFn: FetchFunction, policy: VerificationPolicy, trustedRoot: TrustedRoot): Promise<void> {
  const client = createRegistryClient({ fetch: fetchFn, plainHttp: () => false });
  const result = await verifyImage({ reference, client, policy, trustedRoot });
  if (result.verdict !== 'verified') throw new Error(`bench image did not verify: ${result.headline}`);
}

// Microseconds of a process.cpuUsage() reading.
const cpuMicros = ({ user, system }: NodeJS.CpuUsage): number => user + system;

// Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux).
const USER_HZ = 100;

// CPU time of another process so far (user and system, all its threads, from /proc/<pid>/stat), µs.
function processCpuMicros(pid: number): number {
  // proc(5): the fields after the command name (which may hold spaces) are split by spaces; utime and stime are 14th and 15th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / USER_HZ;
}

// `requests` GETs, IN_FLIGHT at a time, each read to its end, with the CPU time each metered process spent on them.
async function throughput(get: () => Promise<number>, requests = REQUESTS, meters: Record<string, CpuMeter> = {}): Promise<Throughput> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = await readMeters(meters);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        const status = await get();
        if (status !== 200) throw new Error(`answered ${status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await readMeters(meters);
  const cpuPerRequest = Object.fromEntries(Object.entries(cpuAfter).map(([name, micros]) => [name, (micros - cpuBefore[name]!) / requests]));
  return { requests, concurrency: IN_FLIGHT, seconds, perSecond: requests / seconds, latency: summarise(latencies), cpuPerRequest };
}

// Every meter's reading.
async function readMeters(meters: Record<string, CpuMeter>): Promise<Record<string, number>> {
  const readings: Record<string, number> = {};
  for (const [name, meter] of Object.entries(meters)) readings[name] = await meter();
  return readings;
}

// Each process's median CPU per request over the rounds, with the range over the rounds.
function cpuMedians(runs: readonly Throughput[]): { name: string; median: number; min: number; max: number }[] {
  return Object.keys(runs[0]?.cpuPerRequest ?? {}).map((name) => {
    const values = runs.map((run) => run.cpuPerRequest[name]!);
    return { name, median: quantile(values, 0.5), min: Math.min(...values), max: Math.max(...values) };
  });
}

// The sum of every process's median CPU per request.
function cpuTotal(runs: readonly Throughput[]): number {
  return cpuMedians(runs).reduce((sum, { median }) => sum + median, 0);
}

// Each process's median CPU per request (with the range over the rounds), and the medians' sum.
function cpuLine(runs: readonly Throughput[]): string {
  const perProcess = cpuMedians(runs).map(({ name, median, min, max }) => `${name} ${median.toFixed(0)} (${min.toFixed(0)}–${max.toFixed(0)})`);
  return `${perProcess.join(', ')}; all ${cpuTotal(runs).toFixed(0)}`;
}

// The bench's figures as text.
export function formatRegistryBench({ referenceToVerdict, throughput: t, soak: soaks }: RegistryBench): string {
  const rate = (runs: Throughput[]) => runs.map((run) => `${run.perSecond.toFixed(0)}/s`).join(', ');
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `Registry over HTTPS (local docker-registry, test CA; keyless cosign .sig; each server in its own process, reached over HTTP)`,
    ...Object.entries(referenceToVerdict).map(([name, sample]) => `  image reference to verdict, ${name === 'direct' ? 'registry directly (no proxy)' : name === 'unpooled' ? 'proxy opening a connection per upstream request' : `proxy with pooled connections (${name.slice(7)})`} ${fmt(sample)}`),
    `  manifest GETs, ${REQUESTS} per round, ${IN_FLIGHT} in flight, ${t.direct.length} interleaved rounds:`,
    `    registry directly ${rate(t.direct)}`,
    ...Object.entries(t.proxied).map(([name, runs]) => `    through the ${name} ${rate(runs)}`),
    ...Object.entries(t.cost).map(([name, c]) => `    the ${name} costs ${pct(c.rate.median)} of the direct rate (median of rounds; min ${pct(c.rate.min)}, max ${pct(c.rate.max)}${name === 'bare forwarder' ? '' : '; goal under 15 %'}); by CPU it adds ${pct(c.cpu)} of all CPU per request`),
    `    (the bare forwarder passes the body and four headers on, with no check, limit, security header or CORS: the least a Node proxy on undici costs here)`,
    `  CPU per request, µs (median of rounds, range in brackets; every thread of each process, so load on the machine counts little):`,
    `    registry directly: ${cpuLine(t.direct)}`,
    ...Object.entries(t.proxied).map(([name, runs]) => `    through the ${name}: ${cpuLine(runs)}`),
  ];
  for (const [build, figures] of Object.entries(soaks)) {
    for (const f of figures) {
      const what = f.kind === 'slow-upstream' ? `${f.slow} slow upstreams (2 KiB/s) until the ${SOAK_MS / 1000} s limit ends them` : `${f.slow} clients that stop reading a 16 MiB body, until the limit ends them`;
      lines.push(
        `  soak (${build}), ${what}: normal requests n=${f.normal.n} p50 ${f.normal.p50.toFixed(1)} ms, p99 ${f.normal.p99.toFixed(1)} ms, max ${f.normal.max.toFixed(1)} ms (goal 100 ms); ` +
          `server RSS ${f.rssAtRestMb.toFixed(0)} → peak ${f.peakRssMb.toFixed(0)} MB; server event-loop delay p99 ${f.loopDelayP99.toFixed(0)} ms, max ${f.loopDelayMax.toFixed(0)} ms (timing client's own max ${f.clientLoopDelayMax.toFixed(0)} ms); slow exchanges ended ${JSON.stringify(f.slowEnds)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchRegistry(Number(process.env.BENCH_REGISTRY_N ?? 30));
  process.stdout.write(typeof result === 'string' ? `Registry: skipped (${result})\n` : formatRegistryBench(result));
}
