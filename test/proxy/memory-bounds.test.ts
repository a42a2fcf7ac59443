// What the proxy holds in memory, against real loopback token realms: a token body is capped (64 KiB by default)
// whether or not it declares its length, many parallel oversized token answers whose clients never read cost
// almost nothing, and a global bound refuses what would take the bytes held past it.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy, type ProxyPolicy } from '../../src/proxy';
import { errorCode, nodeUpstreams, viaProxy } from './proxy-client';
import { startTokenRegistry, type TokenAnswer } from './slow-servers';
import type { TestServer } from './test-servers';

const servers: TestServer[] = [];
const upstreams = nodeUpstreams();
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await upstreams.closeAll();
});

// A realm answering as told, a proxy with the given policy that has seen the registry's challenge, and a way to ask
// for a token (scope i, so no two requests share a cache entry).
async function tokenSetup(answer: TokenAnswer, overrides: Partial<ProxyPolicy> = {}) {
  const registry = await startTokenRegistry(answer);
  servers.push(registry);
  const handler = createProxyHandler(resolveProxyPolicy({ allowLoopback: true, ...overrides }), upstreams.create());
  const challenge = await viaProxy(handler, `${registry.origin}/v2/`);
  expect(challenge.status).toBe(401);
  await challenge.arrayBuffer();
  return { registry, token: (i: number) => viaProxy(handler, `${registry.origin}/token?service=big&scope=repository:r${i}:pull`) };
}

describe('token bodies', () => {
  it.each([
    ['declared', true],
    ['undeclared', false],
  ])('a %s 100 KiB token answer is refused with 413 before any byte reaches the client', async (_, declared) => {
    const { token } = await tokenSetup({ size: 100 * 1024, declared, hang: false });
    const response = await token(0);
    expect(response.status).toBe(413);
    expect(await errorCode(response)).toBe('PROXY_TOO_LARGE');
  });

  it('a token answer under the cap passes whole', async () => {
    const { token } = await tokenSetup({ size: 60 * 1024, declared: false, hang: false });
    const response = await token(0);
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(60 * 1024);
  });

  it('40 parallel 32 MiB token answers whose clients never read leave the heap nearly where it was', async () => {
    const { token } = await tokenSetup({ size: 32 * 1024 * 1024, declared: false, hang: false });
    const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => token(i)));
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(answers.map((answer) => answer.status)).toEqual(new Array(40).fill(413));
    // Before the cap each answer was read whole: 40 × 32 MiB. Now at most 64 KiB each (plus socket buffers).
    expect(after - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('the global bound on bytes held', () => {
  it('refuses with 503 PROXY_BUSY what would take the bytes held past it; the rest run to their own limit', async () => {
    // Five realms answers of 60 000 bytes that never finish; at most two fit under 150 000 bytes held.
    const { registry, token } = await tokenSetup({ size: 60_000, declared: false, hang: true }, { maxBufferedBytes: 150_000, timeoutMs: 1500 });
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => token(i)));
    const codes = await Promise.all(answers.map((answer) => errorCode(answer)));
    const busy = codes.filter((code) => code === 'PROXY_BUSY').length;
    expect(busy).toBeGreaterThanOrEqual(3);
    expect(codes.filter((code) => code === 'PROXY_TIMEOUT').length).toBe(5 - busy);
    expect(answers.find((answer) => answer.status === 503)?.headers.get('Retry-After')).toBe('1');
    expect(registry.requests.filter(({ path }) => path === '/token')).toHaveLength(5);
  });
});

describe('the bound on exchanges in flight', () => {
  it('refuses with 503 PROXY_BUSY past maxConcurrent, and admits again once one has ended', async () => {
    const { token } = await tokenSetup({ size: 10, declared: true, hang: true }, { maxConcurrent: 2, timeoutMs: 1000 });
    const held = [token(0), token(1)];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await token(2);
    expect(refused.status).toBe(503);
    expect(await errorCode(refused)).toBe('PROXY_BUSY');
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual([504, 504]);
    expect((await token(3)).status).toBe(504);
  });
});
