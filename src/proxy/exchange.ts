// One forwarded exchange under limits that hold from the first byte sent to the last byte delivered: a total time,
// a minimum transfer rate for the body, and a size cap. The timers hold the exchange (and so its AbortSignal)
// strongly until it ends, so nothing is garbage-collected before it fires; a body cut short always ends in an error.
import { ProxyRefusal } from './errors';
import type { ClientSignal } from './request';
import type { BodyReader, UpstreamBody } from './upstream';

export interface ExchangeLimits {
  /** Time for the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Fewer body bytes than this per second, over any whole rate window, fails the exchange. */
  minBytesPerSecond: number;
  /** The length of a rate window. */
  rateWindowMs: number;
}

export class Exchange {
  readonly #controller = new AbortController();
  readonly #deadline: ReturnType<typeof setTimeout>;
  #rateCheck: ReturnType<typeof setInterval> | undefined;
  #windowBytes = 0;
  #ended = false;
  readonly #cleanups: (() => void)[] = [];

  // Starts the clock; the exchange is also given up when the client leaves.
  constructor(
    private readonly limits: ExchangeLimits,
    client: ClientSignal,
  ) {
    this.#deadline = setTimeout(() => this.#limitReached(() => new ProxyRefusal('PROXY_TIMEOUT', `The exchange took longer than ${limits.timeoutMs} ms.`)), limits.timeoutMs);
    if (client.aborted) this.giveUp(client.reason);
    else client.addEventListener('abort', () => this.giveUp(client.reason), { once: true });
  }

  /** Aborted when the exchange is given up (time, rate, client gone); the reason says why. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  // The refusal that ended the exchange early, for the target url, or null while it is still allowed to run.
  failure(url: URL): ProxyRefusal | null {
    if (!this.signal.aborted) return null;
    const reason: unknown = this.signal.reason;
    const refusal = reason instanceof ProxyRefusal ? reason : new ProxyRefusal('PROXY_UPSTREAM_FAILED', 'The client went away.');
    return new ProxyRefusal(refusal.code, refusal.message, url.href);
  }

  // Aborts everything still running for this exchange, then ends it.
  giveUp(reason: unknown): void {
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
    this.end();
  }

  // Gives the exchange up for a limit it reached, in its turn among others that reached theirs at the same moment.
  #limitReached(refusal: () => ProxyRefusal): void {
    paced(() => {
      if (!this.#ended) this.giveUp(refusal());
    });
  }

  // Runs cleanup once the exchange is over (at once when it already is).
  finally(cleanup: () => void): void {
    if (this.#ended) cleanup();
    else this.#cleanups.push(cleanup);
  }

  // Stops the clock and releases what the exchange held; later calls do nothing.
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#deadline);
    clearInterval(this.#rateCheck);
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  // Starts checking the transfer rate, from the moment a body starts to flow.
  #startRateCheck(url: URL): void {
    if (this.#rateCheck !== undefined || this.#ended) return;
    const { minBytesPerSecond, rateWindowMs } = this.limits;
    const floor = (minBytesPerSecond * rateWindowMs) / 1000;
    this.#rateCheck = setInterval(() => {
      if (this.#windowBytes < floor) {
        const sent = this.#windowBytes;
        this.#limitReached(() => new ProxyRefusal('PROXY_TOO_SLOW', `The upstream sent ${sent} bytes in ${rateWindowMs} ms; at least ${minBytesPerSecond} bytes/s are needed.`, url.href));
      }
      this.#windowBytes = 0;
    }, rateWindowMs);
  }

  /**
   * The body as the client gets it: read from upstream only as the client asks (nothing queued here), failing past
   * maxBytes, and failing (never ending cleanly) when the exchange is given up, a pending read included; the
   * exchange ends with it. onChunk may refuse a chunk by throwing (a memory budget, say).
   */
  body(source: UpstreamBody, url: URL, { maxBytes, onChunk = () => {} }: BodyLimits): BodyReader {
    const reader = source.getReader();
    let seen = 0;
    let settled = false;
    let failed: { error: unknown } | null = null;
    let rejectPending: ((error: unknown) => void) | null = null;
    // Fails the body for good (the pending read too) and lets go of the upstream.
    const fail = (error: unknown): never => {
      if (!settled) {
        settled = true;
        failed = { error };
        rejectPending?.(error);
        reader.cancel(error).catch(() => {});
        this.giveUp(error);
      }
      throw failed?.error ?? error;
    };
    const onAbort = () => {
      try {
        fail(this.failure(url));
      } catch {
        // The failure reaches the reader through its pending or next read.
      }
    };
    if (this.signal.aborted) onAbort();
    else this.signal.addEventListener('abort', onAbort, { once: true });
    this.#startRateCheck(url);
    // The next chunk from upstream, or the refusal that ended the exchange, whichever comes first.
    const next = () =>
      new Promise<ReadableStreamReadResult<Uint8Array>>((resolve, reject) => {
        rejectPending = reject;
        reader.read().then(resolve, (error: unknown) => reject(this.failure(url) ?? upstreamBodyFailure(error, url)));
      }).finally(() => (rejectPending = null));
    return {
      read: async () => {
        if (failed) throw failed.error;
        if (settled) return { done: true, value: undefined };
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await next();
        } catch (error) {
          return fail(error);
        }
        if (chunk.done) {
          settled = true;
          this.end();
          return chunk;
        }
        seen += chunk.value.byteLength;
        this.#windowBytes += chunk.value.byteLength;
        try {
          if (seen > maxBytes) throw tooLarge(maxBytes, url);
          onChunk(chunk.value.byteLength);
        } catch (error) {
          return fail(error);
        }
        return chunk;
      },
      cancel: async (reason) => {
        if (settled) return;
        settled = true;
        reader.cancel(reason).catch(() => {});
        this.giveUp(reason);
      },
    };
  }
}

// Exchanges given up by a limit are torn down a few milliseconds' worth at a time, the event loop free in between:
// hundreds whose limits fall on one moment (slow upstreams opened together) would otherwise all be aborted, their
// connections closed and their clients' answers broken off in one go, holding up every other request meanwhile.
const TEARDOWN_BUDGET_MS = 4;
const teardowns: (() => void)[] = [];

// Queues a teardown; the first of a burst starts the drain.
function paced(teardown: () => void): void {
  teardowns.push(teardown);
  if (teardowns.length === 1) setTimeout(drainTeardowns, 0);
}

// Runs queued teardowns for up to the budget, then yields to the event loop until the next turn.
function drainTeardowns(): void {
  const until = performance.now() + TEARDOWN_BUDGET_MS;
  try {
    while (teardowns.length > 0 && performance.now() < until) teardowns.shift()!();
  } finally {
    if (teardowns.length > 0) setTimeout(drainTeardowns, 0);
  }
}

export interface BodyLimits {
  maxBytes: number;
  onChunk?: (bytes: number) => void;
}

// The refusal for a body that broke off while being read.
function upstreamBodyFailure(error: unknown, url: URL): ProxyRefusal {
  const reason = error instanceof Error ? error.message : 'unknown error';
  return new ProxyRefusal('PROXY_UPSTREAM_FAILED', `The upstream body broke off: ${reason}.`, url.href);
}

// The refusal for a body over the cap.
export function tooLarge(maxBytes: number, url: URL): ProxyRefusal {
  return new ProxyRefusal('PROXY_TOO_LARGE', `The upstream response is larger than ${maxBytes} bytes.`, url.href);
}
