// Refusals the proxy answers with: a stable code, the HTTP status that goes with it, and a JSON body.
import { PROXY_ERROR_HEADER, type ProxyErrorBody } from '../http/proxy-wire';
import type { ProxyAnswer } from './response';

export type ProxyErrorCode =
  | 'PROXY_URL_MISSING'
  | 'PROXY_URL_INVALID'
  | 'PROXY_METHOD_REFUSED'
  | 'PROXY_ORIGIN_REFUSED'
  | 'PROXY_SCHEME_REFUSED'
  | 'PROXY_ADDRESS_REFUSED'
  | 'PROXY_PATH_REFUSED'
  | 'PROXY_AUTH_REFUSED'
  | 'PROXY_TOO_LARGE'
  | 'PROXY_RATE_LIMITED'
  | 'PROXY_BUSY'
  | 'PROXY_BAD_REDIRECT'
  | 'PROXY_TOO_MANY_REDIRECTS'
  | 'PROXY_UPSTREAM_FAILED'
  | 'PROXY_TIMEOUT'
  | 'PROXY_TOO_SLOW';

const STATUS: Readonly<Record<ProxyErrorCode, number>> = {
  PROXY_URL_MISSING: 400,
  PROXY_URL_INVALID: 400,
  PROXY_METHOD_REFUSED: 405,
  PROXY_ORIGIN_REFUSED: 403,
  PROXY_SCHEME_REFUSED: 403,
  PROXY_ADDRESS_REFUSED: 403,
  PROXY_PATH_REFUSED: 403,
  PROXY_AUTH_REFUSED: 403,
  PROXY_TOO_LARGE: 413,
  PROXY_RATE_LIMITED: 429,
  PROXY_BUSY: 503,
  PROXY_BAD_REDIRECT: 502,
  PROXY_TOO_MANY_REDIRECTS: 502,
  PROXY_UPSTREAM_FAILED: 502,
  PROXY_TIMEOUT: 504,
  PROXY_TOO_SLOW: 504,
};

// A target echoed back in a refusal is cut to this many characters.
const MAX_TARGET_ECHO = 256;

// A request the proxy will not forward, or an exchange it had to give up on.
export class ProxyRefusal extends Error {
  readonly status: number;

  // A refusal with its code, a sentence saying why, and the target it concerns.
  constructor(
    readonly code: ProxyErrorCode,
    message: string,
    readonly target = '',
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ProxyRefusal';
    this.status = STATUS[code];
    // An outcome, not a fault: no call stack to format (with source maps, formatting one costs more than the refusal).
    this.stack = `${this.name}: ${message}`;
  }

  // The target, cut to a length fit to echo.
  #shownTarget(): string {
    return this.target.length > MAX_TARGET_ECHO ? `${this.target.slice(0, MAX_TARGET_ECHO)}…` : this.target;
  }

  // The JSON answer: { "error": { "code", "message", "target" } }, marked so a client tells it from the upstream's own errors.
  toAnswer(): ProxyAnswer {
    const body = new TextEncoder().encode(JSON.stringify({ error: { code: this.code, message: this.message, target: this.#shownTarget() } } satisfies ProxyErrorBody));
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.byteLength), [PROXY_ERROR_HEADER.toLowerCase()]: this.code };
    for (const [name, value] of Object.entries(this.headers)) headers[name.toLowerCase()] = value;
    return { status: this.status, headers, body };
  }

  // One line when a runtime logs it (Node's inspect: a server logs every body a limit cut short, and a refusal is an
  // outcome, not a fault, so its stack says nothing).
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.name} ${this.code}: ${this.message}${this.target === '' ? '' : ` (${this.#shownTarget()})`}`;
  }
}
