// Bounds on what the proxy holds across all exchanges at once: exchanges in flight, and body bytes kept in memory
// (token bodies are read whole before they are answered); past either bound a request is refused PROXY_BUSY.
import { ProxyRefusal } from './errors';

export interface CapacityLimits {
  /** Exchanges in flight at once, from the first upstream call until the body is delivered or given up. */
  maxConcurrent: number;
  /** Body bytes held in memory at once across all exchanges. */
  maxBufferedBytes: number;
}

// How long a refused client is asked to wait.
const RETRY_AFTER = { 'Retry-After': '1' };

export class Capacity {
  #exchanges = 0;
  #bytes = 0;

  // Capacity with the given bounds.
  constructor(private readonly limits: CapacityLimits) {}

  // Takes a slot for one exchange, returning the function that gives it back (once); throws PROXY_BUSY when all are taken.
  admit(): () => void {
    if (this.#exchanges >= this.limits.maxConcurrent) {
      throw new ProxyRefusal('PROXY_BUSY', `The proxy is already carrying ${this.limits.maxConcurrent} exchanges; try again shortly.`, '', RETRY_AFTER);
    }
    this.#exchanges += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#exchanges -= 1;
    };
  }

  // Counts bytes as held in memory; throws PROXY_BUSY when they would take the total past the bound.
  hold(bytes: number, target: string): void {
    if (this.#bytes + bytes > this.limits.maxBufferedBytes) {
      throw new ProxyRefusal('PROXY_BUSY', `The proxy already holds ${this.#bytes} bytes of bodies in memory; try again shortly.`, target, RETRY_AFTER);
    }
    this.#bytes += bytes;
  }

  // Gives back bytes counted by hold.
  release(bytes: number): void {
    this.#bytes = Math.max(0, this.#bytes - bytes);
  }

  /** Exchanges in flight and bytes held right now. */
  get usage(): { exchanges: number; bytes: number } {
    return { exchanges: this.#exchanges, bytes: this.#bytes };
  }
}
