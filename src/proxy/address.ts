// Classifies IP addresses by the IANA special-purpose registries (RFC 6890 and its updates), so the proxy
// reaches only public unicast addresses, plus loopback when configured for local development.
import { setNewest } from './bounded-map';
import { ProxyRefusal } from './errors';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'unspecified'
  | 'benchmarking'
  | 'documentation'
  | 'metadata'
  | 'reserved';

// A prefix of the 128-bit space (IPv4 ranges sit in the low 32 bits with their prefix length plus 96).
interface Range {
  base: bigint;
  prefix: number;
  cls: AddressClass;
}

// Cloud instance metadata services (AWS, GCP, Azure; AWS over IPv6); named so a refusal says so.
const METADATA_V4 = known(parseIpv4('169.254.169.254'));
const METADATA_V6 = known(parseIpv6('fd00:ec2::254'));

const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0', 8, 'unspecified'), // RFC 791 "this network"
  v4('10.0.0.0', 8, 'private'), // RFC 1918
  v4('100.64.0.0', 10, 'shared'), // RFC 6598 carrier-grade NAT
  v4('127.0.0.0', 8, 'loopback'), // RFC 1122
  v4('169.254.0.0', 16, 'link-local'), // RFC 3927
  v4('172.16.0.0', 12, 'private'), // RFC 1918
  v4('192.0.0.0', 24, 'reserved'), // RFC 6890 IETF protocol assignments
  v4('192.0.2.0', 24, 'documentation'), // RFC 5737 TEST-NET-1
  v4('192.88.99.0', 24, 'reserved'), // RFC 7526 deprecated 6to4 relay anycast
  v4('192.168.0.0', 16, 'private'), // RFC 1918
  v4('198.18.0.0', 15, 'benchmarking'), // RFC 2544
  v4('198.51.100.0', 24, 'documentation'), // RFC 5737 TEST-NET-2
  v4('203.0.113.0', 24, 'documentation'), // RFC 5737 TEST-NET-3
  v4('224.0.0.0', 4, 'multicast'), // RFC 5771
  v4('240.0.0.0', 4, 'reserved'), // RFC 1112, with 255.255.255.255 broadcast
];

// Prefixes that carry an IPv4 address in their last 32 bits: the embedded address decides, except that only an
// IPv4-mapped address reaches this machine's own loopback. A NAT64 address is translated by a gateway on the
// network, which must not translate to a non-global address (RFC 6052 §3.1), so an embedded loopback is reserved.
const IPV4_MAPPED = v6('::ffff:0:0', 96, 'public'); // RFC 4291 §2.5.5.2
const NAT64 = v6('64:ff9b::', 96, 'public'); // RFC 6052 NAT64 well-known prefix

const IPV6_RANGES: readonly Range[] = [
  v6('::', 128, 'unspecified'), // RFC 4291
  v6('::1', 128, 'loopback'), // RFC 4291
  v6('64:ff9b:1::', 48, 'private'), // RFC 8215 local-use NAT64
  v6('100::', 64, 'reserved'), // RFC 6666 discard-only
  v6('2001:2::', 48, 'benchmarking'), // RFC 5180
  v6('2001:db8::', 32, 'documentation'), // RFC 3849
  v6('2001::', 23, 'reserved'), // RFC 2928 IETF protocol assignments (Teredo, ORCHID, …)
  v6('2002::', 16, 'reserved'), // RFC 3056 6to4 carries an unchecked IPv4 address
  v6('3fff::', 20, 'documentation'), // RFC 9637
  v6('fc00::', 7, 'unique-local'), // RFC 4193
  v6('fe80::', 10, 'link-local'), // RFC 4291
  v6('fec0::', 10, 'reserved'), // RFC 3879 deprecated site-local
  v6('ff00::', 8, 'multicast'), // RFC 4291
];

// Global unicast (RFC 4291 §2.4): an IPv6 address outside 2000::/3 is never public.
const IPV6_GLOBAL = v6('2000::', 3, 'public');

// A constant address parsed at load time; a typo in the tables fails loudly.
function known(value: bigint | null): bigint {
  if (value === null) throw new Error('malformed address constant');
  return value;
}

// An IPv4 range from its first address.
function v4(address: string, prefix: number, cls: AddressClass): Range {
  return { base: known(parseIpv4(address)), prefix: prefix + 96, cls };
}

