// A token bucket per client: `burst` requests at once, refilled at `perSecond`.
import { setNewest } from './bounded-map';

// Clients tracked at once; the least recently seen is forgotten first.
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  // A limiter with the given bucket size and refill rate, reading the time from now.
  constructor(
    private readonly rate: { burst: number; perSecond: number },
    private readonly now: () => number = Date.now,
  ) {}

  // Takes one token for client: 0 when the request may go ahead, else the seconds until a token is back.
  take(client: string): number {
    const now = this.now();
    const bucket = this.#buckets.get(client) ?? { tokens: this.rate.burst, at: now };
    const tokens = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond);
    setNewest(this.#buckets, client, { tokens: tokens >= 1 ? tokens - 1 : tokens, at: now }, MAX_CLIENTS);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.rate.perSecond);
  }
}
