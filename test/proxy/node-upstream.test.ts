// The proxy over real HTTP to registry-like servers on loopback, through the Node upstream: forwarding with
// allowLoopback, and refusals (before any connection) without it. No traffic leaves 127.0.0.0/8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy, type ProxyPolicy } from '../../src/proxy';
import { createNodeUpstream, systemResolver, type Resolver } from '../../src/proxy/node-upstream';
import { errorCode, spyOn, viaProxy } from './proxy-client';
import { BIG_DIGEST, BLOB_DIGEST, CHUNKED_DIGEST, MANIFEST, MANIFEST_DIGEST, startCdn, startRegistry, type TestServer } from './test-servers';

const MAX_BYTES = 16 * 1024;
const TIMEOUT_MS = 500;

// Fixed answers for names; none of them is public, so nothing is ever connected to.
const testResolver: Resolver = async (hostname) => {
  const answers: Record<string, { address: string; family: number }[]> = {
    'internal.test': [{ address: '10.1.2.3', family: 4 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
    'mixed.test': [
      { address: '127.0.0.1', family: 4 },
      { address: 'fd00::1', family: 6 },
    ],
  };
  const answer = answers[hostname];
  if (!answer) throw Object.assign(new Error(`no test answer for ${hostname}`), { code: 'ENOTFOUND' });
  return answer;
};

// A policy for these tests: small caps so oversize and slow answers are quick to provoke.
function policy(allowLoopback: boolean): ProxyPolicy {
  return resolveProxyPolicy({ allowLoopback, maxBlobBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
}

let registry: TestServer;
let cdn: TestServer;
beforeAll(async () => {
  cdn = await startCdn('127.0.0.2');
  registry = await startRegistry('127.0.0.1', cdn.origin);
});
afterAll(async () => {
  await Promise.all([registry.close(), cdn.close()]);
});

describe('with allowLoopback (local development)', () => {
  const loopbackPolicy = policy(true);
  // The test answers for the names they cover, the system resolver for localhost.
  const resolver: Resolver = (hostname) => (hostname === 'localhost' ? systemResolver(hostname) : testResolver(hostname));
  const spy = spyOn(createNodeUpstream({ resolve: resolver }));
  const handler = createProxyHandler(loopbackPolicy, spy.upstream);

  it('follows the registry flow: challenge, token from the named realm, manifest', async () => {
    const ping = await viaProxy(handler, `${registry.origin}/v2/`);
    expect(ping.status).toBe(401);
    const challenge = ping.headers.get('WWW-Authenticate') ?? '';
    expect(challenge).toContain(`realm="${registry.origin}/token"`);
    expect(ping.headers.get('Docker-Distribution-API-Version')).toBe('registry/2.0');
    expect(ping.headers.has('Set-Cookie')).toBe(false);

    const tokenUrl = `${registry.origin}/token?service=test-registry&scope=${encodeURIComponent('repository:demo/app:pull')}`;
    const tokenResponse = await viaProxy(handler, tokenUrl);
    expect(tokenResponse.status).toBe(200);
    expect(tokenResponse.headers.has('Set-Cookie')).toBe(false);
    const { token } = (await tokenResponse.json()) as { token: string };
    expect(token).toMatch(/^granted-/);

    const manifest = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/v1`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.oci.image.manifest.v1+json', Cookie: 'app=secret', 'X-Other': '1' },
    });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('Docker-Content-Digest')).toBe(MANIFEST_DIGEST);
    expect(manifest.headers.get('Content-Type')).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.headers.has('Set-Cookie')).toBe(false);
    expect(manifest.headers.has('X-Internal')).toBe(false);
    expect(await manifest.text()).toBe(MANIFEST);
    const received = registry.requests.at(-1)?.headers ?? {};
    expect(received.authorization).toBe(`Bearer ${token}`);
    expect(received.accept).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(received.cookie).toBeUndefined();
    expect(received['x-other']).toBeUndefined();
  });

  it('connects to a name once its addresses are checked', async () => {
    const response = await viaProxy(handler, `http://localhost:${registry.port}/v2/`);
    expect(response.status).toBe(401);
  });

  it('answers HEAD with the headers and no body', async () => {
    const tokenUrl = `${registry.origin}/token?service=test-registry&scope=${encodeURIComponent('repository:demo/app:pull')}`;
    const { token } = (await (await viaProxy(handler, tokenUrl)).json()) as { token: string };
    const head = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/v1`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(MANIFEST.length));
    expect(head.body).toBeNull();
  });

  it('refuses a blob redirect to another loopback host: loopback is reached only on the host the client named', async () => {
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/blobs/${BLOB_DIGEST}`, { headers: { Authorization: 'Bearer granted-1' } });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
    expect(cdn.requests).toEqual([]);
  });

  it('refuses a body whose Content-Length is over the cap with 413', async () => {
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/blobs/${BIG_DIGEST}`);
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('PROXY_TOO_LARGE');
  });

  it('cuts a body without Content-Length once it passes the cap', async () => {
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/blobs/${CHUNKED_DIGEST}`);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('gives up on a slow upstream with 504', async () => {
    // The upstream never answers in time: a 504 (not its 200) means the proxy's limit ended the exchange.
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/slow`);
    expect(response.status).toBe(504);
    expect(await errorCode(response)).toBe('PROXY_TIMEOUT');
  });

  it('refuses a redirect to the metadata address before connecting to it', async () => {
    spy.targets.length = 0;
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/to-metadata`);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
    expect(spy.targets).toEqual([`${registry.origin}/v2/demo/app/manifests/to-metadata`]);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const response = await viaProxy(handler, `${registry.origin}/v2/demo/app/manifests/to-private-name`);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
  });

  it.each(['https://internal.test/v2/', 'https://metadata.test/v2/', 'https://mixed.test/v2/'])('refuses %s, whose name resolves to a refused address', async (target) => {
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
  });

  it('reports an upstream that cannot be reached as 502', async () => {
    const closed = await startRegistry('127.0.0.1', cdn.origin);
    await closed.close();
    const response = await viaProxy(handler, `${closed.origin}/v2/`);
    expect(response.status).toBe(502);
    expect(await errorCode(response)).toBe('PROXY_UPSTREAM_FAILED');
  });
});

describe('without allowLoopback', () => {
  const spy = spyOn(createNodeUpstream());
  const handler = createProxyHandler(policy(false), spy.upstream);

  it.each([
    ['127.0.0.1', () => `${registry.origin}/v2/`],
    ['[::1]', () => `http://[::1]:${registry.port}/v2/`],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
    ['10.0.0.1', () => 'https://10.0.0.1/v2/'],
    ['192.168.1.1', () => 'https://192.168.1.1/v2/'],
    ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${registry.port}/v2/`],
    ['[::ffff:a9fe:a9fe]', () => 'https://[::ffff:a9fe:a9fe]/v2/'],
    ['100.64.0.1', () => 'https://100.64.0.1/v2/'],
  ])('refuses %s without asking the upstream', async (_name, target) => {
    spy.targets.length = 0;
    const response = await viaProxy(handler, target());
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
    expect(spy.targets).toEqual([]);
  });

  it('refuses localhost, which resolves to loopback, without connecting', async () => {
    const before = registry.connections;
    const response = await viaProxy(handler, `https://localhost:${registry.port}/v2/`);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
    expect(registry.connections).toBe(before);
  });

  it('refuses plain http to a name', async () => {
    const response = await viaProxy(handler, `http://localhost:${registry.port}/v2/`);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_SCHEME_REFUSED');
  });

  it('refuses an IP literal handed to the Node upstream directly', async () => {
    const upstream = createNodeUpstream();
    const before = registry.connections;
    const init = { method: 'GET' as const, headers: {}, signal: AbortSignal.timeout(1000), allowLoopback: false };
    await expect(upstream(new URL(`${registry.origin}/v2/`), init)).rejects.toMatchObject({ code: 'PROXY_ADDRESS_REFUSED' });
    await expect(upstream(new URL(`http://localhost:${registry.port}/v2/`), init)).rejects.toMatchObject({ code: 'PROXY_ADDRESS_REFUSED' });
    expect(registry.connections).toBe(before);
  });
});
