// The rate-limit key: the peer address unless reverse proxies are trusted, then the address the farthest trusted
// one saw; IPv6 grouped by prefix, IPv4-mapped IPv6 read as IPv4.
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../src/server/client-key';
import { serverOptionsFromEnv } from '../../src/server/main';

const direct = { trustedProxyHops: 0, ipv6PrefixBits: 64 };
const oneHop = { trustedProxyHops: 1, ipv6PrefixBits: 64 };

describe('clientKey', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientKey('198.51.100.1', '203.0.113.9', direct)).toBe('198.51.100.1');
  });

  it('takes the entry the trusted proxies appended, never one the client wrote', () => {
    expect(clientKey('10.0.0.2', 'spoofed, 203.0.113.9', oneHop)).toBe('203.0.113.9');
    expect(clientKey('10.0.0.2', 'spoofed, 203.0.113.9, 10.0.0.3', { ...oneHop, trustedProxyHops: 2 })).toBe('203.0.113.9');
    expect(clientKey('10.0.0.2', null, oneHop)).toBe('10.0.0.2');
  });

  it('groups IPv6 by its /64 (or the configured prefix) and reads IPv4-mapped addresses as IPv4', () => {
    expect(clientKey('2001:db8:1:2::1', null, direct)).toBe(clientKey('2001:db8:1:2:ffff::9', null, direct));
    expect(clientKey('2001:db8:1:2::1', null, direct)).not.toBe(clientKey('2001:db8:1:3::1', null, direct));
    expect(clientKey('2001:db8:1:2::1', null, { ...direct, ipv6PrefixBits: 128 })).not.toBe(clientKey('2001:db8:1:2::2', null, { ...direct, ipv6PrefixBits: 128 }));
    expect(clientKey('::ffff:198.51.100.1', null, direct)).toBe('198.51.100.1');
    expect(clientKey('10.0.0.2', '[2001:db8::5]:4711', oneHop)).toBe(clientKey('2001:db8::6', null, direct));
  });

  it('is configured by SIGNET_TRUSTED_PROXY_HOPS and SIGNET_RATE_IPV6_PREFIX', () => {
    expect(serverOptionsFromEnv({ SIGNET_TRUSTED_PROXY_HOPS: '2', SIGNET_RATE_IPV6_PREFIX: '56' }, 'dist').clientKey).toEqual({ trustedProxyHops: 2, ipv6PrefixBits: 56 });
    expect(() => serverOptionsFromEnv({ SIGNET_RATE_IPV6_PREFIX: '0' }, 'dist')).toThrow(/SIGNET_RATE_IPV6_PREFIX/);
    expect(serverOptionsFromEnv({ SIGNET_PROXY_MAX_CONCURRENT: '64' }, 'dist').proxy?.maxConcurrent).toBe(64);
  });
});
