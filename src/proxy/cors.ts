// CORS for configured origins only (Fetch standard, "CORS protocol"); the app's own origin needs none.
import { PROXY_ERROR_HEADER, PROXY_FINAL_URL_HEADER } from '../http/proxy-wire';
import { ProxyRefusal } from './errors';
import type { ProxyPolicy } from './policy';
import type { ProxyRequest } from './request';
import { PASSED_HEADERS, type ProxyAnswer } from './response';

const EXPOSED = [...PASSED_HEADERS, PROXY_FINAL_URL_HEADER, PROXY_ERROR_HEADER].join(', ');
// The request headers the proxy passes on, so the only ones a preflight may ask for.
export const FORWARDED_REQUEST_HEADERS = ['accept', 'authorization', 'range'] as const;
const PREFLIGHT_MAX_AGE_S = '600';

// Whether the request comes from another origin that the policy lists.
function isAllowedOrigin(origin: string | null, policy: ProxyPolicy): origin is string {
  return origin !== null && policy.allowedOrigins.includes(origin);
}

// Whether origin names the host that serves the proxy; the scheme is not compared, since behind a TLS-terminating
// front end the request URL says http while the page says https.
function isOwnHost(origin: string, request: ProxyRequest): boolean {
  return URL.canParse(origin) && new URL(origin).host === new URL(request.url).host;
}

// Throws PROXY_ORIGIN_REFUSED for a request from another origin that the policy does not list.
export function assertOrigin(request: ProxyRequest, policy: ProxyPolicy): void {
  const origin = request.headers.get('Origin');
  if (origin === null || isOwnHost(origin, request) || isAllowedOrigin(origin, policy)) return;
  throw new ProxyRefusal('PROXY_ORIGIN_REFUSED', `Origin ${origin} may not use this proxy.`);
}

// The CORS headers for an actual request: none unless its Origin is listed.
export function corsHeaders(request: ProxyRequest, policy: ProxyPolicy): Record<string, string> {
  const origin = request.headers.get('Origin');
  if (!isAllowedOrigin(origin, policy)) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED, vary: 'Origin' };
}

// The answer to an OPTIONS preflight from a listed origin, or null when the OPTIONS request is not one.
export function preflight(request: ProxyRequest, policy: ProxyPolicy): ProxyAnswer | null {
  const origin = request.headers.get('Origin');
  if (!isAllowedOrigin(origin, policy)) return null;
  const headers = {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, HEAD',
    'access-control-allow-headers': FORWARDED_REQUEST_HEADERS.join(', '),
    'access-control-max-age': PREFLIGHT_MAX_AGE_S,
    vary: 'Origin',
  };
  return { status: 204, headers, body: null };
}
