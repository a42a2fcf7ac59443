// The Node server's own proxy path against the app's fetch-style route, which every other runtime uses: the same
// requests to two servers (one each way, each with its own registry and CDN) give the same status, headers and
// body, refusals, redirects, cached tokens, streamed bodies, preflights and misdirected hosts included.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_PATH } from '../../src/http/proxy-wire';
import { resolveProxyPolicy } from '../../src/proxy';
import { createProxyCore } from '../../src/proxy/handler';
import { createNodeUpstream } from '../../src/proxy/node-upstream';
import { createNodeProxyPath } from '../../src/server/node-proxy-path';
import { createRefusalLog } from '../../src/server/refusal-log';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { BIG_DIGEST, BLOB_DIGEST, CHUNKED_DIGEST, MANIFEST_DIGEST, startCdn, startRegistry, type TestServer } from '../proxy/test-servers';

const OTHER_ORIGIN = 'https://other.example';
const root = mkdtempSync(join(tmpdir(), 'signet-proxy-path-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');

interface Side {
  server: RunningServer;
  registry: TestServer;
  cdn: TestServer;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

// A server answering the proxy one way, with a registry and a CDN of its own.
async function side(nodeProxyPath: boolean): Promise<Side> {
  const cdn = await startCdn('127.0.0.1');
  const registry = await startRegistry('127.0.0.1', cdn.origin);
  const proxy = resolveProxyPolicy({ allowLoopback: true, allowedOrigins: [OTHER_ORIGIN] });
  return { server: await startServer({ port: 0, host: '127.0.0.1', root, proxy, nodeProxyPath }), registry, cdn };
}

// One raw request (the request target sent as written, headers possibly repeated); the answer with this side's
// origins written as placeholders, so the two sides compare.
function send({ server, registry, cdn }: Side, target: (registry: string) => string, headers: Record<string, string | string[]> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  const path = target(registry.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const placeholders = (text: string) => text.replaceAll(registry.origin, '<registry>').replaceAll(encodeURIComponent(registry.origin), '<registry>').replaceAll(cdn.origin, '<cdn>');
        const { date: _date, ...rest } = res.headers;
        const headersOut = JSON.parse(placeholders(JSON.stringify(rest))) as IncomingHttpHeaders;
        resolve({ status: res.statusCode ?? 0, headers: headersOut, body: placeholders(Buffer.concat(chunks).toString('latin1')) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

// The proxy's request target for a target URL on the registry.
const via = (path: string) => (origin: string) => `${PROXY_PATH}?url=${encodeURIComponent(`${origin}${path}`)}`;
const manifest = '/v2/demo/app/manifests/v1';
const blob = (digest: string) => `/v2/demo/app/blobs/${digest}`;

/** The requests, in order (the token cache and realm registry evolve alike on both sides). */
const REQUESTS: { name: string; target: (origin: string) => string; headers?: Record<string, string | string[]>; method?: string }[] = [
  { name: 'manifest without a token: the challenge', target: via(manifest) },
  { name: 'the token from the realm the challenge named', target: via('/token') },
  { name: 'the same token from the cache', target: via('/token') },
  { name: 'manifest with the token', target: via(manifest), headers: { Authorization: 'Bearer granted-1', Accept: 'application/vnd.oci.image.manifest.v1+json' } },
  { name: 'HEAD of the manifest', target: via(manifest), headers: { Authorization: 'Bearer granted-1' }, method: 'HEAD' },
  { name: 'two Authorization headers', target: via(manifest), headers: { Authorization: ['Bearer granted-1', 'Bearer granted-1'] } },
  { name: 'a blob redirected to another local port', target: via(blob(BLOB_DIGEST)) },
  { name: 'a 64 KiB blob read whole', target: via(blob(BIG_DIGEST)) },
  { name: 'a chunked blob streamed', target: via(blob(CHUNKED_DIGEST)) },
  { name: 'a redirect to the metadata address', target: via('/v2/demo/app/manifests/to-metadata') },
  { name: 'no url', target: () => PROXY_PATH },
  { name: 'a second parameter', target: (origin) => `${via(manifest)(origin)}&x=1` },
  { name: 'a POST', target: via(manifest), method: 'POST' },
  { name: 'a DELETE', target: via(manifest), method: 'DELETE' },
  { name: 'a preflight from a listed origin', target: via(manifest), headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'GET' }, method: 'OPTIONS' },
  { name: 'a read from a listed origin', target: via(manifest), headers: { Origin: OTHER_ORIGIN } },
  { name: 'a read from an unlisted origin', target: via(manifest), headers: { Origin: 'https://evil.example' } },
  { name: 'a misdirected Host', target: via(manifest), headers: { Host: 'evil.example' } },
  { name: 'a Host with an upper-case name', target: via(manifest), headers: { Host: 'LOCALHOST' } },
  { name: 'a private name', target: () => `${PROXY_PATH}?url=${encodeURIComponent(`https://10.0.0.1/v2/`)}` },
  { name: 'not https', target: () => `${PROXY_PATH}?url=${encodeURIComponent('ftp://example.com/v2/')}` },
];

describe('the Node proxy path and the fetch-style route', () => {
  let fast: Side;
  let generic: Side;
  beforeAll(async () => {
    [fast, generic] = await Promise.all([side(true), side(false)]);
  });
  afterAll(async () => {
    for (const { server, registry, cdn } of [fast, generic]) await Promise.all([server?.close(), registry?.close(), cdn?.close()]);
    rmSync(root, { recursive: true, force: true });
  });

  it('give the same status, headers and body for every request', async () => {
    const statuses: number[] = [];
    for (const { name, target, headers, method } of REQUESTS) {
      const [a, b] = [await send(fast, target, headers, method), await send(generic, target, headers, method)];
      expect(a, name).toEqual(b);
      statuses.push(a.status);
    }
    // Each request met the case it names (the CDN is another loopback port, so its redirect is refused on both).
    expect(statuses).toEqual([401, 200, 200, 200, 200, 200, 403, 200, 200, 403, 400, 400, 405, 405, 204, 401, 403, 421, 401, 403, 403]);
    // The sequence reached the upstreams alike, and really forwarded (a challenge, a token, the manifest).
    expect(fast.registry.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(generic.registry.requests.map(({ method, path }) => `${method} ${path}`));
    expect(fast.registry.requests.some(({ path }) => path === manifest)).toBe(true);
    const manifestAnswer = await send(fast, via(manifest), { Authorization: 'Bearer granted-1' });
    expect(manifestAnswer.headers['docker-content-digest']).toBe(MANIFEST_DIGEST);
  });
});

describe('the Node proxy path', () => {
  let server: Server;
  let registry: TestServer;
  let base: string;
  beforeAll(async () => {
    registry = await startRegistry('127.0.0.1', 'http://127.0.0.1:9');
    const core = createProxyCore(resolveProxyPolicy({ allowLoopback: true }), createNodeUpstream());
    const path = createNodeProxyPath({ core, hosts: ['127.0.0.1'], clientKey: (peer) => peer, log: createRefusalLog() });
    // Whatever the path leaves alone gets 599 here.
    server = createServer((req, res) => void (path(req, res) || res.writeHead(599).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await registry.close();
  });

  it('answers plain proxy requests itself, with the proxy\'s own security headers, and leaves every other form to the app', async () => {
    const answer = await fetch(`${base}${via('/v2/')(registry.origin)}`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect((await fetch(`${base}${PROXY_PATH}`)).status).toBe(400);
    for (const path of ['/', '/proxy/', `/proxyx?url=1`, `/PROXY?url=1`]) expect((await fetch(`${base}${path}`)).status, path).toBe(599);
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1:99999', '127.1']) expect((await rawStatus(base, host)), host).toBe(599);
  });
});

// The status of a proxy request sent with the given Host header.
function rawStatus(base: string, host: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    httpRequest({ hostname, port, path: PROXY_PATH, headers: { Host: host }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}
