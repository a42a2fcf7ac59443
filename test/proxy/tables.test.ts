// The proxy's in-memory tables: anonymous token cache, realm records, per-client rate limit; and challenge parsing.
import { describe, expect, it } from 'vitest';
import { bearerRealm, parseChallenges } from '../../src/proxy/challenge';
import { RateLimiter } from '../../src/proxy/rate-limiter';
import { RealmRegistry } from '../../src/proxy/realms';
import { TokenCache } from '../../src/proxy/token-cache';

// A clock the test moves by hand.
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const TOKEN_URL = new URL('https://auth.example/token?service=registry.example&scope=repository:a/b:pull&scope=repository:c/d:pull');

describe('TokenCache', () => {
  it('keeps a token until its expiry minus a margin, reporting the time left', () => {
    const time = clock();
    const cache = new TokenCache(time.now);
    cache.store(TOKEN_URL, { token: 't1', expires_in: 300 });
    expect(cache.get(TOKEN_URL)).toEqual({ token: 't1', expiresIn: 300 });
    time.advance(100_000);
    expect(cache.get(TOKEN_URL)).toEqual({ token: 't1', expiresIn: 200 });
    time.advance(189_999);
    expect(cache.get(TOKEN_URL)?.token).toBe('t1');
    time.advance(1);
    expect(cache.get(TOKEN_URL)).toBeNull();
  });

  it('reads access_token, defaults expires_in to 60 s and caps long lifetimes', () => {
    const time = clock();
    const cache = new TokenCache(time.now);
    cache.store(TOKEN_URL, { access_token: 'a' });
    expect(cache.get(TOKEN_URL)).toEqual({ token: 'a', expiresIn: 60 });
    time.advance(50_000);
    expect(cache.get(TOKEN_URL)).toBeNull();
    cache.store(TOKEN_URL, { token: 'long', expires_in: 10 ** 9 });
    expect(cache.get(TOKEN_URL)?.expiresIn).toBe(3600);
  });

  it('keys by realm, service and the set of scopes', () => {
    const cache = new TokenCache();
    cache.store(TOKEN_URL, { token: 't' });
    const reordered = new URL('https://auth.example/token?scope=repository:c/d:pull&service=registry.example&scope=repository:a/b:pull');
    expect(cache.get(reordered)?.token).toBe('t');
    expect(cache.get(new URL('https://auth.example/token?service=registry.example&scope=repository:a/b:pull'))).toBeNull();
    expect(cache.get(new URL('https://auth.example/token?service=other&scope=repository:a/b:pull&scope=repository:c/d:pull'))).toBeNull();
    expect(cache.get(new URL('https://auth.example/other?service=registry.example&scope=repository:a/b:pull&scope=repository:c/d:pull'))).toBeNull();
  });

  it.each([null, 'token', [], {}, { token: '' }, { token: 7 }, { token: 't', expires_in: 0 }, { token: 't', expires_in: -5 }, { token: 't', expires_in: '300' }])('ignores %j', (body) => {
    const cache = new TokenCache();
    cache.store(TOKEN_URL, body);
    expect(cache.get(TOKEN_URL)).toBeNull();
  });
});

describe('RealmRegistry', () => {
  it('allows a named realm for its TTL, whatever the query', () => {
    const time = clock();
    const realms = new RealmRegistry(60_000, time.now);
    realms.record('registry.example', new URL('https://auth.example/token'));
    expect(realms.namedBy(new URL('https://auth.example/token?scope=x'))).toEqual(['registry.example']);
    expect(realms.namedBy(new URL('https://auth.example/token/other'))).toEqual([]);
    expect(realms.namedBy(new URL('http://auth.example/token'))).toEqual([]);
    time.advance(60_000);
    expect(realms.namedBy(new URL('https://auth.example/token'))).toEqual([]);
  });

  it('keeps one realm per registry host, the latest', () => {
    const realms = new RealmRegistry(60_000);
    realms.record('registry.example', new URL('https://auth.example/one'));
    realms.record('registry.example', new URL('https://auth.example/two'));
    expect(realms.namedBy(new URL('https://auth.example/one'))).toEqual([]);
    expect(realms.namedBy(new URL('https://auth.example/two'))).toEqual(['registry.example']);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 2, perSecond: 0.5 }, time.now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 2]);
    expect(limiter.take('b')).toBe(0);
    time.advance(2000);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(2);
  });
});

describe('parseChallenges', () => {
  it('reads the realm of a Bearer challenge (Docker token auth spec form)', () => {
    expect(bearerRealm('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"')).toBe('https://auth.docker.io/token');
  });

  it('reads several challenges, quoted escapes and bare tokens', () => {
    const challenges = parseChallenges('Basic realm="Registry \\"x\\"", Bearer realm="https://a.example/token", service="a, b",scope=pull');
    expect(challenges?.get('basic')?.get('realm')).toBe('Registry "x"');
    expect(challenges?.get('bearer')?.get('realm')).toBe('https://a.example/token');
    expect(challenges?.get('bearer')?.get('service')).toBe('a, b');
    expect(challenges?.get('bearer')?.get('scope')).toBe('pull');
  });

  it('is case-insensitive in scheme and parameter names', () => {
    expect(bearerRealm('BEARER Realm="https://a.example/t"')).toBe('https://a.example/t');
  });

  it.each(['', 'Basic realm="x"', 'Bearer', 'Bearer realm="unterminated', '"quoted" scheme', 'Bearer token68abc==', 'Bearer realm=https://unquoted.example/token'])('finds no Bearer realm in %j', (header) => {
    expect(bearerRealm(header)).toBeNull();
  });
});
