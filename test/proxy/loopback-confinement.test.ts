// Local development (loopback allowed) without turning the proxy into a door to every local service: a registry's
// realm and its redirects stay on the registry host the client named, Basic credentials never leave it, and a
// NAT64 address that embeds 127.0.0.1 is not loopback. Real loopback servers; the "local service" counts what reaches it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy } from '../../src/proxy';
import { createNodeUpstream } from '../../src/proxy/node-upstream';
import { errorCode, viaProxy } from './proxy-client';
import { startTestServer, type TestServer } from './test-servers';

const upstream = createNodeUpstream();
const handler = createProxyHandler(resolveProxyPolicy({ allowLoopback: true }), upstream);
let service: TestServer;
let registry: TestServer;
beforeAll(async () => {
  // Some other local service on this machine (an admin API, a database's HTTP port).
  service = await startTestServer('127.0.0.1', { '/secret': (_req, res) => void res.end('local secret') });
  // A registry the user named, hostile: its challenge names the local service as realm, and it redirects there.
  registry = await startTestServer('127.0.0.1', {
    '/v2/': (_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${service.port}/secret",service="x"` }).end();
    },
    '/v2/demo/app/manifests/to-service': (_req, res) => void res.writeHead(302, { Location: `http://127.0.0.1:${service.port}/secret` }).end(),
    '/v2/demo/app/manifests/to-localhost': (_req, res) => void res.writeHead(302, { Location: `http://localhost:${service.port}/secret` }).end(),
    '/v2/demo/app/manifests/to-own-host': (_req, res, self) => void res.writeHead(302, { Location: `${self.origin}/v2/demo/app/manifests/v1` }).end(),
    '/v2/demo/app/manifests/v1': (_req, res) => void res.end('{"schemaVersion":2}'),
  });
});
afterAll(async () => {
  await Promise.all([service.close(), registry.close(), upstream.close()]);
});

it('does not take a realm on another loopback port as a token endpoint, so Basic credentials cannot reach it', async () => {
  await (await viaProxy(handler, `${registry.origin}/v2/`)).arrayBuffer();
  const response = await viaProxy(handler, `http://127.0.0.1:${service.port}/secret?service=x`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
  expect(response.status).toBe(403);
  expect(await errorCode(response)).toBe('PROXY_PATH_REFUSED');
  expect(service.requests).toEqual([]);
});

it.each([
  ['to-service', 'PROXY_ADDRESS_REFUSED'],
  ['to-localhost', 'PROXY_SCHEME_REFUSED'],
])('refuses a redirect %s on loopback before connecting (%s)', async (name, code) => {
  const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/${name}`);
  expect(response.status).toBe(403);
  expect(await errorCode(response)).toBe(code);
  expect(service.requests).toEqual([]);
});

it('follows a redirect that stays on the registry host', async () => {
  const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/to-own-host`);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('{"schemaVersion":2}');
});

it('refuses the NAT64 form of 127.0.0.1 even with loopback allowed', async () => {
  const response = await viaProxy(handler, `http://[64:ff9b::7f00:1]:${registry.port}/v2/`);
  expect(response.status).toBe(403);
  expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
});
