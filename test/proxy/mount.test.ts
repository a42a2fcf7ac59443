// The proxy mounted in the production server, as `npm start` does: over real HTTP, limited per client address.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { resolveProxyPolicy } from '../../src/proxy';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { startRegistry, type TestServer } from './test-servers';

const root = mkdtempSync(join(tmpdir(), 'signet-proxy-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
let registry: TestServer;
let server: RunningServer;
let behindProxies: RunningServer;
beforeAll(async () => {
  registry = await startRegistry('127.0.0.1', 'http://127.0.0.1:9');
  const proxy = resolveProxyPolicy({ allowLoopback: true, rate: { burst: 3, perSecond: 0.1 } });
  server = await startServer({ port: 0, host: '127.0.0.1', root, proxy });
  behindProxies = await startServer({ port: 0, host: '127.0.0.1', root, proxy, clientKey: { trustedProxyHops: 1, ipv6PrefixBits: 64 } });
});
afterAll(async () => {
  await Promise.all([server.close(), behindProxies.close(), registry.close()]);
  rmSync(root, { recursive: true, force: true });
});

// Four requests for the registry's /v2/ with the given X-Forwarded-For values; their statuses.
async function statuses(base: string, forwardedFor: (i: number) => string): Promise<number[]> {
  const url = proxyUrl(`${registry.origin}/v2/`, base);
  const answers: number[] = [];
  for (let i = 0; i < 4; i++) answers.push((await fetch(url, { headers: { 'X-Forwarded-For': forwardedFor(i) } })).status);
  return answers;
}

it('forwards through the server, and without trusted proxies a client cannot dodge its rate limit with X-Forwarded-For', async () => {
  expect(await statuses(server.url, (i) => `203.0.113.${i}`)).toEqual([401, 401, 401, 429]);
  expect(registry.requests.every(({ headers }) => headers['x-forwarded-for'] === undefined)).toBe(true);
});

it('behind one trusted reverse proxy, keys on the address it forwarded, and groups an IPv6 /64 into one client', async () => {
  expect(await statuses(behindProxies.url, (i) => `198.51.100.7, 203.0.113.${i}`)).toEqual([401, 401, 401, 401]);
  expect(await statuses(behindProxies.url, (i) => `2001:db8:1:2::${i + 1}`)).toEqual([401, 401, 401, 429]);
});
