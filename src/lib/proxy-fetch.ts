// Registry requests from a worker go through this site's proxy (browsers cannot call registries directly); no cookies.
// An answer of the proxy's own (a refused target, an unreachable upstream) becomes an error in plain words.
import { PROXY_ERROR_HEADER, proxyUrl, type ProxyErrorBody } from '../http/proxy-wire';
import type { FetchFunction } from '../oci';

export const proxyFetch: FetchFunction = async (url, init) => {
  const res = await fetch(proxyUrl(url), { method: init.method, headers: init.headers, credentials: 'omit', cache: 'no-store' });
  const code = res.headers.get(PROXY_ERROR_HEADER);
  if (!code) return res;
  const body = (await res.json().catch(() => null)) as Partial<ProxyErrorBody> | null;
  throw new Error(`this site's proxy answered ${res.status} ${code}: ${body?.error?.message ?? 'no reason given'}`);
};
