// The node:http side of a Handler: IncomingMessage in as a WHATWG Request, the Response streamed back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createEncoder, isCompressible, preferredEncoding } from './compression';
import type { Handler } from '../lib/http-handler';
import { withSecurityHeaders } from './security-headers';

/** The peer's address for per-client limits, set by this adapter (overwriting any such header the client sent). */
export const CLIENT_ADDRESS_HEADER = 'x-signet-client-address';

// A Host header that is only a name or address and a port, so it cannot change the URL's path.
const PLAIN_HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

// A request listener for http.createServer that runs the handler.
export function createNodeListener(handler: Handler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void serve(handler, req, res);
  };
}

// Converts, handles and answers one request; a failing handler becomes a 500, never a crash.
async function serve(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  let request: Request;
  try {
    request = toRequest(req, aborted.signal);
  } catch {
    return send(req, res, failure(400, 'Bad Request'));
  }
  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    console.error(error);
    response = failure(500, 'Internal Server Error');
  }
  await send(req, res, response);
}

// The WHATWG Request for an origin-form request; the body streams through unread.
function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  if (!req.url?.startsWith('/')) throw new Error('only origin-form request targets are served');
  const host = req.headers.host !== undefined && PLAIN_HOST.test(req.headers.host) ? req.headers.host : 'localhost';
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress ?? '');
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? null : (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>);
  // `duplex` is required by Node for a streamed body and not yet in the DOM typings.
  const init: RequestInit & { duplex: 'half' } = { method, headers, body, signal, duplex: 'half' };
  return new Request(`http://${host}${req.url}`, init);
}

// Writes status, headers and body (compressed when the client and the content allow).
async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);

  const compressible = isCompressible(response);
  if (compressible) res.setHeader('Vary', [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
  const encoding = compressible ? preferredEncoding(req.headers['accept-encoding']) : null;
  if (encoding) {
    res.removeHeader('Content-Length');
    res.setHeader('Content-Encoding', encoding);
  }
  if (response.body === null || req.method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  try {
    await (encoding ? pipeline(body, createEncoder(encoding), res) : pipeline(body, res));
  } catch {
    // The client went away or the body failed mid-stream: pipeline has already torn both ends down.
  }
}

// A plain-text error response with the security headers.
function failure(status: number, message: string): Response {
  return withSecurityHeaders(new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
}
