// The proxy as a platform-neutral handler: checks a request, forwards it through an Upstream, and answers with the
// upstream response or a JSON refusal. The core speaks in runtime-neutral answers (the Node server writes them to
// its socket as they are); the handler built on it speaks WHATWG Request/Response, for any fetch-style runtime.
import { Capacity } from './capacity';
import { assertOrigin, corsHeaders, FORWARDED_REQUEST_HEADERS, preflight } from './cors';
import { bearerRealm } from './challenge';
import { ProxyRefusal } from './errors';
import { Exchange, type BodyLimits } from './exchange';
import { forward, upstreamFailure, type ForwardContext, type Forwarded } from './forward';
import { maxBytesFor, type ProxyPolicy } from './policy';
import { RateLimiter } from './rate-limiter';
import { RealmRegistry } from './realms';
import type { ProxyRequest } from './request';
import { answerWhole, assertDeclaredSize, capped, isSmallBody, passThrough, PROXY_RESPONSE_HEADERS, toResponse, withHeaders, type ProxyAnswer } from './response';
import { assertAuthorization, assertSearchPost, classifyTarget, isForwardedMethod, REKOR_SEARCH_BODY_MAX, type TargetKind } from './target-rules';
import { assertReachable, targetOf } from './target-url';
import { TokenCache, type CachedToken } from './token-cache';
import type { BodyReader, Upstream } from './upstream';

/**
 * The proxy: a request, and who is asking for the rate limit (the server knows: in Node, the remote address or the
 * address a trusted reverse proxy forwarded). Unset: one shared budget.
 */
export type ProxyHandler = (request: Request, client?: string) => Promise<Response>;

/** The same proxy in runtime-neutral terms: the request as any runtime can show it, the answer before it is sent. */
export type ProxyCore = (request: ProxyRequest, client?: string) => Promise<ProxyAnswer>;

// The state one proxy keeps between requests.
interface ProxyState {
  policy: ProxyPolicy;
  upstream: Upstream;
  realms: RealmRegistry;
  tokens: TokenCache;
  capacity: Capacity;
}

// The methods a client may use anywhere (POST goes only to the one Rekor search).
const ALLOW = { Allow: 'GET, HEAD' };

// The proxy handler for a policy, reaching the network through upstream.
export function createProxyHandler(policy: ProxyPolicy, upstream: Upstream): ProxyHandler {
  return fetchStyle(createProxyCore(policy, upstream));
}

// A core as a WHATWG Request → Response handler.
export function fetchStyle(core: ProxyCore): ProxyHandler {
  return async (request, client) => toResponse(await core(request, client));
}

// The proxy's core for a policy, reaching the network through upstream.
export function createProxyCore(policy: ProxyPolicy, upstream: Upstream): ProxyCore {
  const state: ProxyState = { policy, upstream, realms: new RealmRegistry(policy.realmTtlMs), tokens: new TokenCache(), capacity: new Capacity(policy) };
  const limiter = new RateLimiter(policy.rate);
  return async (request, client = '') => {
    const cors = corsHeaders(request, policy);
    let answer: ProxyAnswer;
    try {
      assertOrigin(request, policy);
      const waitSeconds = limiter.take(client);
      if (waitSeconds > 0) throw new ProxyRefusal('PROXY_RATE_LIMITED', 'Too many requests; try again later.', '', { 'Retry-After': String(waitSeconds) });
      // A forwarded answer already carries every proxy header; the proxy's own answers get them here.
      if (request.method !== 'OPTIONS') return await proxy(request, state, cors);
      answer = answerOptions(request, policy);
    } catch (error) {
      if (!(error instanceof ProxyRefusal)) throw error;
      answer = error.toAnswer();
    }
    return withHeaders(answer, PROXY_RESPONSE_HEADERS, cors);
  };
}

// A CORS preflight's answer; OPTIONS is refused otherwise.
function answerOptions(request: ProxyRequest, policy: ProxyPolicy): ProxyAnswer {
  const answer = preflight(request, policy);
  if (answer === null) throw new ProxyRefusal('PROXY_METHOD_REFUSED', 'OPTIONS is answered only as a CORS preflight from a configured origin.', '', ALLOW);
  return answer;
}

// The host loopback may be reached on for this target: its own host when loopback is allowed at all, except that a
// token realm counts only when a registry on that same host named it (a realm never leads elsewhere on loopback).
function loopbackHostFor(target: URL, kind: TargetKind, { policy, realms }: ProxyState): string | null {
  if (!policy.allowLoopback) return null;
  return kind !== 'token' || realms.namedBy(target).includes(target.host) ? target.host : null;
}

