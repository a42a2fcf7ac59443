// The Upstream for Node (undici): connections pooled per origin, each one made to an address that was checked when
// it was made. The connect hook resolves the name once, refuses it when any address is not allowed (loopback only
// on hops that may reach it), and hands the socket exactly the checked addresses, so the connection is pinned to
// one of them. Loopback-capable hops use a pool of their own, so a connection checked under the looser rule is
// never reused by a hop under the stricter one; a pooled connection never serves another origin.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import { assertAllowedAddress } from './address';
import { ProxyRefusal } from './errors';
import type { ClientSignal } from './request';
import { NO_CONTENT_STATUSES, type BodyReader, type Upstream, type UpstreamBody, type UpstreamResponse } from './upstream';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution; the system resolver unless a test supplies its own answers. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

// The system resolver, every address of the name.
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface NodeUpstreamOptions {
  resolve?: Resolver;
  /** Keep connections open and reuse them per origin (default); false opens a new connection for every request. */
  pool?: boolean;
  /**
   * Connections per origin at most; unset, no per-origin limit (the proxy's maxConcurrent bounds them all), so a few
   * slow exchanges never queue others to the same registry behind them.
   */
  connectionsPerOrigin?: number;
  /** CA certificates (PEM) trusted besides Node's own roots, such as a private registry's. */
  extraCa?: readonly string[];
}

/** The Node upstream, with a way to close its pooled connections. */
export interface NodeUpstream extends Upstream {
  close(): Promise<void>;
}

// An idle pooled connection is closed after this long (or sooner when the server's Keep-Alive says so).
const KEEP_ALIVE_MS = 10_000;

// The Node upstream: every request over a pooled connection to a checked address.
export function createNodeUpstream({ resolve = systemResolver, pool = true, connectionsPerOrigin, extraCa = [] }: NodeUpstreamOptions = {}): NodeUpstream {
  // Made once: building a context from Node's roots plus extra CAs costs milliseconds, too much for every connection.
  const secureContext = extraCa.length > 0 ? createSecureContext({ ca: [...rootCertificates, ...extraCa] }) : undefined;
  const agents = new Map<boolean, Agent>();
  // The pool for hops that may (true) or may not (false) reach loopback.
  const agentFor = (allowLoopback: boolean): Agent => {
    let agent = agents.get(allowLoopback);
    if (!agent) {
      agent = new Agent({ connect: { lookup: checkedLookup(allowLoopback, resolve), ...(secureContext ? { secureContext } : {}) }, connections: connectionsPerOrigin ?? null, keepAliveTimeout: KEEP_ALIVE_MS });
      agents.set(allowLoopback, agent);
    }
    return agent;
  };
  const upstream = async (target: URL, { method, headers, signal, allowLoopback, body }: Parameters<Upstream>[1]): Promise<UpstreamResponse> => {
    // IP literals never reach lookup (the socket uses them as they are), so they are checked here, on every request.
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) assertAllowedAddress(host, allowLoopback, target.href);
    try {
      return await new Promise<UpstreamResponse>((resolve, reject) => {
        const call = new UpstreamCall(method, signal, resolve, reject);
        agentFor(allowLoopback).dispatch({ origin: target.origin, path: `${target.pathname}${target.search}`, method, headers, reset: !pool, ...(body ? { body } : {}) }, call);
      });
    } catch (error) {
      if (error instanceof ProxyRefusal) throw new ProxyRefusal(error.code, error.message, target.href);
      throw error;
    }
  };
  return Object.assign(upstream, { close: async () => void (await Promise.all([...agents.values()].map((agent) => agent.close()))) });
}

// A socket lookup that resolves the name once, refuses it when any address is not allowed, and hands the socket
// exactly the checked addresses, so the connection goes to one of them and no second resolution can differ.
function checkedLookup(allowLoopback: boolean, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const answer = callback as (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    resolve(hostname)
      .then((addresses) => {
        for (const { address } of addresses) assertAllowedAddress(address, allowLoopback, hostname);
        const usable = addresses.filter(({ family }) => !options.family || family === options.family);
        if (usable.length === 0) throw Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' });
        return usable;
      })
      .then(
        (usable) => (options.all ? answer(null, usable) : answer(null, usable[0]!.address, usable[0]!.family)),
        (error: Error) => answer(error, ''),
      );
  };
}

// How many body bytes an answer holds for its reader before the upstream connection is paused (as much as a Node
// stream buffers by default): a reader that is slow or gone holds the connection, not more memory.
const HIGH_WATER_BYTES = 64 * 1024;

