// The handler against a stub upstream (no network at all): what it forwards, what it refuses before any upstream
// call, how it follows redirects, caches tokens, limits rates and answers CORS.
import { describe, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy, type ProxyPolicy, type Upstream, type UpstreamInit } from '../../src/proxy';
import { APP_ORIGIN, errorCode, proxyRequest, viaProxy } from './proxy-client';

const REGISTRY = 'https://registry.example';
const REALM = 'https://auth.example/token';
const TOKEN_URL = `${REALM}?service=registry.example&scope=${encodeURIComponent('repository:demo/app:pull')}`;
const DIGEST = `sha256:${'e'.repeat(64)}`;
const CHALLENGE = `Bearer realm="${REALM}",service="registry.example",scope="repository:demo/app:pull"`;

type Answer = (init: UpstreamInit) => Response | Promise<Response>;

// An upstream answering from a table keyed by target URL; every call is recorded.
function stub(answers: Record<string, Answer>): { upstream: Upstream; calls: { url: string; headers: Headers }[] } {
  const calls: { url: string; headers: Headers }[] = [];
  const upstream: Upstream = async (target, init) => {
    calls.push({ url: target.href, headers: new Headers(init.headers) });
    const answer = answers[target.href];
    if (!answer) throw new Error(`unexpected upstream call to ${target.href}`);
    return answer(init);
  };
  return { upstream, calls };
}

// A redirect to location.
function redirect(location: string, status = 302): Answer {
  return () => new Response(null, { status, headers: { Location: location } });
}

// A 200 with a text body.
function ok(body = 'ok', headers: Record<string, string> = {}): Answer {
  return () => new Response(body, { status: 200, headers });
}

// A handler over answers with a test policy.
function proxyOver(answers: Record<string, Answer>, overrides: Partial<ProxyPolicy> = {}) {
  const { upstream, calls } = stub(answers);
  const proxy = createProxyHandler(resolveProxyPolicy({ maxResponseBytes: 1024, maxManifestBytes: 1024, maxBlobBytes: 1024, timeoutMs: 200, ...overrides }), upstream);
  const handler = (request: Request) => proxy(request, request.headers.get('X-Client') ?? '');
  return { handler, calls };
}

