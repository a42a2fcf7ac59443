// Requests from a worker go through this site's proxy (browsers cannot call registries, Rekor or TUF directly); no cookies.
// It serves the registry client (GET/HEAD) and the audit layer (reads and Rekor's one JSON search POST, with a signal).
// An answer of the proxy's own (a refused target, an unreachable upstream) becomes an error in plain words.
import { PROXY_ERROR_HEADER, proxyUrl, type ProxyErrorBody } from '../http/proxy-wire';

/** What either caller passes: the registry client's FetchInit, or the audit layer's AuditRequestInit. */
export interface ProxyRequestInit {
  method: 'GET' | 'HEAD' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export const proxyFetch = async (url: string, init: ProxyRequestInit): Promise<Response> => {
  const res = await fetch(proxyUrl(url), {
    method: init.method,
    headers: init.headers,
    credentials: 'omit',
    cache: 'no-store',
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const code = res.headers.get(PROXY_ERROR_HEADER);
  if (!code) return res;
  const body = (await res.json().catch(() => null)) as Partial<ProxyErrorBody> | null;
  throw new Error(`this site's proxy answered ${res.status} ${code}: ${body?.error?.message ?? 'no reason given'}`);
};
