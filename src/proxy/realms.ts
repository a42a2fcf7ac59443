// Token realms that registries named in their own Bearer challenges: the only token endpoints the proxy
// forwards to (Docker token authentication spec: the client obtains a token from the realm the registry names).
import { setNewest } from './bounded-map';

// Registry hosts remembered at once; the oldest is forgotten first.
const MAX_REGISTRIES = 1000;

// The part of a URL that names a token endpoint: the query (service, scope) varies per request.
function realmKey(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export class RealmRegistry {
  readonly #byRegistry = new Map<string, { realm: string; expiresAt: number }>();

  // A registry of realms kept ttlMs after the challenge that named them.
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  // Records that registryHost named realm in a challenge (one realm per registry: the latest).
  record(registryHost: string, realm: URL): void {
    setNewest(this.#byRegistry, registryHost, { realm: realmKey(realm), expiresAt: this.now() + this.ttlMs }, MAX_REGISTRIES);
  }

  // The hosts of the registries that named this URL's endpoint as their realm, in records that have not expired.
  namedBy(url: URL): string[] {
    const key = realmKey(url);
    const now = this.now();
    return [...this.#byRegistry].filter(([, { realm, expiresAt }]) => realm === key && expiresAt > now).map(([registryHost]) => registryHost);
  }
}