describe('the url parameter', () => {
  const { handler, calls } = proxyOver({});

  it.each([
    ['missing', `${APP_ORIGIN}/proxy`, 'PROXY_URL_MISSING'],
    ['empty', `${APP_ORIGIN}/proxy?url=`, 'PROXY_URL_MISSING'],
    ['not a URL', `${APP_ORIGIN}/proxy?url=not%20a%20url`, 'PROXY_URL_INVALID'],
    ['broken percent-encoding', `${APP_ORIGIN}/proxy?url=%E0%A4%A`, 'PROXY_URL_INVALID'],
    ['relative', `${APP_ORIGIN}/proxy?url=${encodeURIComponent('/v2/')}`, 'PROXY_URL_INVALID'],
    ['10 KB long', `${APP_ORIGIN}/proxy?url=${encodeURIComponent(`${REGISTRY}/v2/${'a'.repeat(10 * 1024)}/tags/list`)}`, 'PROXY_URL_INVALID'],
    ['given twice', `${APP_ORIGIN}/proxy?url=${encodeURIComponent(`${REGISTRY}/v2/`)}&url=${encodeURIComponent(`${REGISTRY}/v2/`)}`, 'PROXY_URL_INVALID'],
    ['next to another parameter', `${APP_ORIGIN}/proxy?url=${encodeURIComponent(`${REGISTRY}/v2/`)}&x=1`, 'PROXY_URL_INVALID'],
    ['with credentials', `${APP_ORIGIN}/proxy?url=${encodeURIComponent('https://user:pass@registry.example/v2/')}`, 'PROXY_URL_INVALID'],
    ['with a fragment', `${APP_ORIGIN}/proxy?url=${encodeURIComponent(`${REGISTRY}/v2/#x`)}`, 'PROXY_URL_INVALID'],
  ])('%s: 400', async (_name, url, code) => {
    const response = await handler(new Request(url));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe(code);
    expect(calls).toEqual([]);
  });

  it('echoes at most a short prefix of an overlong target', async () => {
    const response = await viaProxy(handler, `${REGISTRY}/${'x'.repeat(10 * 1024)}`);
    const body = (await response.json()) as { error: { message: string; target: string } };
    expect(body.error.target.length).toBeLessThan(300);
  });
});

describe('methods', () => {
  const { handler, calls } = proxyOver({});

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('refuses %s with 405 and Allow', async (method) => {
    const response = await viaProxy(handler, `${REGISTRY}/v2/`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expect(await errorCode(response)).toBe('PROXY_METHOD_REFUSED');
    expect(calls).toEqual([]);
  });
});

describe('targets', () => {
  const allowed = [
    `${REGISTRY}/v2/`,
    `${REGISTRY}/v2/demo/app/manifests/v1.2.3`,
    `${REGISTRY}/v2/org/team/app/manifests/${DIGEST}`,
    `${REGISTRY}/v2/demo/app/blobs/${DIGEST}`,
    `${REGISTRY}/v2/demo/app/tags/list?n=100`,
    `${REGISTRY}/v2/demo/app/referrers/${DIGEST}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`,
    'https://rekor.sigstore.dev/api/v1/log',
    `https://rekor.sigstore.dev/api/v1/log/entries/${'f'.repeat(80)}`,
    'https://rekor.sigstore.dev/api/v1/log/entries?logIndex=12345',
    'https://log2025-1.rekor.sigstore.dev/api/v2/checkpoint',
    'https://log2025-1.rekor.sigstore.dev/api/v2/tile/0/x001/234',
    'https://log2025-1.rekor.sigstore.dev/api/v2/tile/entries/005.p/17',
    'https://tuf-repo-cdn.sigstore.dev/13.root.json',
    'https://tuf-repo-cdn.sigstore.dev/timestamp.json',
    'https://tuf-repo-cdn.sigstore.dev/152.snapshot.json',
    'https://tuf-repo-cdn.sigstore.dev/targets.json',
    `https://tuf-repo-cdn.sigstore.dev/targets/${'9'.repeat(64)}.trusted_root.json`,
  ];
  it.each(allowed)('forwards %s', async (target) => {
    const { handler, calls } = proxyOver({ [new URL(target).href]: ok() });
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual([new URL(target).href]);
  });

  it.each([
    [`${REGISTRY}/admin`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2/../etc/passwd`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2/%2e%2e/etc`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2/demo%2Fapp/manifests/v1`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2/demo/app/manifests/v1/extra`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2/_catalog`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/v2`, 'PROXY_PATH_REFUSED'],
    [`${REGISTRY}/api/v1/log`, 'PROXY_PATH_REFUSED'],
    ['https://rekor.sigstore.dev/api/v1/index/retrieve', 'PROXY_PATH_REFUSED'],
    ['https://rekor.sigstore.dev/13.root.json', 'PROXY_PATH_REFUSED'],
    ['https://tuf-repo-cdn.sigstore.dev/targets/../secret', 'PROXY_PATH_REFUSED'],
    [REALM, 'PROXY_PATH_REFUSED'],
    ['http://registry.example/v2/', 'PROXY_SCHEME_REFUSED'],
    ['file:///etc/passwd', 'PROXY_SCHEME_REFUSED'],
    ['ftp://registry.example/v2/', 'PROXY_SCHEME_REFUSED'],
    ['data:text/plain,hello', 'PROXY_SCHEME_REFUSED'],
    ['https://127.0.0.1/v2/', 'PROXY_ADDRESS_REFUSED'],
    ['https://[::1]/v2/', 'PROXY_ADDRESS_REFUSED'],
    ['https://169.254.169.254/latest/meta-data/', 'PROXY_ADDRESS_REFUSED'],
    ['https://2130706433/v2/', 'PROXY_ADDRESS_REFUSED'],
    ['https://0x7f.1/v2/', 'PROXY_ADDRESS_REFUSED'],
    ['https://[fd00:ec2::254]/latest/meta-data/', 'PROXY_ADDRESS_REFUSED'],
  ])('refuses %s with %s before any upstream call', async (target, code) => {
    const { handler, calls } = proxyOver({});
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe(code);
    expect(calls).toEqual([]);
  });

  it('forwards plain http only to loopback, and only with allowLoopback', async () => {
    const { handler } = proxyOver({ 'http://127.0.0.1:5000/v2/': ok() }, { allowLoopback: true });
    expect((await viaProxy(handler, 'http://127.0.0.1:5000/v2/')).status).toBe(200);
    const refused = await viaProxy(handler, 'http://registry.example/v2/');
    expect(await errorCode(refused)).toBe('PROXY_SCHEME_REFUSED');
    expect(await errorCode(await viaProxy(handler, 'https://10.0.0.1/v2/'))).toBe('PROXY_ADDRESS_REFUSED');
  });
});

describe('responses', () => {
  it('pass status and body with only the listed headers, never cookies', async () => {
    const upstreamHeaders = {
      'Content-Type': 'application/vnd.oci.image.index.v1+json',
      'Docker-Content-Digest': DIGEST,
      ETag: '"x"',
      Link: '</v2/demo/app/tags/list?last=b>; rel="next"',
      'OCI-Filters-Applied': 'artifactType',
      'Set-Cookie': 'a=b',
      'Cache-Control': 'public, max-age=9999',
      'Access-Control-Allow-Origin': '*',
      Server: 'secret/1.0',
    };
    const { handler } = proxyOver({ [`${REGISTRY}/v2/demo/app/manifests/v1`]: () => new Response('{}', { status: 404, headers: upstreamHeaders }) });
    const response = await viaProxy(handler, `${REGISTRY}/v2/demo/app/manifests/v1`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('{}');
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/vnd.oci.image.index.v1+json',
      'docker-content-digest': DIGEST,
      etag: '"x"',
      link: '</v2/demo/app/tags/list?last=b>; rel="next"',
      'oci-filters-applied': 'artifactType',
      'cache-control': 'no-store',
      'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none',
    });
  });

  it('pass only Accept, Authorization and Range upstream, asking for no content coding', async () => {
    const target = `${REGISTRY}/v2/demo/app/blobs/${DIGEST}`;
    const { handler, calls } = proxyOver({ [target]: ok() });
    await viaProxy(handler, target, { headers: { Accept: '*/*', Authorization: 'Bearer t', Range: 'bytes=0-9', Cookie: 'c=1', 'User-Agent': 'browser', Referer: 'https://app.test/' } });
    expect(Object.fromEntries(calls[0]?.headers ?? [])).toEqual({ accept: '*/*', authorization: 'Bearer t', range: 'bytes=0-9', 'accept-encoding': 'identity' });
  });

  it('refuse a declared body over the cap with 413', async () => {
    const target = `${REGISTRY}/v2/demo/app/blobs/${DIGEST}`;
    const { handler } = proxyOver({ [target]: ok('x', { 'Content-Length': '999999' }) });
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('PROXY_TOO_LARGE');
  });

  it('give up with 504 when the upstream does not answer in time', async () => {
    const target = `${REGISTRY}/v2/`;
    const never: Answer = ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const { handler } = proxyOver({ [target]: never });
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(504);
    expect(await errorCode(response)).toBe('PROXY_TIMEOUT');
  });

  it('report an upstream failure as 502', async () => {
    const target = `${REGISTRY}/v2/`;
    const { handler } = proxyOver({ [target]: () => Promise.reject(Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' })) });
    const response = await viaProxy(handler, target);
    expect(response.status).toBe(502);
    expect(await errorCode(response)).toBe('PROXY_UPSTREAM_FAILED');
  });
});

describe('redirects', () => {
  const blob = `${REGISTRY}/v2/demo/app/blobs/${DIGEST}`;

  it('follow a blob to a CDN, dropping Authorization, and name the final URL', async () => {
    const cdn = 'https://cdn.example/b/blob?sig=1';
    const { handler, calls } = proxyOver({ [blob]: redirect(cdn, 307), [cdn]: ok('blob') });
    const response = await viaProxy(handler, blob, { headers: { Authorization: 'Bearer t' } });
    expect(await response.text()).toBe('blob');
    expect(response.headers.get('X-Signet-Proxy-Final-Url')).toBe(cdn);
    expect(calls.map((call) => call.headers.get('Authorization'))).toEqual(['Bearer t', null]);
  });

  it('keep Authorization on a redirect within the same origin', async () => {
    const moved = `${REGISTRY}/v2/demo/app/blobs/${DIGEST}?moved=1`;
    const { handler, calls } = proxyOver({ [blob]: redirect(moved, 308), [moved]: ok() });
    await viaProxy(handler, blob, { headers: { Authorization: 'Bearer t' } });
    expect(calls.map((call) => call.headers.get('Authorization'))).toEqual(['Bearer t', 'Bearer t']);
  });

  it('send a blob only on to https', async () => {
    const { handler, calls } = proxyOver({ [blob]: redirect('http://cdn.example/blob') });
    expect(await errorCode(await viaProxy(handler, blob))).toBe('PROXY_SCHEME_REFUSED');
    expect(calls).toHaveLength(1);
  });

  it('hold any other redirect to the same rules as a request', async () => {
    const manifest = `${REGISTRY}/v2/demo/app/manifests/v1`;
    const { handler, calls } = proxyOver({ [manifest]: redirect('https://cdn.example/anything') });
    const response = await viaProxy(handler, manifest);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_PATH_REFUSED');
    expect(calls).toHaveLength(1);
  });

  it.each(['https://10.0.0.1/v2/', 'http://169.254.169.254/latest/meta-data/', 'https://[::ffff:192.168.1.1]/x'])('refuse a redirect to %s before following it', async (location) => {
    const { handler, calls } = proxyOver({ [blob]: redirect(location) });
    const response = await viaProxy(handler, blob);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ADDRESS_REFUSED');
    expect(calls).toHaveLength(1);
  });

  it('stop after five', async () => {
    const { handler, calls } = proxyOver({ [blob]: redirect(blob) });
    const response = await viaProxy(handler, blob);
    expect(response.status).toBe(502);
    expect(await errorCode(response)).toBe('PROXY_TOO_MANY_REDIRECTS');
    expect(calls).toHaveLength(6);
  });

  it('refuse a Location that is not a URL', async () => {
    const { handler } = proxyOver({ [blob]: redirect('https://[broken') });
    expect(await errorCode(await viaProxy(handler, blob))).toBe('PROXY_BAD_REDIRECT');
  });
});

describe('token realms', () => {
  const ping = `${REGISTRY}/v2/`;
  const challenged: Record<string, Answer> = {
    [ping]: () => new Response(null, { status: 401, headers: { 'WWW-Authenticate': CHALLENGE } }),
    [TOKEN_URL]: () => Response.json({ token: 'anonymous', expires_in: 300 }),
  };

  it('refuse a token request to a realm no challenge named', async () => {
    const { handler, calls } = proxyOver(challenged);
    const response = await viaProxy(handler, TOKEN_URL);
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_PATH_REFUSED');
    expect(calls).toEqual([]);
  });

  it('allow the realm a forwarded challenge named, and cache anonymous tokens', async () => {
    const { handler, calls } = proxyOver(challenged);
    expect((await viaProxy(handler, ping)).headers.get('WWW-Authenticate')).toBe(CHALLENGE);
    const first = (await (await viaProxy(handler, TOKEN_URL)).json()) as { token: string };
    const second = (await (await viaProxy(handler, TOKEN_URL)).json()) as { token: string; expires_in: number };
    expect(first.token).toBe('anonymous');
    expect(second.token).toBe('anonymous');
    expect(second.expires_in).toBeGreaterThan(290);
    expect(calls.map((call) => call.url)).toEqual([ping, TOKEN_URL]);
    // Another realm on the same host was never named.
    expect(await errorCode(await viaProxy(handler, 'https://auth.example/other'))).toBe('PROXY_PATH_REFUSED');
  });

  it('never serve from or fill the cache for requests with credentials', async () => {
    const { handler, calls } = proxyOver(challenged);
    await viaProxy(handler, ping);
    const init = { headers: { Authorization: 'Basic dXNlcjpwYXNz' } };
    await viaProxy(handler, TOKEN_URL, init);
    await viaProxy(handler, TOKEN_URL, init);
    await viaProxy(handler, TOKEN_URL);
    expect(calls.map((call) => call.url)).toEqual([ping, TOKEN_URL, TOKEN_URL, TOKEN_URL]);
  });

  it('drop Basic credentials when a realm redirects somewhere that takes none', async () => {
    const moved = 'https://auth.example/v2/';
    const { handler, calls } = proxyOver({ ...challenged, [TOKEN_URL]: redirect(moved), [moved]: ok() });
    await viaProxy(handler, ping);
    await viaProxy(handler, TOKEN_URL, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(calls.slice(1).map((call) => call.headers.get('Authorization'))).toEqual(['Basic dXNlcjpwYXNz', null]);
  });

  it('send Basic credentials only to a named realm, and nothing to Rekor or TUF', async () => {
    const { handler, calls } = proxyOver(challenged);
    const basic = { headers: { Authorization: 'Basic dXNlcjpwYXNz' } };
    expect(await errorCode(await viaProxy(handler, ping, basic))).toBe('PROXY_AUTH_REFUSED');
    expect(await errorCode(await viaProxy(handler, 'https://rekor.sigstore.dev/api/v1/log', { headers: { Authorization: 'Bearer t' } }))).toBe('PROXY_AUTH_REFUSED');
    expect(await errorCode(await viaProxy(handler, 'https://tuf-repo-cdn.sigstore.dev/timestamp.json', basic))).toBe('PROXY_AUTH_REFUSED');
    expect(calls).toEqual([]);
  });
});

describe('CORS', () => {
  const target = `${REGISTRY}/v2/`;
  const { handler, calls } = proxyOver({ [target]: ok() }, { allowedOrigins: ['https://signet.example'] });

  it('sends CORS headers to a configured origin', async () => {
    const response = await viaProxy(handler, target, { headers: { Origin: 'https://signet.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://signet.example');
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('docker-content-digest');
  });

  it('sends none to the same origin', async () => {
    const response = await viaProxy(handler, target, { headers: { Origin: APP_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.has('Access-Control-Allow-Origin')).toBe(false);
  });

  it('treats its own host as the same origin whatever the scheme (TLS ends in front of it)', async () => {
    const response = await viaProxy(handler, target, { headers: { Origin: APP_ORIGIN.replace('http:', 'https:') } });
    expect(response.status).toBe(200);
  });

  it('refuses other origins', async () => {
    calls.length = 0;
    const response = await viaProxy(handler, target, { headers: { Origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('PROXY_ORIGIN_REFUSED');
    expect(response.headers.has('Access-Control-Allow-Origin')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('answers a preflight only for a configured origin', async () => {
    const preflight = { method: 'OPTIONS', headers: { Origin: 'https://signet.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } };
    const response = await viaProxy(handler, target, preflight);
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('accept, authorization, range');
    const other = await viaProxy(handler, target, { ...preflight, headers: { ...preflight.headers, Origin: 'https://evil.example' } });
    expect(other.status).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client used its burst, other clients unaffected', async () => {
    const target = `${REGISTRY}/v2/`;
    const { handler } = proxyOver({ [target]: ok() }, { rate: { burst: 3, perSecond: 0.1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await handler(proxyRequest(target, { headers: { 'X-Client': 'a' } }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await handler(proxyRequest(target, { headers: { 'X-Client': 'a' } }));
    expect(await errorCode(limited)).toBe('PROXY_RATE_LIMITED');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect((await handler(proxyRequest(target, { headers: { 'X-Client': 'b' } }))).status).toBe(200);
  });
});

describe('the proxy marks its own answers', () => {
  it('a refusal carries X-Signet-Proxy-Error; a forwarded upstream answer never does, even when the upstream sets it', async () => {
    const forged = `${REGISTRY}/v2/demo/app/manifests/${DIGEST}`;
    const { handler } = proxyOver({ [forged]: ok('{}', { 'X-Signet-Proxy-Error': 'PROXY_FORGED', 'Content-Type': 'application/json' }) });
    const refused = await viaProxy(handler, 'https://registry.example/admin');
    expect(refused.headers.get('X-Signet-Proxy-Error')).toBe(await errorCode(refused.clone()));
    const forwarded = await viaProxy(handler, forged);
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.get('X-Signet-Proxy-Error')).toBeNull();
  });
});
