// An in-memory registry behind a fetch function: the pull side of the OCI distribution spec v1.1
// (manifests, blobs, tags, referrers API with filtering and pagination) guarded by the Docker token
// flow or Basic auth, with switches and hooks for the ways real registries differ or misbehave.
import type { FetchFunction, FetchInit } from '../../../src/oci';
import { sha256Digest, type BuiltManifest, type Bytes, type Descriptor } from '../../support/registry/descriptor';
import { OCI_INDEX } from '../../support/registry/media-types';

export interface FakeRegistryOptions {
  /** Origin of the registry API, e.g. 'https://registry.test'. */
  origin?: string;
  /** The token endpoint named in Bearer challenges. */
  realm?: string;
  service?: string;
  /** 'bearer' (Docker token flow), 'basic' (credentials on every request) or 'anonymous'. */
  auth?: 'bearer' | 'basic' | 'anonymous';
  /** When set, only these users get tokens (bearer) or in (basic). */
  users?: Record<string, string>;
  /** Lifetime of tokens, and the name of the field carrying them. */
  tokenSeconds?: number;
  tokenField?: 'token' | 'access_token';
  /** Without it the referrers API answers 404, as registries before OCI 1.1 do. */
  referrersApi?: boolean;
  /** Whether the referrers API applies ?artifactType= itself (and says so in OCI-Filters-Applied). */
  filtersArtifactType?: boolean;
  /** Referrers per page (Link: rel="next" to the rest). */
  pageSize?: number;
  /** The registry's clock in milliseconds, for token expiry. */
  now?: () => number;
}

interface StoredManifest {
  bytes: Bytes;
  mediaType: string;
  subject?: string;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** A hook that may answer a request before the registry does (to lie, fail or serve other bytes). */
export type Intercept = (url: URL, init: FetchInit) => Response | undefined;

// A JSON body with its Content-Type.
function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

// A distribution-spec error body.
function specError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { errors: [{ code, message }] }, headers);
}

export class FakeRegistry {
  /** Every URL requested, in order. */
  readonly log: string[] = [];
  private readonly manifests = new Map<string, StoredManifest>();
  private readonly tags = new Map<string, string>();
  private readonly blobs = new Map<string, Bytes>();
  private readonly tokens = new Map<string, { scope: string; expiresAt: number }>();
  private readonly intercepts: Intercept[] = [];
  private readonly options: Required<Omit<FakeRegistryOptions, 'users' | 'pageSize'>> & Pick<FakeRegistryOptions, 'users' | 'pageSize'>;

  constructor(options: FakeRegistryOptions = {}) {
    this.options = {
      origin: 'https://registry.test',
      realm: 'https://auth.test/token',
      service: 'registry.test',
      auth: 'bearer',
      tokenSeconds: 300,
      tokenField: 'token',
      referrersApi: true,
      filtersArtifactType: true,
      now: () => 0,
      ...options,
    };
  }

  // Store a built manifest with its blobs and child manifests, optionally under a tag; returns its digest.
  push(repo: string, built: BuiltManifest, tag?: string): string {
    for (const blob of built.blobs) this.putBlob(repo, sha256Digest(blob), blob);
    for (const child of built.children) this.push(repo, child);
    return this.putManifest(repo, built.bytes, built.mediaType, tag);
  }

  // Store manifest bytes as they are, under their sha256 digest and optionally a tag.
  putManifest(repo: string, bytes: Bytes, mediaType: string, tag?: string): string {
    const digest = sha256Digest(bytes);
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as { subject?: Descriptor; artifactType?: string; config?: Descriptor; annotations?: Record<string, string> };
    const artifactType = doc.artifactType ?? doc.config?.mediaType;
    this.manifests.set(`${repo}@${digest}`, { bytes, mediaType, subject: doc.subject?.digest, artifactType, annotations: doc.annotations });
    if (tag !== undefined) this.tags.set(`${repo}:${tag}`, digest);
    return digest;
  }

  // Store blob bytes under a digest, which need not be theirs (to play a registry serving the wrong bytes).
  putBlob(repo: string, digest: string, bytes: Bytes): void {
    this.blobs.set(`${repo}@${digest}`, bytes);
  }

  // Answer some requests differently; the first hook that answers wins.
  intercept(hook: Intercept): void {
    this.intercepts.push(hook);
  }

  // How many requests went to a URL path containing the fragment.
  count(fragment: string): number {
    return this.log.filter((url) => url.includes(fragment)).length;
  }

