// Builds what the client gets back: the upstream status and body with an allow-list of headers, the body under
// the exchange's limits, and headers that keep a forwarded body from ever acting as a page of the app's origin.
import { PROXY_FINAL_URL_HEADER } from '../http/proxy-wire';
import { tooLarge, type Exchange } from './exchange';
import type { Forwarded } from './forward';

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

// On every proxy answer: never stored (tokens pass here), never sniffed, never framed, not embeddable by other
// sites, and sandboxed with nothing allowed when opened as a document, so registry content can never run as the app.
export const PROXY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

// RFC 9110 §6.4.1: responses to these statuses (and to HEAD) have no content.
const NO_CONTENT = new Set([204, 205, 304]);

// Bodies declared at most this long are read whole and answered in one piece (manifests, tokens, signatures, log
// entries): a stream costs more than the bytes, and the bytes count against the memory bound while they are read.
export const SMALL_BODY_BYTES = 64 * 1024;

// The headers the client gets: the proxy's own, extra ones (CORS), and the allow-listed upstream ones.
function clientHeaders({ response, url, redirected }: Forwarded, extra: Readonly<Record<string, string>>): Headers {
  const headers = new Headers({ ...PROXY_RESPONSE_HEADERS, ...extra });
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (redirected) headers.set(PROXY_FINAL_URL_HEADER, url.href);
  return headers;
}

// Whether a response to method carries no content at all (RFC 9110 §6.4.1, or an empty or absent body).
function hasNoContent(response: Response, method: string): boolean {
  return method === 'HEAD' || NO_CONTENT.has(response.status) || response.body === null || response.headers.get('Content-Length') === '0';
}

// Whether the response to a GET declares a body small enough to be read whole.
export function isSmallBody(response: Response, method: string): boolean {
  const declared = response.headers.get('Content-Length');
  return method === 'GET' && !hasNoContent(response, method) && declared !== null && /^\d{1,9}$/.test(declared) && Number(declared) <= SMALL_BODY_BYTES;
}

// The client's response for a body already read whole.
export function answerWhole(forwarded: Forwarded, bytes: Uint8Array, extra: Readonly<Record<string, string>> = {}): Response {
  const headers = clientHeaders(forwarded, extra);
  headers.set('Content-Length', String(bytes.byteLength));
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: forwarded.response.status, headers });
}

// The client's response for a forwarded exchange, with the proxy's own headers and extra ones (CORS), its body read
// under the exchange's limits (the exchange ends with the body, or at once when there is none); throws
// PROXY_TOO_LARGE when Content-Length is already over maxBytes.
export function passThrough(forwarded: Forwarded, method: string, exchange: Exchange, maxBytes: number, extra: Readonly<Record<string, string>> = {}): Response {
  const { response, url } = forwarded;
  const headers = clientHeaders(forwarded, extra);
  if (hasNoContent(response, method)) {
    void response.body?.cancel();
    exchange.end();
    return new Response(null, { status: response.status, headers });
  }
  assertDeclaredSize(response, maxBytes, url);
  return new Response(exchange.body(response.body!, url, { maxBytes }), { status: response.status, headers });
}

// Throws PROXY_TOO_LARGE (and drops the body) when the response declares more than maxBytes.
export function assertDeclaredSize(response: Pick<Response, 'headers' | 'body'>, maxBytes: number, url: URL): void {
  const declared = Number(response.headers.get('Content-Length') ?? '0');
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
