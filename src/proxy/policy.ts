// What the proxy may reach and how much it may carry, resolved once into a complete, validated object.
import type { CapacityLimits } from './capacity';
import type { ExchangeLimits } from './exchange';

export interface ProxyPolicy extends ExchangeLimits, CapacityLimits {
  /**
   * Local development only: loopback targets, and plain http to them, but only on the host the client named (a
   * registry's realm and redirects stay on that registry's host). Nothing else private ever.
   */
  allowLoopback: boolean;
  /** Origins (scheme://host[:port]) that get CORS headers; the app's own origin needs none. */
  allowedOrigins: readonly string[];
  /** Hosts (host[:port]) whose Rekor read API may be reached. */
  rekorHosts: readonly string[];
  /** Hosts (host[:port]) whose TUF repository may be read. */
  tufHosts: readonly string[];
  /** Largest response body forwarded, in bytes. */
  maxResponseBytes: number;
  /** Largest token response body read (token responses are read whole to cache anonymous tokens). */
  maxTokenBytes: number;
  /** Redirects followed for one request. */
  maxRedirects: number;
  /** Requests a client may make in a burst, and how many it regains per second. */
  rate: { burst: number; perSecond: number };
  /** How long a realm named in a registry's challenge stays usable for token requests. */
  realmTtlMs: number;
}

export const DEFAULT_PROXY_POLICY: ProxyPolicy = {
  allowLoopback: false,
  allowedOrigins: [],
  rekorHosts: ['rekor.sigstore.dev', 'log2025-1.rekor.sigstore.dev', 'rekor.sigstage.dev'],
  tufHosts: ['tuf-repo-cdn.sigstore.dev', 'tuf-repo.github.com', 'tuf-repo-cdn.sigstage.dev'],
  maxResponseBytes: 32 * 1024 * 1024,
  maxTokenBytes: 64 * 1024,
  timeoutMs: 20_000,
  minBytesPerSecond: 1024,
  rateWindowMs: 10_000,
  maxConcurrent: 512,
  maxBufferedBytes: 64 * 1024 * 1024,
  maxRedirects: 5,
  rate: { burst: 120, perSecond: 20 },
  realmTtlMs: 60 * 60 * 1000,
};

// The defaults overridden by the given fields; throws on values that cannot work.
export function resolveProxyPolicy(overrides: Partial<ProxyPolicy> = {}): ProxyPolicy {
  const policy: ProxyPolicy = { ...DEFAULT_PROXY_POLICY, ...overrides };
  const { maxResponseBytes, maxTokenBytes, timeoutMs, minBytesPerSecond, rateWindowMs, maxBufferedBytes, realmTtlMs } = policy;
  const positive = { maxResponseBytes, maxTokenBytes, timeoutMs, minBytesPerSecond, rateWindowMs, maxBufferedBytes, realmTtlMs, burst: policy.rate.burst, perSecond: policy.rate.perSecond };
  for (const [name, value] of Object.entries(positive)) {
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`proxy policy: ${name} must be a positive number, got ${value}`);
  }
  for (const [name, value, least] of [['maxRedirects', policy.maxRedirects, 0], ['maxConcurrent', policy.maxConcurrent, 1]] as const) {
    if (!(Number.isInteger(value) && value >= least)) throw new Error(`proxy policy: ${name} must be a whole number of at least ${least}, got ${value}`);
  }
  for (const origin of policy.allowedOrigins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) throw new Error(`proxy policy: ${JSON.stringify(origin)} is not an origin such as https://app.example`);
  }
  return {
    ...policy,
    rekorHosts: policy.rekorHosts.map((host) => host.toLowerCase()),
    tufHosts: policy.tufHosts.map((host) => host.toLowerCase()),
  };
}

// The items of a comma-separated list, trimmed, empty ones dropped.
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// The policy for `npm start`: SIGNET_PROXY_ALLOW_LOOPBACK=1 for local development, SIGNET_PROXY_ORIGINS a comma list,
// SIGNET_PROXY_REKOR_HOSTS and SIGNET_PROXY_TUF_HOSTS extra hosts (private instances) beside the public ones,
// SIGNET_PROXY_MAX_CONCURRENT the exchanges carried at once.
export function proxyPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): ProxyPolicy {
  const overrides: Partial<ProxyPolicy> = {
    allowLoopback: env.SIGNET_PROXY_ALLOW_LOOPBACK === '1',
    allowedOrigins: commaList(env.SIGNET_PROXY_ORIGINS),
    rekorHosts: [...DEFAULT_PROXY_POLICY.rekorHosts, ...commaList(env.SIGNET_PROXY_REKOR_HOSTS)],
    tufHosts: [...DEFAULT_PROXY_POLICY.tufHosts, ...commaList(env.SIGNET_PROXY_TUF_HOSTS)],
  };
  if (env.SIGNET_PROXY_MAX_CONCURRENT) overrides.maxConcurrent = Number(env.SIGNET_PROXY_MAX_CONCURRENT);
  return resolveProxyPolicy(overrides);
}
