// The proxy as a platform-neutral handler (WHATWG Request/Response): checks a request, forwards it through
// an Upstream, and answers with the upstream response or a JSON refusal.
import type { Handler } from '../lib/http-handler';
import { assertOrigin, corsHeaders, FORWARDED_REQUEST_HEADERS, preflight } from './cors';
import { bearerRealm } from './challenge';
import { ProxyRefusal } from './errors';
import { forward, upstreamFailure, type ForwardContext, type Forwarded } from './forward';
import type { ProxyPolicy } from './policy';
import { RateLimiter } from './rate-limiter';
import { RealmRegistry } from './realms';
import { assertDeclaredSize, capped, passThrough, PROXY_RESPONSE_HEADERS } from './response';
import { assertAuthorization, classifyTarget } from './target-rules';
import { assertReachable, targetOf } from './target-url';
import { TokenCache, type CachedToken } from './token-cache';
import type { Upstream, UpstreamInit } from './upstream';

export interface ProxyHandlerOptions {
  /** Who is asking, for the rate limit; the adapter knows (in Node, the remote address). Unset: one shared budget. */
  clientId?: (request: Request) => string;
}

// The state one proxy keeps between requests.
interface ProxyState extends Omit<ForwardContext, 'timeout'> {
  tokens: TokenCache;
}

const ALLOW = { Allow: 'GET, HEAD' };

// The proxy handler for a policy, reaching the network through upstream.
export function createProxyHandler(policy: ProxyPolicy, upstream: Upstream, { clientId = () => '' }: ProxyHandlerOptions = {}): Handler {
  const state: ProxyState = { policy, upstream, realms: new RealmRegistry(policy.realmTtlMs), tokens: new TokenCache() };
  const limiter = new RateLimiter(policy.rate);
  return async (request) => {
    const cors = corsHeaders(request, policy);
    let response: Response;
    try {
      assertOrigin(request, policy);
      const waitSeconds = limiter.take(clientId(request));
      if (waitSeconds > 0) throw new ProxyRefusal('PROXY_RATE_LIMITED', 'Too many requests; try again later.', '', { 'Retry-After': String(waitSeconds) });
      response = request.method === 'OPTIONS' ? answerOptions(request, policy) : await proxy(request, state);
    } catch (error) {
      if (!(error instanceof ProxyRefusal)) throw error;
      response = error.toResponse();
    }
    return withHeaders(response, { ...PROXY_RESPONSE_HEADERS, ...cors });
  };
}

// A CORS preflight's answer; OPTIONS is refused otherwise.
function answerOptions(request: Request, policy: ProxyPolicy): Response {
  const answer = preflight(request, policy);
  if (answer === null) throw new ProxyRefusal('PROXY_METHOD_REFUSED', 'OPTIONS is answered only as a CORS preflight from a configured origin.', '', ALLOW);
  return answer;
}

// Checks, forwards and answers one GET or HEAD.
async function proxy(request: Request, state: ProxyState): Promise<Response> {
  const { method } = request;
  if (method !== 'GET' && method !== 'HEAD') throw new ProxyRefusal('PROXY_METHOD_REFUSED', `${method} is not forwarded; the proxy only reads.`, '', ALLOW);
  const { policy, realms, tokens } = state;
  const target = targetOf(request);
  assertReachable(target, policy);
  const kind = classifyTarget(target, policy, realms);
  const headers = forwardedHeaders(request);
  const authorization = headers.get('Authorization');
  assertAuthorization(authorization, kind, target.href);
  // Only a credential-free GET of a token may be answered from, or stored in, the shared cache.
  const anonymousToken = kind === 'token' && authorization === null && method === 'GET';
  const cached = anonymousToken ? tokens.get(target) : null;
  if (cached) return tokenResponse(cached);

  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const init: UpstreamInit = { method, headers, signal: AbortSignal.any([request.signal, timeout]) };
  const forwarded = await forward(target, kind, init, { ...state, timeout });
  recordRealm(forwarded, realms, policy);
  if (anonymousToken && forwarded.response.ok) return storeToken(forwarded, tokens, policy.maxResponseBytes, timeout);
  return passThrough(forwarded, method, policy.maxResponseBytes);
}

// The request headers passed upstream: Accept, Authorization and Range only, and no content coding
// (RFC 9110 §12.5.3: without Accept-Encoding any coding would be acceptable, and bodies pass through as bytes).
function forwardedHeaders(request: Request): Headers {
  const headers = new Headers({ 'Accept-Encoding': 'identity' });
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

// Remembers the realm of a registry's Bearer challenge (Docker token auth spec) so a token request to it is allowed.
function recordRealm({ response, url, kind }: Forwarded, realms: RealmRegistry, policy: ProxyPolicy): void {
  if (response.status !== 401 || (kind !== 'registry' && kind !== 'blob')) return;
  const realm = bearerRealm(response.headers.get('WWW-Authenticate') ?? '');
  if (realm === null || !URL.canParse(realm, url)) return;
  const realmUrl = new URL(realm, url);
  try {
    assertReachable(realmUrl, policy);
  } catch {
    return; // A realm the proxy could never reach is not worth remembering.
  }
  realms.record(url.host, realmUrl);
}

// Reads an anonymous token response, keeps its token, and answers with the same bytes.
async function storeToken(forwarded: Forwarded, tokens: TokenCache, maxBytes: number, timeout: AbortSignal): Promise<Response> {
  const { response, url } = forwarded;
  assertDeclaredSize(response, maxBytes, url);
  let bytes: ArrayBuffer;
  try {
    bytes = await new Response(response.body && capped(response.body, maxBytes, url)).arrayBuffer();
  } catch (error) {
    throw upstreamFailure(error, url, timeout);
  }
  try {
    tokens.store(url, JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    // Not JSON: passed on as it came, never kept.
  }
  return passThrough({ ...forwarded, response: new Response(bytes, { status: response.status, headers: response.headers }) }, 'GET', maxBytes);
}

// A token response served from the cache, with the lifetime it has left.
function tokenResponse({ token, expiresIn }: CachedToken): Response {
  const body = JSON.stringify({ token, access_token: token, expires_in: expiresIn });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

// The response with extra headers set.
function withHeaders(response: Response, extra: Readonly<Record<string, string>>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
