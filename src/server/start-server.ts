// Starts the production server: the built app from a directory, with further handlers mounted by prefix.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeListener } from './node-adapter';
import { createNodeFileSource } from './node-file-source';
import { createRouter, type Route } from './router';
import { createStaticHandler } from './static-handler';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The directory of the built app (dist/). */
  root: string;
  /** Handlers in front of the app, such as the proxy. */
  routes?: readonly Route[];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

// Listens on host:port and resolves once the server accepts connections.
export async function startServer({ port, host, root, routes = [] }: ServerOptions): Promise<RunningServer> {
  const handler = createRouter(routes, createStaticHandler({ files: createNodeFileSource(root) }));
  const server = createServer(createNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${hostInUrl}:${actualPort}/`, close: () => closeServer(server) };
}

// Stops accepting, drops idle keep-alive connections and resolves when the last one has closed.
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