// Checks, forwards and answers one GET or HEAD, or the one Rekor search POST (cors: the CORS headers to answer with).
async function proxy(request: ProxyRequest, state: ProxyState, cors: Readonly<Record<string, string>>): Promise<ProxyAnswer> {
  const { method } = request;
  if (!isForwardedMethod(method)) throw new ProxyRefusal('PROXY_METHOD_REFUSED', `${method} is not forwarded; the proxy only reads.`, '', ALLOW);
  const { policy, realms, tokens, capacity } = state;
  const target = targetOf(request);
  assertReachable(target, policy.allowLoopback);
  if (method === 'POST') assertSearchPost(target, request.headers.get('Content-Type'), policy);
  const kind = classifyTarget(target, policy, realms, method);
  const loopbackHost = loopbackHostFor(target, kind, state);
  if (loopbackHost !== target.host) assertReachable(target, false);
  const headers = forwardedHeaders(request);
  const body = method === 'POST' ? await searchBody(request, target) : undefined;
  if (body) headers['content-type'] = 'application/json';
  const authorization = headers.authorization ?? null;
  assertAuthorization(authorization, kind, target.href);
  // Only a credential-free GET of a token may be answered from, or stored in, the shared cache.
  const anonymousToken = kind === 'token' && authorization === null && method === 'GET';
  const cached = anonymousToken ? tokens.get(target) : null;
  if (cached) return withHeaders(tokenAnswer(cached), PROXY_RESPONSE_HEADERS, cors);

  const release = capacity.admit();
  const exchange = new Exchange(policy, request.signal);
  exchange.finally(release);
  try {
    const context: ForwardContext = { policy, realms, upstream: state.upstream, exchange, loopbackHost };
    const forwarded = await forward(target, kind, { method, headers, signal: exchange.signal, ...(body ? { body } : {}) }, context);
    recordRealm(forwarded, state);
    const maxBytes = maxBytesFor(forwarded.kind, policy);
    // A token body is read whole to cache it; any other small body is too, and answered in one piece.
    if (kind === 'token' && method === 'GET' && isSuccess(forwarded.response.status)) {
      const bytes = await readWhole(forwarded, capacity, exchange, policy.maxTokenBytes);
      if (anonymousToken) keepToken(tokens, forwarded.url, bytes);
      return answerWhole(forwarded, bytes, cors);
    }
    if (isSmallBody(forwarded.response, method)) return answerWhole(forwarded, await readWhole(forwarded, capacity, exchange, maxBytes), cors);
    return passThrough(forwarded, method, exchange, maxBytes, cors);
  } catch (error) {
    exchange.end();
    throw error;
  }
}

// The body of a search POST, refused past its cap (PROXY_TOO_LARGE); a redirect of it is re-classified as a read and refused.
async function searchBody(request: ProxyRequest, target: URL): Promise<Uint8Array> {
  assertDeclaredSize(request, REKOR_SEARCH_BODY_MAX, target);
  const source = request.body;
  return new Uint8Array(await new Response(source && capped(source, REKOR_SEARCH_BODY_MAX, target)).arrayBuffer());
}

// The request headers passed upstream: Accept, Authorization and Range only, and no content coding
// (RFC 9110 §12.5.3: without Accept-Encoding any coding would be acceptable, and bodies pass through as bytes).
function forwardedHeaders(request: ProxyRequest): Record<string, string> {
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

// Remembers the realm of a registry's Bearer challenge (Docker token auth spec) so a token request to it is allowed;
// with loopback allowed, a realm on loopback counts only on the registry's own host.
function recordRealm({ response, url, kind }: Forwarded, { realms, policy }: ProxyState): void {
  if (response.status !== 401 || (kind !== 'registry' && kind !== 'blob')) return;
  const realm = bearerRealm(response.headers.get('www-authenticate') ?? '');
  if (realm === null || !URL.canParse(realm, url)) return;
  const realmUrl = new URL(realm, url);
  try {
    assertReachable(realmUrl, policy.allowLoopback && realmUrl.host === url.host);
  } catch {
    return; // A realm the proxy could never reach is not worth remembering.
  }
  realms.record(url.host, realmUrl);
}

// Reads a body whole (at most maxBytes, each byte counted against the proxy's memory bound until the exchange ends,
// which it does once the last byte is read); throws PROXY_TOO_LARGE, PROXY_BUSY or the exchange's own failure.
async function readWhole({ response, url }: Forwarded, capacity: Capacity, exchange: Exchange, maxBytes: number): Promise<Uint8Array> {
  assertDeclaredSize(response, maxBytes, url);
  let held = 0;
  exchange.finally(() => capacity.release(held));
  if (!response.body) return new Uint8Array(0);
  const limits: BodyLimits = {
    maxBytes,
    // Counts a chunk against the memory bound.
    onChunk(bytes) {
      capacity.hold(bytes, url.href);
      held += bytes;
    },
  };
  try {
    return await readAll(exchange.body(response.body, url, limits));
  } catch (error) {
    throw upstreamFailure(error, url, exchange);
  }
}

// Every chunk of a body, joined.
async function readAll(reader: BodyReader): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    length += next.value.byteLength;
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

// Keeps the token of an anonymous token response; a body that is not JSON is passed on as it came, never kept.
function keepToken(tokens: TokenCache, url: URL, bytes: Uint8Array): void {
  try {
    tokens.store(url, JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    // Not JSON: nothing to keep.
  }
}

// A token answer served from the cache, with the lifetime it has left.
function tokenAnswer({ token, expiresIn }: CachedToken): ProxyAnswer {
  const body = new TextEncoder().encode(JSON.stringify({ token, access_token: token, expires_in: expiresIn }));
  return { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(body.byteLength) }, body };
}

// Whether a status is a success (2xx, as Response.ok has it).
function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}
