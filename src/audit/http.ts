// The audit layer's only door to the network: an injected fetch, every exchange bounded in time and size.
import { fromUtf8 } from '../core/encoding/bytes';
import { VerifyError, type ErrorCode } from '../core/errors';
import { readBody } from '../oci';

/** A request the audit layer makes: reads, plus the one JSON search POST of Rekor v1. */
export interface AuditRequestInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** window.fetch through the proxy, Node's fetch, or anything else that speaks WHATWG fetch. */
export type AuditFetch = (url: string, init: AuditRequestInit) => Promise<Response>;

/** Limits for one exchange: the whole of it, headers and body, within timeoutMs. */
export interface ExchangeLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Error codes one kind of server answers with. */
export interface ExchangeCodes {
  failed: ErrorCode;
  notFound: ErrorCode;
}

export interface Exchange {
  fetch: AuditFetch;
  limits: ExchangeLimits;
  codes: ExchangeCodes;
}

/** Every byte a server sent, with its status. */
export interface Answer {
  status: number;
  bytes: Uint8Array;
}

export const DEFAULT_EXCHANGE_LIMITS: ExchangeLimits = { timeoutMs: 15_000, maxBytes: 4 * 1024 * 1024 };

// Fetch url and read its body within the limits; any status is returned, only transport failures throw.
export async function exchange(x: Exchange, url: string, init: Omit<AuditRequestInit, 'signal'>, where: string, maxBytes = x.limits.maxBytes): Promise<Answer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new VerifyError(x.codes.failed, `${where}: no complete answer from ${url} within ${x.limits.timeoutMs} ms`, { where, expected: `an answer within ${x.limits.timeoutMs} ms`, found: 'no answer in time' }));
    }, x.limits.timeoutMs);
  });
  const run = async (): Promise<Answer> => {
    let response: Response;
    try {
      response = await x.fetch(url, { ...init, signal: controller.signal });
    } catch (err) {
      throw new VerifyError(x.codes.failed, `${where}: the request to ${url} failed: ${err instanceof Error ? err.message : String(err)}`, { where });
    }
    return { status: response.status, bytes: await readBody(response, maxBytes, where) };
  };
  try {
    return await Promise.race([run(), expired]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

// GET (or POST) and expect 200; the body as text. 404 is the notFound code, other statuses the failed code.
export async function fetchText(x: Exchange, url: string, where: string, init: Omit<AuditRequestInit, 'signal'> = { method: 'GET', headers: { Accept: 'application/json' } }, maxBytes?: number): Promise<string> {
  return fromUtf8(await fetchOk(x, url, where, init, maxBytes), where);
}

// The body bytes of a 200 answer.
export async function fetchOk(x: Exchange, url: string, where: string, init: Omit<AuditRequestInit, 'signal'> = { method: 'GET', headers: {} }, maxBytes?: number): Promise<Uint8Array> {
  const answer = await exchange(x, url, init, where, maxBytes);
  if (answer.status === 200) return answer.bytes;
  const code = answer.status === 404 ? x.codes.notFound : x.codes.failed;
  throw new VerifyError(code, `${where}: ${url} answered HTTP ${answer.status}${quoteError(answer.bytes)}`, { where, expected: 'HTTP 200', found: `HTTP ${answer.status}` });
}

// A short, printable quote of a server's error body.
function quoteError(bytes: Uint8Array): string {
  let text: string;
  try {
    text = fromUtf8(bytes.subarray(0, 400), 'error body');
  } catch {
    return '';
  }
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return clean ? `: ${clean.length > 200 ? `${clean.slice(0, 197)}...` : clean}` : '';
}

// A base URL without a trailing slash; only http(s) URLs are accepted.
export function baseUrl(url: string, code: ErrorCode): string {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new VerifyError(code, `${url.slice(0, 200)} is not an http(s) URL`, { expected: 'https://host[/path]', found: url.slice(0, 200) });
  }
  return url.replace(/\/+$/, '');
}
