// Registry authorisation: answer a 401's challenge once, then reuse the result. Bearer follows the
// Docker token authentication spec (GET realm?service=…&scope=repository:<name>:pull, reply
// `token`/`access_token` and `expires_in`, default 60 s) with RFC 6750 §3 challenges; Basic is RFC 7617.
import { toBase64 } from '../core/encoding/base64';
import { fromUtf8, utf8 } from '../core/encoding/bytes';
import { isJsonObject, parseJson } from '../core/encoding/json';
import { quote } from '../core/encoding/quote';
import { VerifyError } from '../core/errors';
import { parseAuthChallenges, type AuthChallenge } from './auth-challenge';
import { discardBody, readBody, send, throwForStatus, type FetchFunction } from './http';
import { OCI_LIMITS } from './limits';

export interface Credentials {
  username: string;
  password: string;
}

export interface AuthOptions {
  fetch: FetchFunction;
  credentials: (registry: string) => Credentials | undefined;
  plainHttp: (registry: string) => boolean;
  now: () => number;
}

/** Where a request goes: the registry and the repository whose pull scope it needs. */
export interface RepositoryScope {
  registry: string;
  repository: string;
}

/** GET a registry URL with the right Authorization, answering one 401 challenge if needed. */
export type AuthorizedGet = (target: RepositoryScope, url: string, accept: string, where: string) => Promise<Response>;

/** Seconds a token lives when the token server does not say (Docker token spec). */
const DEFAULT_TOKEN_SECONDS = 60;
/** A token must be safe to put in a header: visible ASCII only. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

interface CachedToken {
  token: Promise<string>;
  expiresAt: number;
}

// Build the authorised GET used by every registry call, with a token cache per registry and scope.
export function createAuthorizedGet(options: AuthOptions): AuthorizedGet {
  const tokens = new Map<string, CachedToken>();
  const basicRegistries = new Set<string>();

  // The live cached token for a target, including one still being fetched.
  const liveToken = (target: RepositoryScope): CachedToken | undefined => {
    const cached = tokens.get(cacheKey(target));
    return cached && options.now() < cached.expiresAt ? cached : undefined;
  };

  // Fetch a token for the target as the Bearer challenge directs, cached until it expires.
  const fetchToken = (target: RepositoryScope, challenge: AuthChallenge): CachedToken => {
    const key = cacheKey(target);
    const pending = requestToken(options, target, challenge);
    const entry: CachedToken = { token: pending.then((t) => t.token), expiresAt: Number.POSITIVE_INFINITY };
    tokens.set(key, entry);
    pending.then(
      (t) => {
        entry.expiresAt = options.now() + t.seconds * 1000;
      },
      () => {
        if (tokens.get(key) === entry) tokens.delete(key);
      },
    );
    return entry;
  };

  // Turn a 401 into an Authorization header for one retry (joining a token another request fetched), or OCI_AUTH_FAILED.
  const answerChallenge = async (target: RepositoryScope, response: Response, used: CachedToken | undefined, where: string): Promise<string> => {
    const challenges = parseAuthChallenges(response.headers.get('www-authenticate') ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const credentials = options.credentials(target.registry);
    if (bearer) {
      await discardBody(response);
      const fresh = liveToken(target);
      return `Bearer ${await (fresh && fresh !== used ? fresh : fetchToken(target, bearer)).token}`;
    }
    if (challenges.some((c) => c.scheme === 'basic') && credentials) {
      await discardBody(response);
      basicRegistries.add(target.registry);
      return basicAuthorization(credentials);
    }
    const reason = challenges.some((c) => c.scheme === 'basic')
      ? `it asks for Basic credentials and none are configured for ${target.registry}`
      : 'its 401 carries no Bearer or Basic challenge';
    return throwForStatus(response, `${where} (${reason})`);
  };

  // Send with what is already known (Basic, or a live token), then answer at most one 401.
  return async (target, url, accept, where) => {
    // GET the URL with an optional Authorization header.
    const get = (authorization: string | undefined) =>
      send(options.fetch, url, { method: 'GET', headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) } }, where);
    const credentials = options.credentials(target.registry);
    const basic = basicRegistries.has(target.registry) && credentials ? basicAuthorization(credentials) : undefined;
    const used = basic ? undefined : liveToken(target);
    const first = await get(basic ?? (used && `Bearer ${await used.token}`));
    if (first.status !== 401) return first;
    const retry = await get(await answerChallenge(target, first, used, where));
    if (retry.status === 401) return throwForStatus(retry, `${where} (the registry refused the credentials it asked for)`);
    return retry;
  };
}

// Tokens are cached per registry and pull scope.
function cacheKey(target: RepositoryScope): string {
  return `${target.registry} ${pullScope(target)}`;
}

// The Docker token scope for reading a repository.
function pullScope(target: RepositoryScope): string {
  return `repository:${target.repository}:pull`;
}

// RFC 7617 Basic credentials (UTF-8, as §2.1 allows).
function basicAuthorization(credentials: Credentials): string {
  return `Basic ${toBase64(utf8(`${credentials.username}:${credentials.password}`))}`;
}

// GET the challenge's realm for a token; expiry is counted from receipt, not the server's issued_at.
async function requestToken(options: AuthOptions, target: RepositoryScope, challenge: AuthChallenge): Promise<{ token: string; seconds: number }> {
  const where = `token for ${target.registry}/${target.repository}`;
  const url = tokenUrl(options, target, challenge, where);
  const credentials = options.credentials(target.registry);
  const authorization = credentials && basicAuthorization(credentials);
  const response = await send(options.fetch, url, { method: 'GET', headers: { Accept: 'application/json', ...(authorization ? { Authorization: authorization } : {}) } }, where);
  if (!response.ok) return throwForStatus(response, where);
  const body = parseJson(fromUtf8(await readBody(response, OCI_LIMITS.tokenResponseBytes, where), where), where, OCI_LIMITS.tokenResponseBytes);
  const fields = isJsonObject(body) ? body : {};
  const token = fields.token ?? fields.access_token;
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) {
    throw new VerifyError('OCI_AUTH_FAILED', `${where}: the token server's answer has no usable "token" or "access_token"`, { where });
  }
  const expiresIn = fields.expires_in;
  return { token, seconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_SECONDS };
}

// The token URL: the realm (https, or http only for a plain-HTTP registry) with service and scope.
function tokenUrl(options: AuthOptions, target: RepositoryScope, challenge: AuthChallenge, where: string): string {
  const realm = challenge.params.realm;
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    throw new VerifyError('OCI_AUTH_FAILED', `${where}: the Bearer challenge's realm ${realm === undefined ? 'null' : quote(realm)} is not an absolute URL`, { where, ...(realm === undefined ? {} : { found: quote(realm) }) });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.plainHttp(target.registry))) {
    throw new VerifyError('OCI_AUTH_FAILED', `${where}: the token realm ${url.origin} is not https`, { where, found: realm });
  }
  const service = challenge.params.service;
  if (service !== undefined) url.searchParams.set('service', service);
  url.searchParams.set('scope', pullScope(target));
  return url.toString();
}
