// The proxy mounted in the production server, as `npm start` does: over real HTTP, limited per remote address.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy } from '../../src/proxy';
import { createNodeUpstream } from '../../src/proxy/node-upstream';
import { CLIENT_ADDRESS_HEADER } from '../../src/server/node-adapter';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { startRegistry, type TestServer } from './test-servers';

const root = mkdtempSync(join(tmpdir(), 'signet-proxy-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
let registry: TestServer;
let server: RunningServer;
beforeAll(async () => {
  registry = await startRegistry('127.0.0.1', 'http://127.0.0.1:9');
  const policy = resolveProxyPolicy({ allowLoopback: true, rate: { burst: 3, perSecond: 0.1 } });
  const handler = createProxyHandler(policy, createNodeUpstream(policy), { clientId: (request) => request.headers.get(CLIENT_ADDRESS_HEADER) ?? '' });
  server = await startServer({ port: 0, host: '127.0.0.1', root, routes: [{ prefix: '/proxy', handler }] });
});
afterAll(async () => {
  await Promise.all([server.close(), registry.close()]);
  rmSync(root, { recursive: true, force: true });
});

it('forwards through the server, and a client cannot dodge its rate limit by naming another address', async () => {
  const url = `${server.url}proxy?url=${encodeURIComponent(`${registry.origin}/v2/`)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await fetch(url, { headers: { [CLIENT_ADDRESS_HEADER]: `203.0.113.${i}` } })).status);
  expect(statuses).toEqual([401, 401, 401, 429]);
  expect(registry.requests.every(({ headers }) => headers[CLIENT_ADDRESS_HEADER] === undefined)).toBe(true);
});
