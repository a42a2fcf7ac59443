// The proxy answered on Node without the fetch-style round trip: the core reads the incoming message through a light
// view of it and its answer, which carries its own security headers, is written to the socket as it is (bytes in one
// write, a body pulled as the socket drains). Only what is plainly a proxy request for a served host name is taken;
// everything else (other paths, unusual Host or request-target forms) goes to the app, whose answers are the
// reference this path is tested against.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { PROXY_PATH } from '../http/proxy-wire';
import type { ProxyCore } from '../proxy/handler';
import type { ClientSignal, ProxyRequest } from '../proxy/request';
import { mergedHeaders, PROXY_RESPONSE_HEADERS, type ProxyAnswer } from '../proxy/response';
import type { BodyReader } from '../proxy/upstream';
import type { RefusalLog } from './refusal-log';

export interface NodeProxyPathOptions {
  core: ProxyCore;
  /** Host names served, as URL parsing writes them. */
  hosts: readonly string[];
  /** Who the request comes from, for the rate limit. */
  clientKey: (peerAddress: string, forwardedFor: string | null) => string;
  log: RefusalLog;
}

/** Answers a request when it is the proxy's (true), or leaves it alone (false). */
export type NodeProxyPath = (req: IncomingMessage, res: ServerResponse) => boolean;

// A Host header in the plain form (lower-case name or bracketed IPv6 literal, optional port) and its host name.
const PLAIN_HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
const MAX_PORT = 65535;
// Why an exchange was given up when its client left (one object: nothing is formatted from it).
const CLIENT_GONE = new Error('The client went away.');

// The proxy path for these options.
export function createNodeProxyPath({ core, hosts, clientKey, log }: NodeProxyPathOptions): NodeProxyPath {
  const served = new Set(hosts);
  return (req, res) => {
    const target = req.url ?? '';
    if (target !== PROXY_PATH && !target.startsWith(`${PROXY_PATH}?`)) return false;
    const headers = headerRecord(req.rawHeaders);
    const hostHeader = headers.get('host') ?? '';
    const host = PLAIN_HOST.exec(hostHeader);
    if (host === null || !served.has(host[1]!) || Number(host[2] ?? 0) > MAX_PORT) return false;
    const request = incomingView(req, res, `http://${hostHeader}${target}`, headers);
    const client = clientKey(req.socket.remoteAddress ?? '', headers.get('x-forwarded-for') ?? null);
    core(request, client).then(
      (answer) => send(answer, res, log),
      (error: unknown) => fail(error, res, log),
    );
    return true;
  };
}

// The incoming message as the proxy reads a request: its headers (as headerRecord combines them), the body as a
// stream only when asked for, and a signal for the client leaving before the answer was sent.
function incomingView(req: IncomingMessage, res: ServerResponse, url: string, headers: ReadonlyMap<string, string>): ProxyRequest {
  // One web stream over the message, made when first read: every later read gets the same one.
  let body: ReadableStream<Uint8Array> | null | undefined;
  return {
    method: req.method ?? 'GET',
    url,
    headers: {
      // A header's value by name, in any case.
      get(name) {
        return headers.get(name.toLowerCase()) ?? null;
      },
    },
    signal: clientGone(res),
    get body() {
      body ??= req.method === 'GET' || req.method === 'HEAD' ? null : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
      return body;
    },
  };
}

// The request's headers as the Fetch standard combines them, read once from the raw ones: names in lower case,
// surrounding whitespace trimmed, repeated values joined with a comma.
function headerRecord(raw: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    const value = trimmed(raw[index + 1]!);
    const before = headers.get(name);
    headers.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  return headers;
}

// HTTP whitespace (Fetch: tab, LF, CR, space) cut from both ends; Node's parser has usually cut it already.
function trimmed(value: string): string {
  return isHttpWhitespace(value.charCodeAt(0)) || isHttpWhitespace(value.charCodeAt(value.length - 1)) ? value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : value;
}

// Whether a character code is HTTP whitespace.
function isHttpWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

// Aborted once the response closes before it finished (the client left).
function clientGone(res: ServerResponse): ClientSignal {
  let gone = false;
  const listeners: (() => void)[] = [];
  res.once('close', () => {
    if (res.writableFinished) return;
    gone = true;
    for (const listener of listeners.splice(0)) listener();
  });
  return {
    get aborted() {
      return gone;
    },
    reason: CLIENT_GONE,
    // Calls listener when the client leaves (at once when it has left).
    addEventListener(_type, listener) {
      if (gone) listener();
      else listeners.push(listener);
    },
  };
}

// Writes an answer: bytes in one go, a body as the socket takes it; a body that fails midway breaks the response off.
function send({ status, headers, body }: ProxyAnswer, res: ServerResponse, log: RefusalLog): void {
  res.writeHead(status, headers);
  if (body === null || body instanceof Uint8Array) return void res.end(body ?? undefined);
  pump(body, res, log);
}

// Pulls the body chunk by chunk, each one only after the socket took the last; ends the response with it, or
// destroys the response when the body fails (the client sees a cut body, never a complete one) or the client left.
function pump(body: BodyReader, res: ServerResponse, log: RefusalLog): void {
  let left = false;
  const onClose = () => {
    left = true;
    void body.cancel(CLIENT_GONE);
  };
  res.once('close', onClose);
  const next = (): void => {
    body.read().then(
      (chunk) => {
        if (chunk.done) {
          res.off('close', onClose);
          return void res.end();
        }
        if (res.write(chunk.value)) next();
        else res.once('drain', next);
      },
      (error: unknown) => {
        res.off('close', onClose);
        if (!left) log.note(error); // A client that left needs no line.
        res.destroy();
      },
    );
  };
  res.flushHeaders();
  next();
}

// A fault in the core (never a refusal, which is an answer): logged, and answered as the app answers one at this path.
function fail(error: unknown, res: ServerResponse, log: RefusalLog): void {
  log.note(error);
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, mergedHeaders(PROXY_RESPONSE_HEADERS, { 'content-type': 'text/plain; charset=UTF-8' })).end('Internal Server Error');
}
