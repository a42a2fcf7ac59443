// Which targets the proxy forwards, by kind: registry API reads, token endpoints a registry named, Rekor reads
// and TUF metadata reads. Everything else is refused with PROXY_PATH_REFUSED.
import { ProxyRefusal } from './errors';
import type { ProxyPolicy } from './policy';
import type { RealmRegistry } from './realms';

/** `cdn` is any hop a blob download was redirected to. */
export type TargetKind = 'registry' | 'blob' | 'token' | 'rekor' | 'tuf' | 'cdn';

// OCI distribution spec, "Pulling" and "Content discovery": repository names, tags and digests.
const COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const NAME = `${COMPONENT}(?:/${COMPONENT})*`;
const TAG = '[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}';
const DIGEST = '[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+';

const REGISTRY_PATHS: readonly RegExp[] = [
  /^\/v2\/$/, // end-1: API version check, where the registry answers with its auth challenge
  new RegExp(`^/v2/${NAME}/manifests/(?:${TAG}|${DIGEST})$`), // end-3
  new RegExp(`^/v2/${NAME}/tags/list$`), // end-8a
  new RegExp(`^/v2/${NAME}/referrers/${DIGEST}$`), // end-12a
];
const BLOB_PATH = new RegExp(`^/v2/${NAME}/blobs/${DIGEST}$`); // end-2

// Rekor v1 REST reads (rekor openapi.yaml) and Rekor v2 reads, which follow C2SP tlog-tiles.
const REKOR_PATHS: readonly RegExp[] = [
  /^\/api\/v1\/log$/,
  /^\/api\/v1\/log\/publicKey$/,
  /^\/api\/v1\/log\/entries$/,
  /^\/api\/v1\/log\/entries\/[0-9a-f]{64,80}$/,
  /^\/api\/v1\/log\/proof$/,
  /^\/api\/v2\/checkpoint$/,
  /^\/api\/v2\/tile\/(?:\d{1,2}|entries)\/(?:x\d{3}\/)*\d{3}(?:\.p\/\d{1,3})?$/,
];

/** The one POST forwarded: Rekor v1's index search (SearchIndex JSON), only to a configured Rekor host. */
export const REKOR_SEARCH_PATH = '/api/v1/index/retrieve';
/** The largest search body forwarded; a SearchIndex with a PEM key fits many times over. */
export const REKOR_SEARCH_BODY_MAX = 64 * 1024;

// Throws unless a POST is the Rekor index search on a configured log, as JSON.
export function assertSearchPost(url: URL, contentType: string | null, policy: ProxyPolicy): void {
  if (url.pathname !== REKOR_SEARCH_PATH || url.search !== '' || !policy.rekorHosts.includes(url.host)) {
    throw new ProxyRefusal('PROXY_METHOD_REFUSED', `POST is forwarded only as a Rekor index search (${REKOR_SEARCH_PATH}) to a configured Rekor log.`, url.href, { Allow: 'GET, HEAD' });
  }
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
    throw new ProxyRefusal('PROXY_METHOD_REFUSED', 'A Rekor index search is sent as application/json.', url.href, { Allow: 'GET, HEAD' });
  }
}

// TUF specification §5 (client workflow): versioned root, timestamp, snapshot, top-level targets, target files.
const TUF_PATHS: readonly RegExp[] = [/^\/(?:\d+\.)?(?:root|snapshot|targets)\.json$/, /^\/timestamp\.json$/, /^\/targets(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/];

/** The methods a rule may forward. */
export type ForwardedMethod = 'GET' | 'HEAD' | 'POST';

// One kind of target: which methods and paths, on which hosts (any public host when hosts is absent).
interface TargetRule {
  kind: TargetKind;
  methods: readonly ForwardedMethod[];
  paths: readonly RegExp[];
  hosts?: (policy: ProxyPolicy) => readonly string[];
}

const READS: readonly ForwardedMethod[] = ['GET', 'HEAD'];

// What the proxy forwards, first match wins; a new kind of read is one more row. Token realms are not a row:
// they are named at run time by registry challenges.
const TARGET_RULES: readonly TargetRule[] = [
  { kind: 'blob', methods: READS, paths: [BLOB_PATH] },
  { kind: 'registry', methods: READS, paths: REGISTRY_PATHS },
  { kind: 'rekor', methods: READS, paths: REKOR_PATHS, hosts: (policy) => policy.rekorHosts },
  { kind: 'rekor', methods: ['POST'], paths: [new RegExp(`^${REKOR_SEARCH_PATH.replaceAll('/', '\\/')}$`)], hosts: (policy) => policy.rekorHosts },
  { kind: 'tuf', methods: READS, paths: TUF_PATHS, hosts: (policy) => policy.tufHosts },
];

/** Every method some rule forwards (token requests are GETs, the one POST is Rekor's search). */
export const FORWARDED_METHODS: readonly ForwardedMethod[] = [...new Set(TARGET_RULES.flatMap((rule) => rule.methods))];

// Whether the proxy forwards this method to anything at all.
export function isForwardedMethod(method: string): method is ForwardedMethod {
  return (FORWARDED_METHODS as readonly string[]).includes(method);
}

// Whether a rule covers this method and URL.
function matches(rule: TargetRule, method: ForwardedMethod, url: URL, policy: ProxyPolicy): boolean {
  return rule.methods.includes(method) && (rule.hosts === undefined || rule.hosts(policy).includes(url.host)) && rule.paths.some((pattern) => pattern.test(url.pathname));
}

// The kind of a target the client asked for; throws PROXY_PATH_REFUSED for anything the app does not need.
export function classifyTarget(url: URL, policy: ProxyPolicy, realms: RealmRegistry, method: ForwardedMethod = 'GET'): TargetKind {
  const rule = TARGET_RULES.find((candidate) => matches(candidate, method, url, policy));
  if (rule) return rule.kind;
  if (READS.includes(method) && realms.namedBy(url).length > 0) return 'token';
  throw new ProxyRefusal(
    'PROXY_PATH_REFUSED',
    'Not a registry API read (/v2/…), a token realm named by a registry challenge, a Rekor read on a configured log, or TUF metadata on a configured repository.',
    url.href,
  );
}

// The kind of a redirect hop: after a blob, any location (a CDN serves it by digest); otherwise the same rules as a request.
export function classifyHop(url: URL, from: TargetKind, policy: ProxyPolicy, realms: RealmRegistry, method: ForwardedMethod): TargetKind {
  // A redirected POST is classified as the read it would become, so the search body is never sent on elsewhere.
  return from === 'blob' || from === 'cdn' ? 'cdn' : classifyTarget(url, policy, realms, method === 'POST' ? 'GET' : method);
}

// Whether an Authorization header may go to a target of this kind: Bearer to registries, realms and a blob's
// same-origin redirect, Basic only to a token realm, nothing to Rekor or TUF.
export function authorizationSuits(authorization: string, kind: TargetKind): boolean {
  const scheme = authorization.trim().split(/\s+/, 1)[0]?.toLowerCase();
  if (scheme === 'basic') return kind === 'token';
  return scheme === 'bearer' && (kind === 'registry' || kind === 'blob' || kind === 'cdn' || kind === 'token');
}

// Throws PROXY_AUTH_REFUSED when the client sent an Authorization header that does not suit the target.
export function assertAuthorization(authorization: string | null, kind: TargetKind, target: string): void {
  if (authorization !== null && !authorizationSuits(authorization, kind)) {
    throw new ProxyRefusal('PROXY_AUTH_REFUSED', `This Authorization is not forwarded to a ${kind} target; Basic goes only to a token realm a registry named.`, target);
  }
}
