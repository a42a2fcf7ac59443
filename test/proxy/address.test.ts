// The address classifier: IPv4 and IPv6 special-purpose ranges, embedded IPv4 forms, and what is allowed.
import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedClass, parseIpv6 } from '../../src/proxy/address';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['140.82.112.3', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.63.255.255', 'public'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.0', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.0.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['172.15.255.255', 'public'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.20.0.0', 'public'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
  ])('IPv4 %s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each([
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['[2a00:1450:4001::200e]', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'reserved'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001::1', 'reserved'],
    ['2002:c0a8:101::1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::1', 'private'],
    ['::a00:1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('IPv6 %s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::FFFF:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:192.168.1.1', 'private'],
    ['::ffff:100.64.0.1', 'shared'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    // NAT64 is translated by a gateway on the network: an embedded loopback is not this machine.
    ['64:ff9b::7f00:1', 'reserved'],
    ['64:ff9b::127.0.0.1', 'reserved'],
  ])('IPv4 embedded in IPv6, %s, is classified by the IPv4 address: %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each(['localhost', 'registry.example', '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '0x7f.0.0.1', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', ':::', 'g::1', '1:2:3:4:5:6:7'])(
    '%j is not an IP address',
    (text) => {
      expect(classifyAddress(text)).toBeNull();
    },
  );

  it('parses the text forms of RFC 4291 §2.2 to the same value', () => {
    expect(parseIpv6('::ffff:1.2.3.4')).toBe(parseIpv6('0:0:0:0:0:ffff:102:304'));
    expect(parseIpv6('1:2:3:4:5:6:7::')).toBe(parseIpv6('1:2:3:4:5:6:7:0'));
    expect(parseIpv6('::2:3:4:5:6:7:8')).toBe(parseIpv6('0:2:3:4:5:6:7:8'));
  });
});

describe('isAllowedClass', () => {
  it('allows public addresses, and loopback only when asked', () => {
    expect(isAllowedClass('public', false)).toBe(true);
    expect(isAllowedClass('loopback', false)).toBe(false);
    expect(isAllowedClass('loopback', true)).toBe(true);
    for (const cls of ['private', 'shared', 'link-local', 'unique-local', 'multicast', 'unspecified', 'benchmarking', 'documentation', 'metadata', 'reserved'] as const) {
      expect(isAllowedClass(cls, true)).toBe(false);
    }
  });
});
