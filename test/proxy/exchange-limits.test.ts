// Limits that hold for the whole exchange, body included, against real loopback upstreams: the total time (also
// under garbage-collection pressure, which once collected the timers' signals), the minimum transfer rate, and a
// cut-short body that always reaches the client as an error, never as a clean end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_ERROR_HEADER, proxyUrl } from '../../src/http/proxy-wire';
import { createProxyHandler, resolveProxyPolicy, type ProxyPolicy } from '../../src/proxy';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { nodeUpstreams, viaProxy } from './proxy-client';
import { DRIP_PATH, LONG_SHORT_PATH, SHORT_PATH, startSlowRegistry } from './slow-servers';
import type { TestServer } from './test-servers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// How long a test waits for the body to end before calling it "still streaming".
const GIVE_UP_MS = 8_000;

let registry: TestServer;
const upstreams = nodeUpstreams();
beforeAll(async () => {
  registry = await startSlowRegistry(100);
});
afterAll(async () => {
  await Promise.all([registry.close(), upstreams.closeAll()]);
});

// A proxy over the Node upstream with loopback allowed and the given limits.
function proxyWith(overrides: Partial<ProxyPolicy>) {
  return createProxyHandler(resolveProxyPolicy({ allowLoopback: true, ...overrides }), upstreams.create());
}

// Reads a body to its end: how it ended (closed, errored with which code, or still going when the test gave up after
// GIVE_UP_MS) and how many bytes came.
async function outcome(body: ReadableStream<Uint8Array>, whileReading: () => void = () => {}): Promise<{ ended: string; bytes: number }> {
  const reader = body.getReader();
  const pressure = setInterval(whileReading, 25);
  let gaveUp = false;
  const giveUp = setTimeout(() => {
    gaveUp = true;
    void reader.cancel();
  }, GIVE_UP_MS);
  let bytes = 0;
  let ended = 'still streaming';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    if (!gaveUp) ended = 'closed';
  } catch (error) {
    ended = `error ${(error as { code?: string }).code ?? (error as Error).message}`;
  } finally {
    clearInterval(pressure);
    clearTimeout(giveUp);
  }
  return { ended, bytes };
}

describe('total time', () => {
  it('ends a body still dripping at the limit with PROXY_TIMEOUT', async () => {
    const handler = proxyWith({ timeoutMs: 1000, minBytesPerSecond: 1, rateWindowMs: 60_000 });
    const response = await viaProxy(handler, `${registry.origin}${DRIP_PATH}`);
    expect(response.status).toBe(200);
    const result = await outcome(response.body!);
    expect(result.ended).toBe('error PROXY_TIMEOUT');
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('holds while the garbage collector runs every 25 ms', async () => {
    const handler = proxyWith({ timeoutMs: 1000, minBytesPerSecond: 1, rateWindowMs: 60_000 });
    const response = await viaProxy(handler, `${registry.origin}${DRIP_PATH}`);
    const result = await outcome(response.body!, gc);
    expect(result.ended).toBe('error PROXY_TIMEOUT');
  });
});

describe('minimum transfer rate', () => {
  it('ends a body slower than the floor with PROXY_TOO_SLOW long before the total limit', async () => {
    // 10 bytes/s against a floor of 100 bytes/s, checked over 300 ms windows; the total limit is a minute.
    const handler = proxyWith({ timeoutMs: 60_000, minBytesPerSecond: 100, rateWindowMs: 300 });
    const response = await viaProxy(handler, `${registry.origin}${DRIP_PATH}`);
    const result = await outcome(response.body!, gc);
    // An error, not 'still streaming': the proxy broke the body off before the test gave up.
    expect(result.ended).toBe('error PROXY_TOO_SLOW');
  });

  it('lets a body at the floor run on', async () => {
    // 10 bytes/s against a floor of 5 bytes/s: only the total limit ends it.
    const handler = proxyWith({ timeoutMs: 1500, minBytesPerSecond: 5, rateWindowMs: 400 });
    const result = await outcome((await viaProxy(handler, `${registry.origin}${DRIP_PATH}`)).body!);
    expect(result.ended).toBe('error PROXY_TIMEOUT');
  });
});

describe('a body cut short reaches the client as an error', () => {
  const root = mkdtempSync(join(tmpdir(), 'signet-limits-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', root, proxy: resolveProxyPolicy({ allowLoopback: true, timeoutMs: 1000 }) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('over HTTP, a body still dripping at the time limit breaks off instead of ending as a complete 200', async () => {
    const response = await fetch(proxyUrl(`${registry.origin}${DRIP_PATH}`, server.url));
    expect(response.status).toBe(200);
    const result = await outcome(response.body!, gc);
    expect(result.ended).toMatch(/^error /);
  });

  it('over HTTP, an upstream that closes before a large Content-Length breaks the client body too', async () => {
    const response = await fetch(proxyUrl(`${registry.origin}${LONG_SHORT_PATH}`, server.url));
    expect(response.status).toBe(200);
    expect((await outcome(response.body!)).ended).toMatch(/^error /);
  });

  it('over HTTP, a small body (read whole before answering) that closes early is answered 502, never a short 200', async () => {
    const response = await fetch(proxyUrl(`${registry.origin}${SHORT_PATH}`, server.url));
    expect(response.status).toBe(502);
    expect(response.headers.get(PROXY_ERROR_HEADER)).toBe('PROXY_UPSTREAM_FAILED');
  });
});
