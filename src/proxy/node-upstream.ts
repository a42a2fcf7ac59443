// The Upstream for Node (node:http, node:https): resolves the name itself, refuses any address that is not
// public (loopback too, unless the policy allows it), and connects to exactly the address it checked.
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { assertAllowedAddress } from './address';
import type { ProxyPolicy } from './policy';
import type { Upstream } from './upstream';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Name resolution; the system resolver unless a test supplies its own answers. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

// The system resolver, every address of the name.
export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

// RFC 9110 §6.4.1: no content for these statuses or for HEAD, whatever the headers say.
const NO_CONTENT = new Set([204, 205, 304]);

// The Node upstream for a policy; each request gets its own connection (no agent), made to a checked address.
export function createNodeUpstream(policy: Pick<ProxyPolicy, 'allowLoopback'>, resolve: Resolver = systemResolver): Upstream {
  return async (target, { method, headers, signal, body }) => {
    // IP literals never reach lookup (net.connect uses them as they are), so they are checked here.
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) assertAllowedAddress(host, policy.allowLoopback, target.href);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolveResponse, reject) => {
      const request = send(target, { method, headers: Object.fromEntries(headers), lookup: checkedLookup(target.href, policy.allowLoopback, resolve), signal, agent: false }, (message) => {
        try {
          resolveResponse(toResponse(message, method));
        } catch (error) {
          message.destroy();
          reject(error);
        }
      });
      request.on('error', reject);
      request.end(body);
    });
  };
}

// A net lookup that resolves the name once, refuses it when any address is not allowed, and hands net exactly the
// checked addresses, so the connection goes to one of them and no second resolution can differ.
function checkedLookup(target: string, allowLoopback: boolean, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const answer = callback as (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    resolve(hostname)
      .then((addresses) => {
        for (const { address } of addresses) assertAllowedAddress(address, allowLoopback, target);
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

// The WHATWG Response for an upstream answer, its body streamed.
function toResponse(message: IncomingMessage, method: string): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!);
  const status = message.statusCode ?? 0;
  if (method === 'HEAD' || NO_CONTENT.has(status)) {
    message.resume();
    return new Response(null, { status, headers });
  }
  return new Response(Readable.toWeb(message) as ReadableStream<Uint8Array>, { status, headers });
}
