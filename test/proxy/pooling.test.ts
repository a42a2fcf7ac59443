// Pooled upstream connections against real loopback servers: reused per origin, never shared across origins,
// and never a way around the address check (each new connection resolves and checks again; a connection made
// where loopback was allowed is not reused where it is not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy } from '../../src/proxy';
import type { NodeUpstream, Resolver } from '../../src/proxy/node-upstream';
import { nodeUpstreams, textOf, viaProxy } from './proxy-client';
import { MANIFEST_PATH, startSlowRegistry } from './slow-servers';
import { startTestServer, type TestServer } from './test-servers';

const policy = resolveProxyPolicy({ allowLoopback: true });
let registry: TestServer;
const upstreams = nodeUpstreams();
const upstreamWith = upstreams.create;
beforeAll(async () => {
  registry = await startSlowRegistry(100);
});
afterAll(async () => {
  await Promise.all([registry.close(), upstreams.closeAll()]);
});

// n manifest GETs one after another through a proxy over upstream; the new connections the registry saw.
async function connectionsFor(upstream: NodeUpstream, origins: string[]): Promise<number> {
  const handler = createProxyHandler(policy, upstream);
  const before = registry.connections;
  for (const origin of origins) expect(await (await viaProxy(handler, `${origin}${MANIFEST_PATH}`)).text()).toBe('{"schemaVersion":2}');
  return registry.connections - before;
}

// The pool may open a second connection when a request follows the first before the first connection reports
// itself free again; after that every request reuses one of them.
const REUSED = 2;

describe('connection reuse', () => {
  it('sends ten requests to one origin over at most two connections', async () => {
    expect(await connectionsFor(upstreamWith(), new Array(10).fill(registry.origin))).toBeLessThanOrEqual(REUSED);
  });

  it('opens one connection per request with pooling off', async () => {
    expect(await connectionsFor(upstreamWith({ pool: false }), new Array(5).fill(registry.origin))).toBe(5);
  });

  it('never shares a connection across origins, even on the same address and port', async () => {
    const byName = `http://localhost:${registry.port}`;
    const first = registry.requests.length;
    await connectionsFor(upstreamWith(), [registry.origin, byName, registry.origin, byName, registry.origin, byName]);
    const hostsBySocket = new Map<number, Set<string>>();
    for (const { socket, headers } of registry.requests.slice(first)) hostsBySocket.set(socket, (hostsBySocket.get(socket) ?? new Set()).add(headers.host ?? ''));
    expect([...hostsBySocket.values()].every((hosts) => hosts.size === 1)).toBe(true);
    expect(new Set([...hostsBySocket.values()].flatMap((hosts) => [...hosts])).size).toBe(2);
  });
});

describe('reuse never bypasses the address check', () => {
  it('resolves and checks once per connection: a new connection after a rebinding is refused', async () => {
    // The name answers loopback first and a private address afterwards; the server closes every connection.
    const closing = await startTestServer('127.0.0.1', { [MANIFEST_PATH]: (_req, res) => void res.writeHead(200, { Connection: 'close' }).end('ok') });
    let lookups = 0;
    const rebinding: Resolver = async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '10.0.0.7', family: 4 }];
    const upstream = upstreamWith({ resolve: rebinding });
    const init = () => ({ method: 'GET' as const, headers: {}, signal: AbortSignal.timeout(2000), allowLoopback: true });
    const url = new URL(`http://rebind.test:${closing.port}${MANIFEST_PATH}`);
    expect(await textOf(await upstream(url, init()))).toBe('ok');
    await expect(upstream(url, init())).rejects.toMatchObject({ code: 'PROXY_ADDRESS_REFUSED' });
    expect(closing.connections).toBe(1);
    await closing.close();
  });

  it('resolves a name once per connection, not once per request', async () => {
    let lookups = 0;
    const counting: Resolver = async () => {
      lookups += 1;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const upstream = upstreamWith({ resolve: counting });
    const url = new URL(`http://pinned.test:${registry.port}${MANIFEST_PATH}`);
    for (let i = 0; i < 10; i++) await textOf(await upstream(url, { method: 'GET', headers: {}, signal: AbortSignal.timeout(2000), allowLoopback: true }));
    expect(lookups).toBeLessThanOrEqual(REUSED);
  });

  it('does not reuse a connection made where loopback was allowed for a hop where it is not', async () => {
    const upstream = upstreamWith({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    const url = new URL(`http://pinned.test:${registry.port}${MANIFEST_PATH}`);
    const init = (allowLoopback: boolean) => ({ method: 'GET' as const, headers: {}, signal: AbortSignal.timeout(2000), allowLoopback });
    const before = registry.connections;
    expect((await upstream(url, init(true))).status).toBe(200);
    await expect(upstream(url, init(false))).rejects.toMatchObject({ code: 'PROXY_ADDRESS_REFUSED' });
    expect(registry.connections - before).toBe(1);
  });
});
