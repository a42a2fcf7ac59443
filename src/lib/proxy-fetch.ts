// Registry, Rekor and TUF requests from a worker go through this site's proxy (browsers cannot call them directly);
// no cookies. An answer of the proxy's own (a refused target, an unreachable upstream) becomes an error in plain words.
import { PROXY_ERROR_HEADER, proxyUrl, type ProxyErrorBody } from '../http/proxy-wire';
import type { FetchFunction } from '../oci';
import type { AuditFetch } from '../audit';

// One request through the proxy, with the proxy's own refusals turned into errors.
async function throughProxy(url: string, init: Pick<RequestInit, 'method' | 'headers' | 'body' | 'signal'>): Promise<Response> {
  const res = await fetch(proxyUrl(url), { ...init, credentials: 'omit', cache: 'no-store' });
  const code = res.headers.get(PROXY_ERROR_HEADER);
  if (!code) return res;
  const body = (await res.json().catch(() => null)) as Partial<ProxyErrorBody> | null;
  throw new Error(`this site's proxy answered ${res.status} ${code}: ${body?.error?.message ?? 'no reason given'}`);
}

export const proxyFetch: FetchFunction = (url, init) => throughProxy(url, { method: init.method, headers: init.headers });

/** The audit layer's fetch: its reads (and the one search POST) through the proxy, cancelled by its deadline. */
export const auditProxyFetch: AuditFetch = (url, init) => throughProxy(url, { method: init.method, headers: init.headers, signal: init.signal, ...(init.body === undefined ? {} : { body: init.body }) });
