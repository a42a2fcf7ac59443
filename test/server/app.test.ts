// The server's Hono app called through its own fetch, as an edge runtime would (no Node server, files from
// memory): security headers and frame-ancestors 'none' on every kind of answer, the Host allow-list, the proxy
// mounted with its own stricter set of headers (its answers are sandboxed, never the app's pages), compression, and errors.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { createProxyHandler, PROXY_RESPONSE_HEADERS, resolveProxyPolicy } from '../../src/proxy';
import { createApp } from '../../src/server/app';
import type { FileSource, StaticFile } from '../../src/server/static-handler';
import { expectNotFramable, expectSecurityHeaders } from './expected-headers';

const SCRIPT = `export const text = ${JSON.stringify('signet '.repeat(400))};`;
const FILES: Record<string, string> = { 'index.html': '<!doctype html><title>app</title>', 'assets/index-abc123.js': SCRIPT };

// Files from memory, the way a runtime without a file system would serve the build; "boom" fails.
const memoryFiles: FileSource = {
  async get(path: string): Promise<StaticFile | null> {
    if (path === 'boom') throw new Error('storage failed');
    const text = FILES[path];
    if (text === undefined) return null;
    const bytes = new TextEncoder().encode(text);
    return { size: bytes.byteLength, mtimeMs: 0, read: async () => bytes };
  },
};

const proxy = createProxyHandler(resolveProxyPolicy({}), async () => new Response('{"schemaVersion":2}', { headers: { 'Content-Type': 'application/json' } }));
const app = createApp({ files: memoryFiles, hosts: ['signet.test', 'localhost'], proxy });
const get = (path: string, init: RequestInit = {}, host = 'signet.test') => app.fetch(new Request(`http://${host}${path}`, init));
const manifest = proxyUrl('https://registry.example/v2/demo/app/manifests/v1');

describe('every answer carries the security headers', () => {
  it.each([
    ['200', () => get('/'), 200],
    ['200 asset', () => get('/assets/index-abc123.js'), 200],
    ['304', () => get('/', { headers: { 'If-None-Match': '*' } }), 304],
    ['404', () => get('/assets/missing.js'), 404],
    ['405', () => get('/', { method: 'POST' }), 405],
    ['421', () => get('/', {}, 'evil.example'), 421],
    ['500', () => get('/boom'), 500],
  ])('%s', async (_, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res.headers);
  });

  it.each([
    ['forwarded', () => get(manifest), 200],
    ['refused', () => get(proxyUrl('https://registry.example/admin')), 403],
    ['rate limited or not, a refusal of a method', () => get(manifest, { method: 'DELETE' }), 405],
    ['for a Host not served, before the proxy runs', () => get(manifest, {}, 'evil.example'), 421],
  ])('a proxy answer (%s) carries the proxy\'s own sandboxing set, none of the app page\'s headers, and cannot be framed', async (_, request, status) => {
    const res = await request();
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(PROXY_RESPONSE_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get('Content-Security-Policy')).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    for (const name of ['permissions-policy', 'origin-agent-cluster', 'x-xss-protection', 'x-download-options', 'x-dns-prefetch-control']) expect(res.headers.has(name), name).toBe(false);
    expectNotFramable(res.headers);
  });
});

describe('Host allow-list', () => {
  it('answers the configured names, ports not compared', async () => {
    expect((await get('/', {}, 'signet.test:8443')).status).toBe(200);
    expect((await get('/', {}, 'LOCALHOST:3000')).status).toBe(200);
  });

  it.each(['evil.example', 'signet.test.evil.example', '127.0.0.1'])('answers %s with 421 before the proxy runs', async (host) => {
    const res = await get(manifest, {}, host);
    expect(res.status).toBe(421);
    expect(res.headers.get('X-Signet-Proxy-Error')).toBeNull();
  });
});

describe('compression', () => {
  it('gzips the app text and never the proxy', async () => {
    const script = await get('/assets/index-abc123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(script.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(new Uint8Array(await script.arrayBuffer())).toString()).toBe(SCRIPT);
    const proxied = await get(manifest, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(proxied.headers.get('Content-Encoding')).toBeNull();
  });
});
