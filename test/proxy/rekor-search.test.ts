// The proxy's one POST: a Rekor v1 index search, as JSON, size-capped, only to a configured Rekor host —
// forwarded to a real Rekor v1-compatible server; consistency-proof reads too. Everything else POSTed is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, resolveProxyPolicy } from '../../src/proxy';
import { createNodeUpstream } from '../../src/proxy/node-upstream';
import { createTestInstance } from '../support/sigstore';
import { startRekorV1Server, type RekorV1Server } from '../support/live-log/rekor-v1-server';
import { errorCode, viaProxy } from './proxy-client';

const instance = createTestInstance();
let rekor: RekorV1Server;
let host: string;
let uuid: string;

beforeAll(async () => {
  rekor = await startRekorV1Server(instance);
  host = new URL(rekor.url).host;
  const signed = instance.signMessage(new TextEncoder().encode('searched through the proxy'), { identity: { san: { email: 'proxy@signet.test' }, issuer: 'https://accounts.signet.test' } });
  uuid = rekor.record(signed.bundle.verificationMaterial.tlogEntries[0]!, { email: 'proxy@signet.test' });
});
afterAll(() => rekor.close());

const handler = (rekorHosts: string[]) => {
  const policy = resolveProxyPolicy({ allowLoopback: true, rekorHosts });
  return createProxyHandler(policy, createNodeUpstream());
};
const search = (h: ReturnType<typeof handler>, body: string, contentType = 'application/json', path = '/api/v1/index/retrieve') =>
  viaProxy(h, `${rekor.url}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

describe('Rekor search through the proxy', () => {
  it('forwards the JSON search to a configured Rekor host and its answer back', async () => {
    const response = await search(handler([host]), JSON.stringify({ email: 'proxy@signet.test' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([uuid]);
    expect(rekor.requests.at(-1)).toBe('/api/v1/index/retrieve');
  });

  it('forwards consistency-proof reads', async () => {
    const size = instance.rekorV1.tree.size;
    const response = await viaProxy(handler([host]), `${rekor.url}/api/v1/log/proof?firstSize=1&lastSize=${size}&treeID=${rekor.treeId}`);
    expect(response.status).toBe(200);
  });

  it('refuses a search to a host that is not a configured Rekor log, another POST path, a non-JSON body and an oversized one', async () => {
    const before = rekor.requests.length;
    expect(await errorCode(await search(handler(['rekor.sigstore.dev']), '{"email":"a@b.c"}'))).toBe('PROXY_METHOD_REFUSED');
    expect(await errorCode(await search(handler([host]), '{}', 'application/json', '/api/v1/log/entries'))).toBe('PROXY_METHOD_REFUSED');
    expect(await errorCode(await search(handler([host]), 'email=a@b.c', 'application/x-www-form-urlencoded'))).toBe('PROXY_METHOD_REFUSED');
    const big = await search(handler([host]), JSON.stringify({ email: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(await errorCode(big)).toBe('PROXY_TOO_LARGE');
    expect(rekor.requests.length).toBe(before);
  });
});
