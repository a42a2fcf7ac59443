// The one network primitive the handler needs, so the same handler runs on Node, at the edge and against test doubles.
import type { ClientSignal } from './request';
import type { ForwardedMethod } from './target-rules';

export interface UpstreamInit {
  /** POST only for the one JSON search a Rekor v1 log offers. */
  method: ForwardedMethod;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The request body of a POST, already size-capped. */
  body?: Uint8Array;
  /** Aborts the exchange, body included: the client left, or the time or the transfer rate ran out. */
  signal: ClientSignal;
  /** Whether this hop may connect to a loopback address (local development, on the host the client named only). */
  allowLoopback: boolean;
}

/**
 * Reads a body chunk by chunk, only when asked (a WHATWG stream's default reader has this shape); cancel settles a
 * pending read.
 */
export interface BodyReader {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/** A response body (a WHATWG ReadableStream has this shape; the Node upstream's is lighter). */
export interface UpstreamBody {
  getReader(): BodyReader;
  cancel(reason?: unknown): Promise<void>;
}

/** An upstream's answer (a WHATWG Response has this shape). */
export interface UpstreamResponse {
  readonly status: number;
  /** Looked up by lower-case name. */
  readonly headers: { get(name: string): string | null };
  readonly body: UpstreamBody | null;
}

/**
 * One request and its response, without following redirects (`redirect: 'manual'` semantics): a 3xx comes back
 * as is, with its Location header. An implementation refuses addresses the proxy may not reach by throwing a
 * ProxyRefusal with code PROXY_ADDRESS_REFUSED before it connects (loopback only where init.allowLoopback says).
 */
export type Upstream = (target: URL, init: UpstreamInit) => Promise<UpstreamResponse>;

/** RFC 9110 §6.4.1: answers with these statuses (and answers to HEAD) have no content, whatever the headers say. */
export const NO_CONTENT_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);
