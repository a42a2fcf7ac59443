// The one network primitive the handler needs, so the same handler runs on Node, at the edge and against test doubles.

export interface UpstreamInit {
  /** POST only for the one JSON search a Rekor v1 log offers. */
  method: 'GET' | 'HEAD' | 'POST';
  headers: Headers;
  /** The request body of a POST, already size-capped. */
  body?: Uint8Array;
  /** Aborts the exchange, body included: the client left or the time ran out. */
  signal: AbortSignal;
}

/**
 * One request and its response, without following redirects (`redirect: 'manual'` semantics): a 3xx comes back
 * as is, with its Location header. An implementation refuses addresses the proxy may not reach by throwing a
 * ProxyRefusal with code PROXY_ADDRESS_REFUSED before it connects.
 */
export type Upstream = (target: URL, init: UpstreamInit) => Promise<Response>;