// An IPv6 range from its first address.
function v6(address: string, prefix: number, cls: AddressClass): Range {
  return { base: known(parseIpv6(address)), prefix, cls };
}

// A strict dotted-quad IPv4 address (no octal, hex or short forms) as a 32-bit value, or null.
export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

// An IPv6 address (RFC 4291 §2.2 text forms, with an optional trailing dotted quad) as a 128-bit value, or null.
export function parseIpv6(text: string): bigint | null {
  const halves = text.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const words: number[][] = [];
  for (const [index, half] of groups.entries()) {
    const parsed = parseGroups(half, index === groups.length - 1);
    if (parsed === null) return null;
    words.push(parsed);
  }
  const [head = [], tail = []] = words;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return all.reduce((value, word) => (value << 16n) | BigInt(word), 0n);
}

// The 16-bit words of colon-separated hex groups; a dotted quad may end the last part and counts as two words.
function parseGroups(groups: string[], isLast: boolean): number[] | null {
  const words: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (isLast && index === groups.length - 1 && group.includes('.')) {
      const quad = parseIpv4(group);
      if (quad === null) return null;
      words.push(Number(quad >> 16n), Number(quad & 0xffffn));
    } else if (/^[0-9a-f]{1,4}$/.test(group)) {
      words.push(parseInt(group, 16));
    } else {
      return null;
    }
  }
  return words;
}

// Whether value lies in range (both as 128-bit values).
function inRange(value: bigint, { base, prefix }: Range): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === base >> shift;
}

// Texts classified recently (short ones: every address form fits): the same hosts and addresses come back on every
// request, and a text's class never changes.
const recent = new Map<string, AddressClass | null>();
const RECENT_MAX = 1024;
const RECENT_TEXT_CHARS = 64;

// The class of an IPv4 or IPv6 address in text form (brackets and a zone allowed), or null when it is not an IP address.
export function classifyAddress(text: string): AddressClass | null {
  const seen = recent.get(text);
  if (seen !== undefined) return seen;
  const cls = classifyText(text);
  if (text.length <= RECENT_TEXT_CHARS) setNewest(recent, text, cls, RECENT_MAX);
  return cls;
}

// classifyAddress, worked out.
function classifyText(text: string): AddressClass | null {
  const address = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const ipv4 = parseIpv4(address);
  if (ipv4 !== null) return classifyIpv4(ipv4);
  const ipv6 = parseIpv6(address);
  if (ipv6 === null) return null;
  if (ipv6 === METADATA_V6) return 'metadata';
  if (inRange(ipv6, IPV4_MAPPED)) return classifyIpv4(ipv6 & 0xffffffffn);
  if (inRange(ipv6, NAT64)) return nat64Class(classifyIpv4(ipv6 & 0xffffffffn));
  const special = IPV6_RANGES.find((range) => inRange(ipv6, range))?.cls;
  return special ?? (inRange(ipv6, IPV6_GLOBAL) ? 'public' : 'reserved');
}

// The class of a NAT64 address from the class of the IPv4 address it embeds: loopback is not this machine's.
function nat64Class(embedded: AddressClass): AddressClass {
  return embedded === 'loopback' ? 'reserved' : embedded;
}

// The class of a 32-bit IPv4 value.
function classifyIpv4(value: bigint): AddressClass {
  if (value === METADATA_V4) return 'metadata';
  return IPV4_RANGES.find((range) => inRange(value, range))?.cls ?? 'public';
}

// Whether a class may be connected to: public always, loopback only for local development.
export function isAllowedClass(cls: AddressClass, allowLoopback: boolean): boolean {
  return cls === 'public' || (allowLoopback && cls === 'loopback');
}

// Throws PROXY_ADDRESS_REFUSED unless address is an IP address the proxy may connect to.
export function assertAllowedAddress(address: string, allowLoopback: boolean, target: string): void {
  const cls = classifyAddress(address);
  if (cls === null || !isAllowedClass(cls, allowLoopback)) {
    const what = cls === null ? 'not an IP address' : `a ${cls} address`;
    throw new ProxyRefusal('PROXY_ADDRESS_REFUSED', `${address} is ${what}; the proxy only connects to public addresses.`, target);
  }
}
