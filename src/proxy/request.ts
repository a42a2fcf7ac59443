// What the proxy reads of a client's request: a WHATWG Request has this shape, and so does the Node server's lighter
// view of its incoming message, so the same checks run on every runtime.

/** Tells when something was given up: the client went away, or an exchange ended early (an AbortSignal has this shape). */
export interface ClientSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once: true }): void;
}

export interface ProxyRequest {
  readonly method: string;
  /** The absolute URL the client asked for (the proxy's own, with the target in its query). */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly signal: ClientSignal;
  /** The request body; read only for the one POST forwarded. */
  readonly body: ReadableStream<Uint8Array> | null;
}
