// The Upstream for Node (undici): connections pooled per origin, each one made to an address that was checked when
// it was made. The connect hook resolves the name once, refuses it when any address is not allowed (loopback only
// on hops that may reach it), and hands the socket exactly the checked addresses, so the connection is pinned to
// one of them. Loopback-capable hops use a pool of their own, so a connection checked under the looser rule is
// never reused by a hop under the stricter one; a pooled connection never serves another origin.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import { assertAllowedAddress } from './address';
import { ProxyRefusal } from './errors';
import type { Upstream, UpstreamBody, UpstreamResponse } from './upstream';

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

// RFC 9110 §6.4.1: no content for these statuses or for HEAD, whatever the headers say.
const NO_CONTENT = new Set([204, 205, 304]);
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
      const answer = await agentFor(allowLoopback).request({ origin: target.origin, path: `${target.pathname}${target.search}`, method, headers, signal, reset: !pool, ...(body ? { body } : {}) });
      return answerOf(answer, method);
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

type UndiciAnswer = Awaited<ReturnType<Agent['request']>>;

// The upstream's answer as the handler reads it: headers looked up in undici's record as they came (names in lower
// case, repeated ones joined as a WHATWG Headers object joins them), the body read straight from the Node stream.
function answerOf({ statusCode, headers: raw, body }: UndiciAnswer, method: string): UpstreamResponse {
  const headers = { get: (name: string) => headerValue(raw[name.toLowerCase()]) };
  if (method === 'HEAD' || NO_CONTENT.has(statusCode)) {
    body.resume();
    return { status: statusCode, headers, body: null };
  }
  return { status: statusCode, headers, body: nodeBody(body) };
}

// A header's value as the Fetch standard combines it (Set-Cookie aside, which the proxy never passes on).
function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

// A Node stream as a body that is read only when its reader asks (nothing buffered ahead) and destroys the source
// when cancelled. Reads what the source already holds at once (read()), and otherwise waits for 'readable'.
function nodeBody(body: Readable): UpstreamBody {
  let ended = false;
  body.once('end', () => (ended = true));
  // Resolves once the source has a chunk to read, has ended, or has failed (rejecting).
  const ready = () =>
    new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        body.off('readable', onReadable).off('end', onReadable).off('error', settle).off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onReadable = () => settle();
      const onClose = () => settle(ended ? undefined : Object.assign(new Error('the upstream body closed before its end'), { code: 'UND_ERR_SOCKET' }));
      body.on('readable', onReadable).on('end', onReadable).on('error', settle).on('close', onClose);
    });
  // The next chunk, or the end; a failed read rejects.
  const read = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    for (;;) {
      const chunk = body.read() as Buffer | null;
      if (chunk !== null) return { done: false, value: new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) };
      if (ended || body.readableEnded) return { done: true, value: undefined };
      if (body.errored) throw body.errored;
      await ready();
    }
  };
  // The reader gave up: so does the source (its connection is not reused mid-body).
  const cancel = async (): Promise<void> => {
    body.once('error', () => {}); // The abort this raises is the cancellation itself, already handled.
    body.destroy();
  };
  return { getReader: () => ({ read, cancel }), cancel };
}
