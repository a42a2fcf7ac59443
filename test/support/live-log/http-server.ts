// A loopback HTTP server for the live-log test servers: one handler, every request recorded, faults injectable.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status: number;
  body: string | Uint8Array;
  type?: string;
}

export interface LiveServer {
  readonly url: string;
  /** Paths (with query) of every request, in order. */
  readonly requests: string[];
  /** Delay every answer by this many milliseconds (a slow server). */
  delayMs: number;
  /** Pad every 200 answer with this many extra bytes (an oversized answer). */
  padBytes: number;
  close(): Promise<void>;
}

export type Route = (path: string, query: URLSearchParams, body: string, method: string) => Reply | Promise<Reply>;

// Reads a request body up to 1 MiB.
async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024 * 1024) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Starts a server on 127.0.0.1 that answers through route, on the given port (default: any free one).
export async function startLiveServer(route: Route, port = 0): Promise<LiveServer> {
  const self: { -readonly [K in keyof LiveServer]: LiveServer[K] } = { url: '', requests: [], delayMs: 0, padBytes: 0, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      self.requests.push(`${url.pathname}${url.search}`);
      const body = await readRequestBody(req);
      let reply: Reply;
      try {
        reply = await route(url.pathname, url.searchParams, body, req.method ?? 'GET');
      } catch (err) {
        reply = { status: 500, body: JSON.stringify({ message: (err as Error).message }) };
      }
      if (self.delayMs > 0) await new Promise((r) => setTimeout(r, self.delayMs));
      let bytes = typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(reply.body);
      if (reply.status === 200 && self.padBytes > 0) bytes = Buffer.concat([bytes, Buffer.alloc(self.padBytes, 0x20)]);
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'Content-Type': reply.type ?? 'application/json', 'Content-Length': String(bytes.length) });
      res.end(bytes);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  self.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return self;
}

// A JSON 200 reply.
export function json(value: unknown): Reply {
  return { status: 200, body: JSON.stringify(value) };
}

// A 404 with a Rekor-style error body.
export function notFound(message = 'not found'): Reply {
  return { status: 404, body: JSON.stringify({ code: 404, message }) };
}

// A port free on 127.0.0.1 right now: for a log whose name (its origin) must carry its own address.
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
