// Real HTTP servers on loopback that act like a registry (auth challenge, token endpoint, manifest, blob that
// redirects to a second host, oversized and slow answers) and like the CDN the blob redirects to.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] });
export const MANIFEST_DIGEST = `sha256:${'a'.repeat(64)}`;
export const BLOB_DIGEST = `sha256:${'b'.repeat(64)}`;
export const BLOB = 'blob bytes from the cdn';
export const BIG_DIGEST = `sha256:${'c'.repeat(64)}`;
export const CHUNKED_DIGEST = `sha256:${'d'.repeat(64)}`;
export const BIG_SIZE = 64 * 1024;
/** How long the slow endpoint waits before answering. */
export const SLOW_MS = 3000;

export interface TestServer {
  origin: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  /** Method, path, headers and the client port of the connection of every request received. */
  requests: { method: string; path: string; headers: IncomingHttpHeaders; socket: number }[];
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, self: TestServer) => void;

// Listens on host with routes by exact path (query ignored); 404 for anything else.
export async function startTestServer(host: string, routes: Record<string, Route>): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    self.requests.push({ method: req.method ?? '', path, headers: req.headers, socket: req.socket.remotePort ?? 0 });
    const route = routes[path];
    if (route) route(req, res, self);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  server.on('connection', () => {
    self.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const self: TestServer = {
    origin: `http://${host}:${port}`,
    port,
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

// The 401 a registry sends without a valid token, naming the realm of the token endpoint on the same server.
function challenge(res: ServerResponse, self: TestServer): void {
  res.writeHead(401, {
    'Content-Type': 'application/json',
    'WWW-Authenticate': `Bearer realm="${self.origin}/token",service="test-registry",scope="repository:demo/app:pull"`,
    'Docker-Distribution-API-Version': 'registry/2.0',
    'Set-Cookie': 'sid=from-registry',
  });
  res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED' }] }));
}

// Whether the request carries a token the token endpoint granted.
function authorized(req: IncomingMessage): boolean {
  return req.headers.authorization?.startsWith('Bearer granted-') ?? false;
}

// A registry on host whose blob redirects to cdnOrigin.
export function startRegistry(host: string, cdnOrigin: string): Promise<TestServer> {
  let granted = 0;
  const blob = (digest: string): string => `/v2/demo/app/blobs/${digest}`;
  return startTestServer(host, {
    '/v2/': (_req, res, self) => challenge(res, self),
    '/token': (_req, res) => {
      granted += 1;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'token-cookie=1' });
      res.end(JSON.stringify({ token: `granted-${granted}`, expires_in: 300 }));
    },
    '/v2/demo/app/manifests/v1': (req, res, self) => {
      if (!authorized(req)) return challenge(res, self);
      res.writeHead(200, {
        'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
        'Content-Length': String(Buffer.byteLength(MANIFEST)),
        'Docker-Content-Digest': MANIFEST_DIGEST,
        'Set-Cookie': 'tracking=1',
        'X-Internal': 'not for the browser',
      });
      res.end(req.method === 'HEAD' ? undefined : MANIFEST);
    },
    [blob(BLOB_DIGEST)]: (_req, res) => {
      res.writeHead(307, { Location: `${cdnOrigin}/cdn/blob?signature=xyz` }).end();
    },
    [blob(BIG_DIGEST)]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(BIG_SIZE) });
      res.end(Buffer.alloc(BIG_SIZE));
    },
    [blob(CHUNKED_DIGEST)]: (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      for (let i = 0; i < BIG_SIZE / 1024; i++) res.write(Buffer.alloc(1024));
      res.end();
    },
    '/v2/demo/app/manifests/slow': (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200).end('late'), SLOW_MS);
      res.on('close', () => clearTimeout(timer));
    },
    '/v2/demo/app/manifests/to-metadata': (_req, res) => {
      res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
    },
    '/v2/demo/app/manifests/to-private-name': (_req, res) => {
      res.writeHead(302, { Location: 'https://internal.test/v2/demo/app/manifests/v1' }).end();
    },
  });
}

// The CDN a blob is redirected to.
export function startCdn(host: string): Promise<TestServer> {
  return startTestServer(host, {
    '/cdn/blob': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(BLOB.length) });
      res.end(BLOB);
    },
  });
}
