// The proxy policy: defaults, validation, and reading it from the environment.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROXY_POLICY, proxyPolicyFromEnv, resolveProxyPolicy } from '../../src/proxy';

describe('proxyPolicyFromEnv', () => {
  it('refuses loopback and sends no CORS headers by default', () => {
    const policy = proxyPolicyFromEnv({});
    expect(policy.allowLoopback).toBe(false);
    expect(policy.allowedOrigins).toEqual([]);
    expect(policy.rekorHosts).toEqual(['rekor.sigstore.dev', 'log2025-1.rekor.sigstore.dev', 'rekor.sigstage.dev']);
    expect(policy.tufHosts).toEqual(['tuf-repo-cdn.sigstore.dev', 'tuf-repo.github.com', 'tuf-repo-cdn.sigstage.dev']);
    expect(policy.maxResponseBytes).toBe(32 * 1024 * 1024);
    expect(policy.timeoutMs).toBe(20_000);
  });

  it('reads SIGNET_PROXY_ALLOW_LOOPBACK=1 and a comma list of origins', () => {
    const policy = proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: '1', SIGNET_PROXY_ORIGINS: 'https://a.example, http://localhost:5173,' });
    expect(policy.allowLoopback).toBe(true);
    expect(policy.allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: 'true' }).allowLoopback).toBe(false);
  });

  it('adds the Rekor and TUF hosts of private instances named in SIGNET_PROXY_REKOR_HOSTS and SIGNET_PROXY_TUF_HOSTS', () => {
    const policy = proxyPolicyFromEnv({ SIGNET_PROXY_REKOR_HOSTS: 'rekor.corp.example, 127.0.0.1:3000', SIGNET_PROXY_TUF_HOSTS: 'tuf.corp.example' });
    expect(policy.rekorHosts).toContain('127.0.0.1:3000');
    expect(policy.rekorHosts).toContain('rekor.sigstore.dev');
    expect(policy.tufHosts).toContain('tuf.corp.example');
  });

  it('refuses an origin that is not one', () => {
    expect(() => proxyPolicyFromEnv({ SIGNET_PROXY_ORIGINS: 'https://a.example/path' })).toThrow(/not an origin/);
    expect(() => proxyPolicyFromEnv({ SIGNET_PROXY_ORIGINS: '*' })).toThrow(/not an origin/);
  });
});

describe('resolveProxyPolicy', () => {
  it('refuses caps that cannot work', () => {
    expect(() => resolveProxyPolicy({ maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
    expect(() => resolveProxyPolicy({ timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => resolveProxyPolicy({ rate: { burst: 1, perSecond: -1 } })).toThrow(/perSecond/);
    expect(() => resolveProxyPolicy({ maxRedirects: 1.5 })).toThrow(/maxRedirects/);
  });

  it('lower-cases configured hosts', () => {
    expect(resolveProxyPolicy({ rekorHosts: ['Rekor.Example'] }).rekorHosts).toEqual(['rekor.example']);
    expect(resolveProxyPolicy()).toEqual(DEFAULT_PROXY_POLICY);
  });
});
