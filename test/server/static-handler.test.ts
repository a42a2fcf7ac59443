// The static handler: content types, app-route fallback, caching, conditional requests, methods, and no way out of the root.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../src/server/node-file-source';
import { createStaticHandler } from '../../src/server/static-handler';
import { toRelativeFilePath } from '../../src/server/url-path';

const SECRET = 'outside the served root';
const INDEX_HTML = '<!doctype html><title>app</title>';
const dir = mkdtempSync(join(tmpdir(), 'signet-static-'));
const root = join(dir, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(dir, 'package.json'), SECRET);
writeFileSync(join(root, 'index.html'), INDEX_HTML);
writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(root, 'manifest.json'), '{}');
writeFileSync(join(root, '.env'), SECRET);
writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export const x = 1;');
writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
writeFileSync(join(root, 'assets', 'index-abc123.js.map'), '{"version":3}');
writeFileSync(join(root, 'assets', 'font-abc123.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
symlinkSync(join(dir, 'package.json'), join(root, 'assets', 'linked.js'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handler = createStaticHandler({ files: createNodeFileSource(root) });
const get = (path: string, init: RequestInit = {}) => handler(new Request(`http://signet.test${path}`, init));

describe('content types', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/manifest.json', 'application/json; charset=utf-8'],
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/assets/index-abc123.js.map', 'application/json; charset=utf-8'],
    ['/assets/font-abc123.woff2', 'font/woff2'],
  ])('%s is %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
  });

  it('serves the file bytes with their length', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(await res.text()).toBe('export const x = 1;');
    expect(res.headers.get('Content-Length')).toBe('19');
  });
});

describe('app routes and missing files', () => {
  it.each(['/verify', '/verify/ghcr.io/org/app:v1.2', '/report?x=1', '/.env', '/assets', '/a%ZZb'])('%s falls back to index.html', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it.each(['/assets/missing-abc.js', '/assets/sub/missing.css', '/assets/..%2findex.html'])('%s is 404, never the app', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<title>');
  });

  it('is 404 everywhere when there is no index.html', async () => {
    const bare = createStaticHandler({ files: createNodeFileSource(join(root, 'assets')) });
    expect((await bare(new Request('http://signet.test/verify'))).status).toBe(404);
  });
});

describe('the root is never left', () => {
  it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E/package.json', '/assets/..%2f..%2fpackage.json', '/..\\package.json', '/..%5cpackage.json', '/%2e%2e%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/package.json%00.js', '/assets/linked.js'])(
    '%s',
    async (path) => {
      const res = await get(path);
      expect(await res.text()).not.toContain(SECRET);
    },
  );

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..\\package.json', '/a%00b', '/a%2fb', '/a%5cb', '/.env', '/%E0%A4%A'])('%s is not a file path', (path) => {
    expect(toRelativeFilePath(path)).toBeNull();
  });

  it('maps plain paths to relative file paths', () => {
    expect(toRelativeFilePath('/')).toBe('');
    expect(toRelativeFilePath('/assets//index-abc123.js')).toBe('assets/index-abc123.js');
    expect(toRelativeFilePath('/caf%C3%A9.txt')).toBe('café.txt');
  });

  it('the file source refuses relative paths that resolve outside the root, and links that point outside', async () => {
    const files = createNodeFileSource(root);
    expect(await files.get('../package.json')).toBeNull();
    expect(await files.get('assets/../../package.json')).toBeNull();
    expect(await files.get(join(dir, 'package.json'))).toBeNull();
    expect(await files.get('assets/linked.js')).toBeNull();
    expect(await files.get('assets')).toBeNull();
    expect(await files.get('assets/index-abc123.js')).not.toBeNull();
  });
});

describe('caching', () => {
  it('hashed assets are immutable for a year; index.html and other files revalidate', async () => {
    expect((await get('/assets/index-abc123.js')).headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/verify/x')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await get('/favicon.svg')).headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await get('/assets/index-abc123.js')).headers.get('ETag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    for (const ifNoneMatch of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const res = await get('/assets/index-abc123.js', { headers: { 'If-None-Match': ifNoneMatch } });
      expect(res.status).toBe(304);
      expect(res.body).toBeNull();
      expect(res.headers.get('ETag')).toBe(etag);
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('serves the file when If-None-Match names another version', async () => {
    const res = await get('/assets/index-abc123.js', { headers: { 'If-None-Match': 'W/"1-1"' } });
    expect(res.status).toBe(200);
  });

  it('app routes share index.html’s validator', async () => {
    const etag = (await get('/')).headers.get('ETag')!;
    expect((await get('/verify/x', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('methods', () => {
  it('HEAD has the GET headers and no body', async () => {
    const res = await get('/assets/index-abc123.css', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('Content-Length')).toBe('6');
    expect(await res.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s is 405 with Allow', async (method) => {
    const res = await get('/', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
  });
});
