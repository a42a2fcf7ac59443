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
  readonly #signal = new GiveUpSignal();
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
  get signal(): ClientSignal {
    return this.#signal;
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
    this.#signal.abort(reason);
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
  body(source: UpstreamBody, url: URL, limits: BodyLimits): BodyReader {
    const body = new ExchangeBody(this, source.getReader(), url, limits);
    this.#startRateCheck(url);
    return body;
  }

  // Counts body bytes toward the transfer rate.
  flowed(bytes: number): void {
    this.#windowBytes += bytes;
  }
}

// A body under its exchange's limits (see Exchange.body).
class ExchangeBody implements BodyReader {
  #seen = 0;
  #settled = false;
  #failed: { error: unknown } | null = null;

  // Reads reader for exchange; fails at once when the exchange is already given up.
  constructor(
    private readonly exchange: Exchange,
    private readonly reader: BodyReader,
    private readonly url: URL,
    private readonly limits: BodyLimits,
  ) {
    if (exchange.signal.aborted) this.#onAbort();
    else exchange.signal.addEventListener('abort', () => this.#onAbort(), { once: true });
  }

  // The next chunk, the end, or the failure that ended the body.
  async read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    if (this.#failed) throw this.#failed.error;
    if (this.#settled) return { done: true, value: undefined };
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await this.reader.read();
    } catch (error) {
      return this.#failWith(this.exchange.failure(this.url) ?? upstreamBodyFailure(error, this.url));
    }
    // Given up while the read was pending: whatever the source answered, the body fails.
    if (this.#failed) throw (this.#failed as { error: unknown }).error;
    if (chunk.done) {
      this.#settled = true;
      this.exchange.end();
      return chunk;
    }
    const bytes = chunk.value.byteLength;
    this.#seen += bytes;
    this.exchange.flowed(bytes);
    if (this.#seen > this.limits.maxBytes) return this.#failWith(tooLarge(this.limits.maxBytes, this.url));
    try {
      this.limits.onChunk?.(bytes);
    } catch (error) {
      return this.#failWith(error);
    }
    return chunk;
  }

  // The client gave up: so does the exchange, and the upstream is let go.
  async cancel(reason?: unknown): Promise<void> {
    if (this.#settled) return;
    this.#settled = true;
    this.reader.cancel(reason).catch(() => {});
    this.exchange.giveUp(reason);
  }

  // The exchange was given up (time, rate, client gone): the body fails with that refusal.
  #onAbort(): void {
    this.#fail(this.exchange.failure(this.url));
  }

  // Fails the body for good and lets go of the upstream (a pending read settles when its source is cancelled).
  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#failed = { error };
    this.reader.cancel(error).catch(() => {});
    this.exchange.giveUp(error);
  }

  // Fails the body with error (or the failure it already had) and throws that.
  #failWith(error: unknown): never {
    this.#fail(error);
    throw this.#failed!.error;
  }
}

// An exchange's own abort signal: an AbortSignal's shape without an EventTarget behind it (one per request, and most
// are never aborted). As with an AbortSignal, a listener added after the abort is not called.
class GiveUpSignal implements ClientSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners: (() => void)[] = [];

  // Calls listener once, when the signal is aborted.
  addEventListener(_type: 'abort', listener: () => void): void {
    if (!this.aborted) this.#listeners.push(listener);
  }

  // Aborts with reason (once) and tells every listener; one that throws does not keep the others from hearing it.
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.#listeners.splice(0)) {
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
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
