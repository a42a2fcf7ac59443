// Real loopback upstreams that misbehave slowly: a body dripped a byte at a time, a body that stops short of its
// Content-Length, a token realm that answers with more than any token needs.
import type { ServerResponse } from 'node:http';
import { startTestServer, type TestServer } from './test-servers';

export const DRIP_PATH = '/v2/demo/app/blobs/sha256:' + 'd'.repeat(64);
export const SHORT_PATH = '/v2/demo/app/blobs/sha256:' + 'e'.repeat(64);
/** Promises more than the proxy reads whole, so the answer streams, and closes early. */
export const LONG_SHORT_PATH = '/v2/demo/app/blobs/sha256:' + 'f'.repeat(64);
export const MANIFEST_PATH = '/v2/demo/app/manifests/v1';

// Writes one byte every intervalMs until the client goes away.
function drip(res: ServerResponse, intervalMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  const timer = setInterval(() => res.write('x'), intervalMs);
  res.on('close', () => clearInterval(timer));
}

// A registry whose blob drips a byte every intervalMs, whose other blobs promise 100 bytes (or 1 MiB) and close after
// 10, and whose manifest answers at once.
export function startSlowRegistry(intervalMs: number): Promise<TestServer> {
  return startTestServer('127.0.0.1', {
    [DRIP_PATH]: (_req, res) => drip(res, intervalMs),
    [SHORT_PATH]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '100' });
      res.write('0123456789', () => res.socket?.destroy());
    },
    [LONG_SHORT_PATH]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(1024 * 1024) });
      res.write('0123456789', () => res.socket?.destroy());
    },
    [MANIFEST_PATH]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }).end('{"schemaVersion":2}');
    },
  });
}

/** How a token realm answers: `size` bytes, with or without Content-Length, and then ends or hangs. */
export interface TokenAnswer {
  size: number;
  declared: boolean;
  hang: boolean;
}

// A registry whose challenge names a realm on its own host, which answers as told.
export function startTokenRegistry(answer: TokenAnswer): Promise<TestServer> {
  const body = Buffer.alloc(answer.size, 'a');
  return startTestServer('127.0.0.1', {
    '/v2/': (_req, res, self) => {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="${self.origin}/token",service="big"` }).end();
    },
    '/token': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', ...(answer.declared ? { 'Content-Length': String(answer.size + (answer.hang ? 1 : 0)) } : {}) });
      if (answer.hang) res.write(body);
      else res.end(body);
    },
  });
}