// One request upstream on undici's dispatch interface: the answer's headers decoded once from the raw ones, its
// body handed to the reader chunk by chunk with the connection paused while the reader is behind, and the request
// aborted when the exchange is given up or the reader cancels. Settles exactly once for the answer and once for
// each read; after the end or a failure, nothing more is delivered.
class UpstreamCall implements UpstreamBody, BodyReader {
  #abort: ((reason?: Error) => void) | null = null;
  #resume: (() => void) | null = null;
  #answered = false;
  #done = false;
  #failure: { error: unknown } | null = null;
  readonly #queue: Buffer[] = [];
  #queuedBytes = 0;
  #pending: { resolve: (chunk: ReadableStreamReadResult<Uint8Array>) => void; reject: (error: unknown) => void } | null = null;

  // A call that settles the answer through resolve/reject and is aborted with signal.
  constructor(
    private readonly method: string,
    private readonly signal: ClientSignal,
    private readonly resolve: (answer: UpstreamResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    if (!signal.aborted) signal.addEventListener('abort', () => this.#giveUp(signal.reason), { once: true });
  }

  // undici: the request is on its way; abort ends it from here on.
  onConnect(abort: (reason?: Error) => void): void {
    this.#abort = abort;
    if (this.#failure) abort(this.#failure.error instanceof Error ? this.#failure.error : undefined);
    else if (this.signal.aborted) this.#giveUp(this.signal.reason);
  }

  // undici: the status line and headers (raw: name, value, name, value, ... as bytes); informational ones are skipped.
  onHeaders(status: number, raw: Buffer[], resume: () => void): boolean {
    if (status < 200 || this.#answered) return true;
    this.#answered = true;
    this.#resume = resume;
    const empty = this.method === 'HEAD' || NO_CONTENT_STATUSES.has(status);
    this.resolve({ status, headers: new UpstreamHeaders(raw), body: empty ? null : this });
    return true;
  }

  // undici: a body chunk; false pauses the connection until the reader has caught up.
  onData(chunk: Buffer): boolean {
    if (this.#done || this.#failure) return true;
    const pending = this.#pending;
    if (pending) {
      this.#pending = null;
      pending.resolve({ done: false, value: new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) });
      return true;
    }
    this.#queue.push(chunk);
    this.#queuedBytes += chunk.byteLength;
    return this.#queuedBytes < HIGH_WATER_BYTES;
  }

  // undici: the body ended.
  onComplete(): void {
    this.#done = true;
    const pending = this.#pending;
    this.#pending = null;
    pending?.resolve({ done: true, value: undefined });
  }

  // undici: the request failed, before the answer (connecting, a refused address) or during the body.
  onError(error: Error): void {
    if (this.#failure) return;
    this.#failure = { error };
    if (!this.#answered) return this.reject(error);
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(error);
  }

  // The body for its one reader: this call.
  getReader(): BodyReader {
    return this;
  }

  // The next chunk, or the end; a failed body rejects (a cancelled one with the reason it was cancelled for).
  read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const chunk = this.#queue.shift();
    if (chunk !== undefined) {
      this.#queuedBytes -= chunk.byteLength;
      if (this.#queue.length === 0) this.#resumeSource();
      return Promise.resolve({ done: false, value: new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) });
    }
    if (this.#failure) return Promise.reject(this.#failure.error);
    if (this.#done) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#resumeSource();
    });
  }

  // The reader gave up: so does the request (its connection is not reused mid-body); a pending read rejects.
  async cancel(reason?: unknown): Promise<void> {
    this.#giveUp(reason ?? new Error('the body was cancelled'));
  }

  // Lets a paused connection go on (the reader has taken what was queued).
  #resumeSource(): void {
    const resume = this.#resume;
    if (resume !== null && !this.#done && !this.#failure) resume();
  }

  // Aborts the request unless it already ended, and fails what is still waiting with reason.
  #giveUp(reason: unknown): void {
    if (this.#done || this.#failure) return;
    const error = reason instanceof Error ? reason : new Error(String(reason));
    this.#queue.length = 0;
    this.#queuedBytes = 0;
    if (this.#abort) this.#abort(error); // undici answers with onError(error).
    else this.onError(error);
  }
}

// An answer's headers as the Fetch standard combines them, decoded once from the raw ones: looked up by lower-case
// name, repeated values joined with a comma (Set-Cookie aside, which the proxy never passes on).
class UpstreamHeaders {
  readonly #values = new Map<string, string>();

  // The headers of raw (name, value, name, value, ... as bytes).
  constructor(raw: readonly Buffer[]) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const name = raw[index]!.toString('latin1').toLowerCase();
      const value = raw[index + 1]!.toString('latin1');
      const before = this.#values.get(name);
      this.#values.set(name, before === undefined ? value : `${before}, ${value}`);
    }
  }

  // The value of a header named in lower case, or null.
  get(name: string): string | null {
    return this.#values.get(name) ?? null;
  }
}
