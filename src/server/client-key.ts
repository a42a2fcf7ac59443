// Who a request comes from, for the proxy's per-client rate limit: the peer address, or behind trusted reverse
// proxies the address the farthest trusted one saw (X-Forwarded-For, appended to by each hop); IPv6 addresses are
// grouped by prefix, since one user commonly holds a whole /64.
import { isIPv4 } from 'node:net';
import { parseIpv4, parseIpv6 } from '../proxy/address';

export interface ClientKeyOptions {
  /** Reverse proxies in front of this server whose X-Forwarded-For entries are believed (0: none). */
  trustedProxyHops: number;
  /** IPv6 addresses sharing this many leading bits count as one client. */
  ipv6PrefixBits: number;
}

export const DEFAULT_CLIENT_KEY_OPTIONS: ClientKeyOptions = { trustedProxyHops: 0, ipv6PrefixBits: 64 };

// The client's key: the address `trustedProxyHops` hops back from the peer (the farthest one named when the
// chain is shorter), grouped by prefix when it is IPv6.
export function clientKey(peerAddress: string, forwardedFor: string | null, { trustedProxyHops, ipv6PrefixBits }: ClientKeyOptions): string {
  const chain = [peerAddress];
  if (trustedProxyHops > 0 && forwardedFor !== null) {
    chain.push(...forwardedFor.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').reverse());
  }
  return groupAddress(chain[Math.min(trustedProxyHops, chain.length - 1)] ?? '', ipv6PrefixBits);
}

// An address as a rate-limit key: IPv4 (IPv4-mapped too) as is, IPv6 as its prefix, anything else as given.
function groupAddress(entry: string, prefixBits: number): string {
  if (isIPv4(entry)) return entry; // The common case, a socket's own IPv4 address, decided without parsing it here.
  const address = entry.replace(/^\[(.*)\](?::\d+)?$/, '$1').replace(/%.*$/, '');
  const ipv4 = parseIpv4(address.replace(/:\d+$/, ''));
  if (ipv4 !== null) return address.replace(/:\d+$/, '');
  const ipv6 = parseIpv6(address);
  if (ipv6 === null) return address.slice(0, 64);
  if (ipv6 >> 32n === 0xffffn) return [24n, 16n, 8n, 0n].map((shift) => String((ipv6 >> shift) & 0xffn)).join('.');
  const shift = BigInt(128 - prefixBits);
  return `${((ipv6 >> shift) << shift).toString(16)}/${prefixBits}`;
}
