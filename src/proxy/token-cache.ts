// Anonymous registry tokens kept until shortly before they expire, per token endpoint, service and scope
// (Docker token authentication spec: response `{ token | access_token, expires_in }`, expires_in defaulting to 60 s).
// Only tokens fetched without credentials are kept: such a token is what any client gets for the asking.
import { setNewest } from './bounded-map';

// Tokens kept at once; the oldest is dropped first.
const MAX_ENTRIES = 1000;
// A token is no longer handed out this long before it expires (at most half its lifetime).
const MARGIN_MS = 10_000;
// The spec's lifetime when the response names none.
const DEFAULT_EXPIRES_IN_S = 60;
// Lifetimes are capped so a bogus expires_in cannot pin a token for days.
const MAX_EXPIRES_IN_S = 3600;

export interface CachedToken {
  token: string;
  /** Seconds the token is still valid for. */
  expiresIn: number;
}

// The cache key of a token request: realm endpoint, service and the sorted scopes.
function keyOf(url: URL): string {
  const scopes = url.searchParams.getAll('scope').sort();
  return JSON.stringify([url.origin, url.pathname, url.searchParams.get('service'), scopes]);
}

export class TokenCache {
  readonly #entries = new Map<string, { token: string; expiresAt: number; servedUntil: number }>();

  // A cache reading the time from now.
  constructor(private readonly now: () => number = Date.now) {}

  // The token for this request if one is kept and still fresh enough to hand out.
  get(url: URL): CachedToken | null {
    const key = keyOf(url);
    const entry = this.#entries.get(key);
    if (!entry) return null;
    const now = this.now();
    if (now >= entry.servedUntil) {
      this.#entries.delete(key);
      return null;
    }
    return { token: entry.token, expiresIn: Math.floor((entry.expiresAt - now) / 1000) };
  }

  // Keeps the token of a token response body; anything that is not such a body is ignored.
  store(url: URL, body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const { token, access_token: accessToken, expires_in: expiresIn } = body as Record<string, unknown>;
    const value = typeof token === 'string' && token !== '' ? token : accessToken;
    if (typeof value !== 'string' || value === '') return;
    const seconds = expiresIn === undefined ? DEFAULT_EXPIRES_IN_S : expiresIn;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return;
    const lifetimeMs = Math.min(seconds, MAX_EXPIRES_IN_S) * 1000;
    const now = this.now();
    const entry = { token: value, expiresAt: now + lifetimeMs, servedUntil: now + lifetimeMs - Math.min(MARGIN_MS, lifetimeMs / 2) };
    setNewest(this.#entries, keyOf(url), entry, MAX_ENTRIES);
  }
}
