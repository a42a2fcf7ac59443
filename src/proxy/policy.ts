// What the proxy may reach and how much it may carry, resolved once into a complete, validated object.
import type { CapacityLimits } from './capacity';
import type { ExchangeLimits } from './exchange';
import type { TargetKind } from './target-rules';

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
  /** Largest Rekor or TUF response body forwarded, in bytes. */
  maxResponseBytes: number;
  /** Largest registry API answer other than a blob (a manifest, an index, a tag or referrers list). */
  maxManifestBytes: number;
  /** Largest blob forwarded (streamed, never held whole), its CDN redirects included. */
  maxBlobBytes: number;
  /** Largest token response body read (token responses are read whole to cache anonymous tokens). */
  maxTokenBytes: number;
  /** Redirects followed for one request. */
  maxRedirects: number;
  /** Requests a client may make in a burst, and how many it regains per second. */
  rate: { burst: number; perSecond: number };
  /** How long a realm named in a registry's challenge stays usable for token requests. */
  realmTtlMs: number;
}

const MiB = 1024 * 1024;
/**
 * A blob must carry the largest attestation the verifier reads: a 64 MiB in-toto statement, base64-encoded in its
 * DSSE envelope (4 bytes per 3), plus 1 MiB for the envelope's and bundle's other fields, as the engine's bundle cap.
 */
const ATTESTATION_BLOB_BYTES = Math.ceil((64 * MiB) / 3) * 4 + MiB;

export const DEFAULT_PROXY_POLICY: ProxyPolicy = {
  allowLoopback: false,
  allowedOrigins: [],
  rekorHosts: ['rekor.sigstore.dev', 'log2025-1.rekor.sigstore.dev', 'rekor.sigstage.dev'],
  tufHosts: ['tuf-repo-cdn.sigstore.dev', 'tuf-repo.github.com', 'tuf-repo-cdn.sigstage.dev'],
  maxResponseBytes: 32 * MiB,
  // OCI distribution spec v1.1: registries accept manifests of at least 4 MiB; the registry client reads no more.
  maxManifestBytes: 4 * MiB,
  maxBlobBytes: ATTESTATION_BLOB_BYTES,
  maxTokenBytes: 64 * 1024,
  timeoutMs: 20_000,
  minBytesPerSecond: 1024,
  rateWindowMs: 10_000,
  maxConcurrent: 512,
  maxBufferedBytes: 64 * MiB,
  maxRedirects: 5,
  rate: { burst: 120, perSecond: 20 },
  realmTtlMs: 60 * 60 * 1000,
};

// The defaults overridden by the given fields; throws on values that cannot work.
export function resolveProxyPolicy(overrides: Partial<ProxyPolicy> = {}): ProxyPolicy {
  const policy: ProxyPolicy = { ...DEFAULT_PROXY_POLICY, ...overrides };
  const { maxResponseBytes, maxManifestBytes, maxBlobBytes, maxTokenBytes, timeoutMs, minBytesPerSecond, rateWindowMs, maxBufferedBytes, realmTtlMs } = policy;
  const positive = { maxResponseBytes, maxManifestBytes, maxBlobBytes, maxTokenBytes, timeoutMs, minBytesPerSecond, rateWindowMs, maxBufferedBytes, realmTtlMs, burst: policy.rate.burst, perSecond: policy.rate.perSecond };
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

// The largest body forwarded for a target of this kind: tokens, manifests, Rekor and TUF stay tight; only blobs
// (which stream through) may be as large as an attestation.
export function maxBytesFor(kind: TargetKind, policy: ProxyPolicy): number {
  switch (kind) {
    case 'blob':
    case 'cdn':
      return policy.maxBlobBytes;
    case 'registry':
      return policy.maxManifestBytes;
    case 'token':
      return policy.maxTokenBytes;
    case 'rekor':
    case 'tuf':
      return policy.maxResponseBytes;
  }
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
