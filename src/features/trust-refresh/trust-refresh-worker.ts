// The TUF refresh worker: the TUF client workflow through the proxy, verified metadata cached in IndexedDB.
import { publicGoodTrustedRoot, toVerifyError } from '../../core';
import { refreshTrustedRoot, tufPresets } from '../../audit';
import { proxyFetch } from '../../lib/proxy-fetch';
import { indexedDbTufCache } from './indexeddb-tuf-cache';
import type { TrustRefreshMessage, TrustRefreshReply } from './trust-refresh-protocol';

const post = (reply: TrustRefreshReply) => (self as unknown as { postMessage(m: TrustRefreshReply): void }).postMessage(reply);

// Answer one refresh request, compared with the embedded root.
async function handle(msg: TrustRefreshMessage): Promise<void> {
  const { id } = msg;
  try {
    const cache = indexedDbTufCache();
    const fromCache = (await cache.read(msg.url.replace(/\/+$/, ''), 'root.json')) !== undefined;
    const seed = msg.seedRoot !== undefined ? { rootJson: msg.seedRoot, source: msg.seedSource ?? 'root.json given' } : tufPresets().find((p) => p.url === msg.url)?.seed;
    if (!seed) throw new Error(`Signet embeds no root.json for ${msg.url}: give the root.json you trust.`);
    const out = await refreshTrustedRoot({ fetch: proxyFetch, url: msg.url, seedRoot: seed.rootJson, seedSource: seed.source, cache, baseline: publicGoodTrustedRoot() });
    post({ type: 'tuf-result', id, outcome: { result: out.result, fromCache, ...(out.trustedRootJson ? { trustedRootJson: out.trustedRootJson } : {}), ...(out.changes ? { changes: out.changes } : {}) } });
  } catch (err) {
    const e = toVerifyError(err);
    post({ type: 'error', id, message: e.message, code: e.code });
  }
}

self.addEventListener('message', (event: MessageEvent<TrustRefreshMessage>) => {
  if (event.data?.type === 'tuf-refresh') void handle(event.data);
});
