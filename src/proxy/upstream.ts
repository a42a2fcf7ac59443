// The one network primitive the handler needs, so the same handler runs on Node, at the edge and against test doubles.

export interface UpstreamInit {
  method: 'GET' | 'HEAD';
  headers: Headers;
  /** Aborts the exchange, body included: the client left or the time ran out. */
  signal: AbortSignal;
}

/**
 * One request and its response, without following redirects (`redirect: 'manual'` semantics): a 3xx comes back
 * as is, with its Location header. An implementation refuses addresses the proxy may not reach by throwing a
 * ProxyRefusal with code PROXY_ADDRESS_REFUSED before it connects.
 */
export type Upstream = (target: URL, init: UpstreamInit) => Promise<Response>;