  // The registry's fetch: hooks first, then the token endpoint, then the /v2/ routes behind auth.
  readonly fetch: FetchFunction = async (url, init) => {
    this.log.push(url);
    const parsed = new URL(url);
    for (const hook of this.intercepts) {
      const answer = hook(parsed, init);
      if (answer) return answer;
    }
    if (url.startsWith(`${this.options.realm}?`)) return this.token(parsed, init.headers);
    if (parsed.origin !== this.options.origin) throw new TypeError(`fetch failed: no route to ${parsed.origin}`);
    const route = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(parsed.pathname);
    if (!route) return new Response('404 page not found', { status: 404 });
    const [, repo = '', kind, reference = ''] = route;
    const denied = this.authorize(repo, init.headers);
    if (denied) return denied;
    if (kind === 'manifests') return this.manifest(repo, reference);
    if (kind === 'blobs') return this.blob(repo, reference);
    return this.referrers(repo, reference, parsed);
  };

  // The 401 a registry sends, with the challenge of its auth scheme.
  private challenge(repo: string): Response {
    const header =
      this.options.auth === 'basic'
        ? 'Basic realm="fake registry"'
        : `Bearer realm="${this.options.realm}",service="${this.options.service}",scope="repository:${repo}:pull",error="insufficient_scope"`;
    return specError(401, 'UNAUTHORIZED', 'authentication required', { 'WWW-Authenticate': header });
  }

  // Check the Authorization header for the registry's scheme, or answer 401.
  private authorize(repo: string, headers: Record<string, string>): Response | undefined {
    const authorization = headers.Authorization ?? '';
    if (this.options.auth === 'anonymous') return undefined;
    if (this.options.auth === 'basic') return this.validBasic(authorization) ? undefined : this.challenge(repo);
    const token = this.tokens.get(authorization.replace(/^Bearer /, ''));
    const valid = authorization.startsWith('Bearer ') && token && token.scope === `repository:${repo}:pull` && this.options.now() < token.expiresAt;
    return valid ? undefined : this.challenge(repo);
  }

  // Whether a Basic header names a known user (any header passes when no users are configured).
  private validBasic(authorization: string): boolean {
    if (!this.options.users) return true;
    if (!authorization.startsWith('Basic ')) return false;
    const [user = '', ...rest] = atob(authorization.slice('Basic '.length)).split(':');
    return this.options.users[user] === rest.join(':');
  }

  // The token endpoint of the Docker token spec.
  private token(url: URL, headers: Record<string, string>): Response {
    const scope = url.searchParams.get('scope') ?? '';
    if (url.searchParams.get('service') !== this.options.service) return json(400, { details: 'unknown service' });
    if (this.options.users && !this.validBasic(headers.Authorization ?? '')) return json(401, { details: 'incorrect username or password' });
    const token = `token-${this.tokens.size + 1}`;
    this.tokens.set(token, { scope, expiresAt: this.options.now() + this.options.tokenSeconds * 1000 });
    return json(200, { [this.options.tokenField]: token, expires_in: this.options.tokenSeconds, issued_at: '2026-06-08T07:05:26Z' });
  }

  // GET a manifest by tag or digest.
  private manifest(repo: string, reference: string): Response {
    const digest = reference.includes(':') ? reference : this.tags.get(`${repo}:${reference}`);
    const stored = digest && this.manifests.get(`${repo}@${digest}`);
    if (!digest || !stored) return specError(404, 'MANIFEST_UNKNOWN', `manifest unknown: ${reference}`);
    return new Response(stored.bytes, { headers: { 'Content-Type': stored.mediaType, 'Docker-Content-Digest': digest, 'Content-Length': String(stored.bytes.length) } });
  }

  // GET a blob by digest.
  private blob(repo: string, digest: string): Response {
    const bytes = this.blobs.get(`${repo}@${digest}`);
    if (!bytes) return specError(404, 'BLOB_UNKNOWN', `blob unknown: ${digest}`);
    return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest } });
  }

  // The referrers API: an index of the manifests whose subject is the digest, filtered and paged.
  private referrers(repo: string, digest: string, url: URL): Response {
    if (!this.options.referrersApi) return new Response('404 page not found', { status: 404 });
    const artifactType = url.searchParams.get('artifactType');
    const filter = artifactType !== null && this.options.filtersArtifactType;
    const all = [...this.manifests.entries()]
      .filter(([key, m]) => key.startsWith(`${repo}@`) && m.subject === digest && (!filter || m.artifactType === artifactType))
      .map(([key, m]): Descriptor => ({ mediaType: m.mediaType, size: m.bytes.length, digest: key.slice(repo.length + 1), ...(m.annotations ? { annotations: m.annotations } : {}), ...(m.artifactType ? { artifactType: m.artifactType } : {}) }));
    const page = Number(url.searchParams.get('page') ?? '1');
    const size = this.options.pageSize ?? all.length;
    const headers: Record<string, string> = { 'Content-Type': OCI_INDEX };
    if (filter) headers['OCI-Filters-Applied'] = 'artifactType';
    if (page * size < all.length) {
      const next = new URLSearchParams(url.searchParams);
      next.set('page', String(page + 1));
      headers.Link = `<${url.pathname}?${next.toString()}>; rel="next"`;
    }
    return json(200, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: all.slice((page - 1) * size, page * size) }, headers);
  }
}
