// A bounded soak of the production server in its own process: 500 slow exchanges at once for 30 s (upstreams
// dripping 2 KiB/s, above the 1 KiB/s floor, so none is cut) while normal requests keep coming. Once all 500 are
// open, the server's resident memory stays under a stated bound and every normal request is answered while all 500
// are still open (none waits behind them). Latencies are printed for the record, never asserted (the machine is shared).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { startTestServer, type TestServer } from './test-servers';

const SLOW_EXCHANGES = 500;
const SOAK_MS = 30_000;
const RAMP_MS = 30_000;
/** Stated bound on the server's resident memory during the soak. */
const RSS_BOUND_MB = 400;
const DRIP = `/v2/soak/app/blobs/sha256:${'d'.repeat(64)}`;
const MANIFEST = '/v2/soak/app/manifests/v1';

const root = mkdtempSync(join(tmpdir(), 'signet-soak-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>soak</title>');
let upstream: TestServer & { openDrips(): number };
let child: ChildProcess;
let serverUrl: string;

beforeAll(async () => {
  let open = 0;
  const server = await startTestServer('127.0.0.1', {
    [DRIP]: (_req, res) => {
      open += 1;
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const timer = setInterval(() => res.write(Buffer.alloc(512)), 250);
      res.on('close', () => {
        open -= 1;
        clearInterval(timer);
      });
    },
    [MANIFEST]: (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end('{"schemaVersion":2}'),
  });
  upstream = Object.assign(server, { openDrips: () => open });
  child = spawn(process.execPath, ['--import', 'tsx', 'test/support/soak/soak-server.ts'], { env: { ...process.env, SOAK_ROOT: root }, stdio: ['ignore', 'pipe', 'inherit'] });
  serverUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve(line.toString().trim()));
    child.once('exit', (code) => reject(new Error(`soak server exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await upstream?.close();
  rmSync(root, { recursive: true, force: true });
});

// The server process's resident set size in MB (Linux /proc).
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

// A normal request on a connection of its own (never queued behind the slow ones in a client pool); its status.
function normalRequest(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

// The value at quantile q of the sorted values.
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
}

// Resolves once the upstream has seen n slow requests (or after RAMP_MS, leaving the assertion to say so).
async function opened(n: number): Promise<void> {
  const deadline = Date.now() + RAMP_MS;
  while (upstream.requests.filter(({ path }) => path === DRIP).length < n && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

it(
  `keeps ${SLOW_EXCHANGES} slow exchanges for ${SOAK_MS / 1000} s under ${RSS_BOUND_MB} MB, answering normal requests meanwhile`,
  async () => {
    const pid = child.pid!;
    const baseline = rssMb(pid);
    const slow = Array.from({ length: SLOW_EXCHANGES }, () => new Promise<void>((resolve) => {
      httpGet(proxyUrl(`${upstream.origin}${DRIP}`, serverUrl), { agent: false }, (res) => {
        res.resume();
        res.on('close', resolve);
      }).on('error', () => resolve());
    }));
    await opened(SLOW_EXCHANGES);
    const latencies: number[] = [];
    // How many slow exchanges were open when each normal request was answered: a request queued behind them
    // would be answered only once they closed.
    const openWhenAnswered: number[] = [];
    const statuses = new Set<number>();
    let peak = baseline;
    const started = Date.now();
    while (Date.now() - started < SOAK_MS) {
      const t = performance.now();
      statuses.add(await normalRequest(proxyUrl(`${upstream.origin}${MANIFEST}`, serverUrl)));
      latencies.push(performance.now() - t);
      openWhenAnswered.push(upstream.openDrips());
      peak = Math.max(peak, rssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Still open at the end: none was cut by a limit during the soak.
    const stillOpen = upstream.openDrips();
    console.log(
      `soak: ${SLOW_EXCHANGES} slow exchanges, ${stillOpen} still open after ${SOAK_MS / 1000} s; server RSS ${baseline.toFixed(0)} MB at rest, peak ${peak.toFixed(0)} MB; ` +
        `${latencies.length} normal requests, median ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    child.kill('SIGKILL');
    await Promise.all(slow);
    expect(stillOpen).toBe(SLOW_EXCHANGES);
    expect([...statuses]).toEqual([200]);
    expect(peak).toBeLessThan(RSS_BOUND_MB);
    expect(openWhenAnswered.length).toBeGreaterThan(0);
    expect(Math.min(...openWhenAnswered)).toBe(SLOW_EXCHANGES);
  },
  RAMP_MS + SOAK_MS + 60_000,
);
