// Sends a request upstream and follows redirects itself (RFC 9110 §15.4), re-checking every hop against the
// same rules as the first and dropping Authorization once the origin changes (or the new kind takes none).
import type { Exchange } from './exchange';
import { mergedHeaders } from './response';
import { ProxyRefusal } from './errors';
import type { ProxyPolicy } from './policy';
import type { RealmRegistry } from './realms';
import { assertReachable } from './target-url';
import { authorizationSuits, classifyHop, type TargetKind } from './target-rules';
import type { Upstream, UpstreamInit, UpstreamResponse } from './upstream';

// RFC 9110 §15.4.2–15.4.9: the redirects a client follows automatically (GET and HEAD keep their method, even after 303).
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface ForwardContext {
  policy: ProxyPolicy;
  realms: RealmRegistry;
  upstream: Upstream;
  exchange: Exchange;
  /**
   * The one host (host[:port]) loopback may be reached on in this exchange: the registry host the client named,
   * so that neither a realm nor a redirect leads to another local service. Null: loopback nowhere.
   */
  loopbackHost: string | null;
}

export interface Forwarded {
  response: UpstreamResponse;
  /** The URL that gave the final response. */
  url: URL;
  kind: TargetKind;
  redirected: boolean;
}

// Whether a hop to url may reach a loopback address.
export function loopbackAllowed(url: URL, { loopbackHost }: Pick<ForwardContext, 'loopbackHost'>): boolean {
  return loopbackHost !== null && url.host === loopbackHost;
}

// The final response for target, after at most policy.maxRedirects redirects.
export async function forward(target: URL, kind: TargetKind, init: Omit<UpstreamInit, 'allowLoopback'>, context: ForwardContext): Promise<Forwarded> {
  const { policy, realms } = context;
  const headers = mergedHeaders(init.headers);
  let hop = { url: target, kind };
  for (let redirects = 0; ; redirects++) {
    const hopInit: UpstreamInit = { method: init.method, headers, signal: init.signal, allowLoopback: loopbackAllowed(hop.url, context) };
    if (init.body) hopInit.body = init.body;
    const response = await send(hop.url, hopInit, context);
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return { response, url: hop.url, kind: hop.kind, redirected: redirects > 0 };
    await response.body?.cancel();
    if (redirects >= policy.maxRedirects) throw new ProxyRefusal('PROXY_TOO_MANY_REDIRECTS', `More than ${policy.maxRedirects} redirects.`, hop.url.href);
    const next = URL.canParse(location, hop.url) ? new URL(location, hop.url) : null;
    if (next === null || next.username !== '' || next.password !== '') throw new ProxyRefusal('PROXY_BAD_REDIRECT', 'The upstream redirected to an unusable Location.', hop.url.href);
    next.hash = '';
    assertReachable(next, loopbackAllowed(next, context));
    hop = { url: next, kind: classifyHop(next, hop.kind, policy, realms, init.method) };
    const authorization = headers.authorization;
    if (authorization !== undefined && (next.origin !== target.origin || !authorizationSuits(authorization, hop.kind))) delete headers.authorization;
  }
}

// One hop; failures other than refusals become the exchange's own failure (time, rate) or PROXY_UPSTREAM_FAILED.
async function send(url: URL, init: UpstreamInit, { upstream, exchange }: ForwardContext): Promise<UpstreamResponse> {
  try {
    return await upstream(url, init);
  } catch (error) {
    throw upstreamFailure(error, url, exchange);
  }
}

// The refusal for an error met while talking upstream (connecting, or reading the body).
export function upstreamFailure(error: unknown, url: URL, exchange: Exchange): ProxyRefusal {
  if (error instanceof ProxyRefusal) return error;
  const failure = exchange.failure(url);
  if (failure) return failure;
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
  return new ProxyRefusal('PROXY_UPSTREAM_FAILED', `The upstream could not be reached: ${reason}.`, url.href);
}
