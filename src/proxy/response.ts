// Builds what the client gets back: the upstream status and body with an allow-list of headers, the body under
// the exchange's limits, and headers that keep a forwarded body from ever acting as a page of the app's origin.
// An answer is runtime-neutral (status, header record, bytes or a body reader); toResponse makes it a WHATWG
// Response, and the Node server writes it to its socket directly.
import { PROXY_FINAL_URL_HEADER } from '../http/proxy-wire';
import { tooLarge, type Exchange } from './exchange';
import type { Forwarded } from './forward';
import { NO_CONTENT_STATUSES, type BodyReader, type UpstreamResponse } from './upstream';

/** What the proxy answers: header names in lower case; the body whole, read as it goes, or none. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | BodyReader | null;
}

// Upstream headers the app needs (OCI distribution spec, Docker token auth spec, RFC 9110); no Set-Cookie ever.
export const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'docker-content-digest',
  'www-authenticate',
  'link',
  'oci-filters-applied',
  'docker-distribution-api-version',
  'etag',
] as const;

// On every proxy answer, and all its security headers: never stored (tokens pass here), never sniffed, never framed
// (frame-ancestors, and X-Frame-Options for browsers without it), not embeddable by other sites, no referrer and no
// opener handed on, never taken as an Adobe cross-domain policy file (the bytes are the upstream's), and sandboxed
// with nothing allowed when opened as a document, so registry content can never run as the app. The app's own pages
// carry more (Permissions-Policy and other document-only headers); a sandboxed document with no script, an opaque
// origin and no resource it may load can use none of what those govern, so proxy answers go without them.
export const PROXY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
};

const FINAL_URL_HEADER = PROXY_FINAL_URL_HEADER.toLowerCase();

// Bodies declared at most this long are read whole and answered in one piece (manifests, tokens, signatures, log
// entries): a stream costs more than the bytes, and the bytes count against the memory bound while they are read.
export const SMALL_BODY_BYTES = 64 * 1024;

// A new header record with every record's headers, later ones winning. Copied name by name: object spread is many
// times slower here, once header records of different shapes have passed through it (V8 in Node 20).
export function mergedHeaders(...records: readonly Readonly<Record<string, string>>[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const record of records) for (const name in record) merged[name] = record[name]!;
  return merged;
}

// The headers the client gets: the proxy's own, extra ones (CORS, lower case), and the allow-listed upstream ones.
function clientHeaders({ response, url, redirected }: Forwarded, extra: Readonly<Record<string, string>>): Record<string, string> {
  const headers = mergedHeaders(PROXY_RESPONSE_HEADERS, extra);
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (redirected) headers[FINAL_URL_HEADER] = url.href;
  return headers;
}

// Whether a response to method carries no content at all (RFC 9110 §6.4.1, or an empty or absent body).
function hasNoContent(response: UpstreamResponse, method: string): boolean {
  return method === 'HEAD' || NO_CONTENT_STATUSES.has(response.status) || response.body === null || response.headers.get('content-length') === '0';
}

// Whether the response to a GET declares a body small enough to be read whole.
export function isSmallBody(response: UpstreamResponse, method: string): boolean {
  const declared = response.headers.get('content-length');
  return method === 'GET' && !hasNoContent(response, method) && declared !== null && /^\d{1,9}$/.test(declared) && Number(declared) <= SMALL_BODY_BYTES;
}

// The client's answer for a body already read whole.
export function answerWhole(forwarded: Forwarded, bytes: Uint8Array, extra: Readonly<Record<string, string>> = {}): ProxyAnswer {
  const headers = clientHeaders(forwarded, extra);
  headers['content-length'] = String(bytes.byteLength);
  return { status: forwarded.response.status, headers, body: bytes };
}

// The client's answer for a forwarded exchange, with the proxy's own headers and extra ones (CORS), its body read
// under the exchange's limits (the exchange ends with the body, or at once when there is none); throws
// PROXY_TOO_LARGE when Content-Length is already over maxBytes.
export function passThrough(forwarded: Forwarded, method: string, exchange: Exchange, maxBytes: number, extra: Readonly<Record<string, string>> = {}): ProxyAnswer {
  const { response, url } = forwarded;
  const headers = clientHeaders(forwarded, extra);
  if (hasNoContent(response, method)) {
    void response.body?.cancel();
    exchange.end();
    return { status: response.status, headers, body: null };
  }
  assertDeclaredSize(response, maxBytes, url);
  return { status: response.status, headers, body: exchange.body(response.body!, url, { maxBytes }) };
}

// The answer with extra headers (lower-case names) set over its own, later records winning.
export function withHeaders(answer: ProxyAnswer, ...extra: readonly Readonly<Record<string, string>>[]): ProxyAnswer {
  return { status: answer.status, headers: mergedHeaders(answer.headers, ...extra), body: answer.body };
}

// The answer as a WHATWG Response (a body reader becomes a stream that reads only when its reader asks).
export function toResponse({ status, headers, body }: ProxyAnswer): Response {
  const content = body === null || body instanceof Uint8Array ? body : streamOf(body);
  return new Response(content as Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | null, { status, headers });
}

// A body reader as a WHATWG stream with nothing queued ahead: a failed read errors it, a cancel reaches the reader.
function streamOf(reader: BodyReader): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      // Hands on the next chunk, or closes at the end.
      async pull(controller) {
        const chunk = await reader.read();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      // The client gave up.
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

// Throws PROXY_TOO_LARGE (and drops the body) when the response declares more than maxBytes.
export function assertDeclaredSize(response: Pick<UpstreamResponse, 'headers' | 'body'>, maxBytes: number, url: URL): void {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    void response.body?.cancel();
    throw tooLarge(maxBytes, url);
  }
}

// The body, erroring once more than maxBytes went by (for request bodies read before any exchange starts).
export function capped(body: ReadableStream<Uint8Array>, maxBytes: number, url: URL): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      // Counts a chunk and passes it on, or fails the stream past the cap.
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(maxBytes, url));
        else controller.enqueue(chunk);
      },
    }),
  );
}
