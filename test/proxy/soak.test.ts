// A bounded soak of the production server in its own process: 500 slow exchanges at once for 30 s (250 upstreams
// dripping 2 KiB/s, 250 clients reading a 16 MiB blob at 16 KiB/s) while normal requests keep coming. The server's
// resident memory stays under a stated bound and the normal requests are answered promptly. The bounds are loose
// on purpose (the machine is shared); the figures are printed for the record.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { startTestServer, type TestServer } from './test-servers';

const SLOW_UPSTREAMS = 250;
const SLOW_CLIENTS = 250;
const SOAK_MS = 30_000;
const BLOB_BYTES = 16 * 1024 * 1024;
const CHUNK = 64 * 1024;
/** Stated bound on the server's resident memory during the soak. */
const RSS_BOUND_MB = 400;
/** Loose bound on any one normal request during the soak (the goal is well under 100 ms). */
const LATENCY_BOUND_MS = 2_000;
const BLOB = `/v2/soak/app/blobs/sha256:${'b'.repeat(64)}`;
const DRIP = `/v2/soak/app/blobs/sha256:${'d'.repeat(64)}`;
const MANIFEST = '/v2/soak/app/manifests/v1';

const root = mkdtempSync(join(tmpdir(), 'signet-soak-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>soak</title>');
let upstream: TestServer;
let child: ChildProcess;
let serverUrl: string;

// Writes size bytes in CHUNK pieces, waiting whenever the client is not reading.
function streamBlob(res: ServerResponse, size: number): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
  const chunk = Buffer.alloc(CHUNK);
  let sent = 0;
  const pump = (): void => {
    while (sent < size) {
      sent += CHUNK;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

beforeAll(async () => {
  upstream = await startTestServer('127.0.0.1', {
    [BLOB]: (_req, res) => streamBlob(res, BLOB_BYTES),
    [DRIP]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const timer = setInterval(() => res.write(Buffer.alloc(512)), 250);
      res.on('close', () => clearInterval(timer));
    },
    [MANIFEST]: (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end('{"schemaVersion":2}'),
  });
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

// Reads a body one chunk at a time with pauseMs between chunks, until aborted or done.
async function readSlowly(body: ReadableStream<Uint8Array>, pauseMs: number): Promise<void> {
  const reader = body.getReader();
  for (;;) {
    const { done } = await reader.read();
    if (done) return;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

// The value at quantile q of the sorted values.
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
}

it(
  `keeps ${SLOW_UPSTREAMS + SLOW_CLIENTS} slow exchanges for ${SOAK_MS / 1000} s under ${RSS_BOUND_MB} MB, answering normal requests meanwhile`,
  async () => {
    const pid = child.pid!;
    const baseline = rssMb(pid);
    const stop = new AbortController();
    const opened: Promise<number>[] = [];
    const slow = (path: string, pauseMs: number) =>
      fetch(proxyUrl(`${upstream.origin}${path}`, serverUrl), { signal: stop.signal }).then(async (response) => {
        await readSlowly(response.body!, pauseMs).catch(() => {});
        return response.status;
      });
    for (let i = 0; i < SLOW_UPSTREAMS; i++) opened.push(slow(DRIP, 0));
    for (let i = 0; i < SLOW_CLIENTS; i++) opened.push(slow(BLOB, 1000));

    const latencies: number[] = [];
    const statuses = new Set<number>();
    let peak = baseline;
    const started = Date.now();
    while (Date.now() - started < SOAK_MS) {
      const t = performance.now();
      const normal = await fetch(proxyUrl(`${upstream.origin}${MANIFEST}`, serverUrl));
      await normal.text();
      latencies.push(performance.now() - t);
      statuses.add(normal.status);
      peak = Math.max(peak, rssMb(pid));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const inFlight = upstream.requests.filter(({ path }) => path === DRIP || path === BLOB).length;
    stop.abort();
    await Promise.allSettled(opened);
    console.log(
      `soak: ${inFlight} slow exchanges reached the upstream; server RSS ${baseline.toFixed(0)} MB at rest, peak ${peak.toFixed(0)} MB; ` +
        `${latencies.length} normal requests, median ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    expect(inFlight).toBe(SLOW_UPSTREAMS + SLOW_CLIENTS);
    expect([...statuses]).toEqual([200]);
    expect(peak).toBeLessThan(RSS_BOUND_MB);
    expect(Math.max(...latencies)).toBeLessThan(LATENCY_BOUND_MS);
  },
  SOAK_MS + 60_000,
);
