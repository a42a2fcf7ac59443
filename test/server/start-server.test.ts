// The server over real HTTP: the app, compression, raw request targets, mounted handlers and shutdown.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { expectSecurityHeaders } from './expected-headers';

const SECRET = 'outside the served root';
const INDEX_HTML = '<!doctype html><title>app</title>';
const SCRIPT = `export const text = ${JSON.stringify('signet '.repeat(400))};`;
const dir = mkdtempSync(join(tmpdir(), 'signet-server-'));
const root = join(dir, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(dir, 'package.json'), SECRET);
writeFileSync(join(root, 'index.html'), INDEX_HTML);
writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT);

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// One request with the target sent exactly as written (fetch would normalise it first).
function raw(url: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', root });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('answers on a free port over real HTTP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
    expectSecurityHeaders(res.headers);
  });

  it('serves assets and app routes', async () => {
    expect(await (await fetch(new URL('assets/index-abc123.js', server.url))).text()).toBe(SCRIPT);
    expect(await (await fetch(new URL('verify/ghcr.io/org/app:v1', server.url))).text()).toBe(INDEX_HTML);
    expect((await fetch(new URL('assets/missing.js', server.url))).status).toBe(404);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..\\package.json', '/assets/../../package.json'])('never serves %s from outside the root', async (path) => {
    const res = await raw(server.url, path);
    expect(res.body.toString()).not.toContain(SECRET);
  });

  it('answers a request target naming another host with 421', async () => {
    expect((await raw(server.url, 'http://elsewhere.test/')).status).toBe(421);
  });

  it('compresses text with gzip when the client accepts it, and says it varies', async () => {
    const gzip = await raw(server.url, '/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-length']).toBeUndefined();
    expect(gzip.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const identity = await raw(server.url, '/assets/index-abc123.js');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe(String(SCRIPT.length));
  });

  it('does not compress small files', async () => {
    const res = await raw(server.url, '/', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(INDEX_HTML);
  });

  it('sends 304 without a body over the wire', async () => {
    const etag = (await raw(server.url, '/')).headers.etag!;
    const res = await raw(server.url, '/', { 'If-None-Match': etag });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
  });

  it('HEAD sends headers only', async () => {
    const res = await raw(server.url, '/assets/index-abc123.js', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(SCRIPT.length));
    expect(res.body.length).toBe(0);
  });

  it('close() stops it', async () => {
    const other = await startServer({ port: 0, host: '127.0.0.1', root });
    await fetch(other.url);
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
