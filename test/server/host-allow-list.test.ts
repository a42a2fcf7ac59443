// DNS rebinding against the real server: a page on another name that resolves to this server sends that name as
// Host and gets 421 before the proxy runs; the configured names and the defaults are answered.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { resolveProxyPolicy } from '../../src/proxy';
import { defaultHosts } from '../../src/server/host-check';
import { serverOptionsFromEnv } from '../../src/server/main';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { startRegistry, type TestServer } from '../proxy/test-servers';

const root = mkdtempSync(join(tmpdir(), 'signet-hosts-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
let registry: TestServer;
let server: RunningServer;
beforeAll(async () => {
  registry = await startRegistry('127.0.0.1', 'http://127.0.0.1:9');
  server = await startServer({ port: 0, host: '127.0.0.1', root, proxy: resolveProxyPolicy({ allowLoopback: true }) });
});
afterAll(async () => {
  await Promise.all([server.close(), registry.close()]);
  rmSync(root, { recursive: true, force: true });
});

// A GET of path with the Host header exactly as given; its status.
function statusWithHost(path: string, host: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, headers: { Host: host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host allow-list', () => {
  const port = () => new URL(server.url).port;
  const target = () => proxyUrl(`${registry.origin}/v2/`);

  it('answers a rebound name with 421, and the proxy never reaches the registry', async () => {
    const before = registry.requests.length;
    expect(await statusWithHost(target(), `evil.example:${port()}`, { Origin: `http://evil.example:${port()}` })).toBe(421);
    expect(await statusWithHost('/', `evil.example:${port()}`)).toBe(421);
    expect(registry.requests.length).toBe(before);
  });

  it('answers the listen address and localhost', async () => {
    expect(await statusWithHost(target(), `127.0.0.1:${port()}`)).toBe(401);
    expect(await statusWithHost('/', `localhost:${port()}`)).toBe(200);
  });

  it('defaults to the listen address and loopback names; SIGNET_HOSTS replaces them', () => {
    expect(defaultHosts('10.0.0.5')).toEqual(['localhost', '127.0.0.1', '[::1]', '10.0.0.5']);
    expect(defaultHosts('0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(serverOptionsFromEnv({ SIGNET_HOSTS: 'Signet.Example.com, [2001:db8::1]' }, root).hosts).toEqual(['signet.example.com', '[2001:db8::1]']);
    expect(() => serverOptionsFromEnv({ SIGNET_HOSTS: 'a/b' }, root)).toThrow(/not a host name/);
  });
});
