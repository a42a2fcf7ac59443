// Reads the target out of `/proxy?url=<encodeURIComponent(absolute URL)>` and checks how it may be reached:
// scheme, credentials, and the address when the host is an IP literal.
import { PROXY_TARGET_PARAM, proxyUrl } from '../http/proxy-wire';
import { assertAllowedAddress, classifyAddress } from './address';
import { ProxyRefusal } from './errors';
import type { ProxyRequest } from './request';

// Longer targets are refused unparsed (registry URLs are short; CDN URLs with signatures stay well below).
export const MAX_TARGET_LENGTH = 8192;

// The target URL of a proxy request; throws PROXY_URL_MISSING or PROXY_URL_INVALID.
export function targetOf(request: Pick<ProxyRequest, 'url'>): URL {
  const raw = plainTarget(request.url) ?? targetParam(request.url);
  if (raw.length > MAX_TARGET_LENGTH) throw new ProxyRefusal('PROXY_URL_INVALID', `The target is longer than ${MAX_TARGET_LENGTH} characters.`, raw);
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    throw new ProxyRefusal('PROXY_URL_INVALID', 'The target is not an absolute URL.', raw);
  }
  if (target.username !== '' || target.password !== '') throw new ProxyRefusal('PROXY_URL_INVALID', 'The target may not carry credentials; send them in Authorization.', raw);
  if (raw.includes('#')) throw new ProxyRefusal('PROXY_URL_INVALID', 'The target may not have a fragment.', raw);
  return target;
}

// A query of exactly one url=… in the form encodeURIComponent writes (the form proxyUrl sends).
const PLAIN_QUERY = new RegExp(`^${PROXY_TARGET_PARAM}=([A-Za-z0-9%._~!'()*-]+)$`);

// The target of a query in the plain form, decoded as URLSearchParams decodes it, or undefined for any other form
// (left to the URL parser); read without parsing the whole request URL.
export function plainTarget(url: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0 || url.includes('#')) return undefined;
  const match = PLAIN_QUERY.exec(url.slice(query + 1));
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined; // Not UTF-8 once decoded: URLSearchParams decides what it reads as.
  }
}

// The one url=… parameter of the request URL's query; throws PROXY_URL_MISSING, or PROXY_URL_INVALID for other
// or repeated parameters.
function targetParam(url: string): string {
  const params = new URL(url).searchParams;
  const values = params.getAll(PROXY_TARGET_PARAM);
  const [raw] = values;
  if (raw === undefined || raw === '') throw new ProxyRefusal('PROXY_URL_MISSING', `Give the target as ${proxyUrl('<absolute URL>')}.`);
  if (values.length > 1 || [...params.keys()].some((name) => name !== PROXY_TARGET_PARAM)) {
    throw new ProxyRefusal('PROXY_URL_INVALID', 'The only query parameter is a single url=…; put the target query inside it.', raw);
  }
  return raw;
}

// Whether plain http may be used to reach url: only loopback, and only where loopback is allowed.
function isPlainHttpAllowed(url: URL, allowLoopback: boolean): boolean {
  return allowLoopback && (url.hostname === 'localhost' || classifyAddress(url.hostname) === 'loopback');
}

// Throws unless url can be reached at all: an allowed IP literal (names are checked when resolved), over https
// (or plain http to loopback, where loopback is allowed for this host).
export function assertReachable(url: URL, allowLoopback: boolean): void {
  const target = url.href;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ProxyRefusal('PROXY_SCHEME_REFUSED', `Only https targets are forwarded, not ${url.protocol}`, target);
  if (classifyAddress(url.hostname) !== null) assertAllowedAddress(url.hostname, allowLoopback, target);
  if (url.protocol === 'http:' && !isPlainHttpAllowed(url, allowLoopback)) {
    throw new ProxyRefusal('PROXY_SCHEME_REFUSED', 'Plain http is only forwarded to loopback targets in local development; use https.', target);
  }
}
