// Starts the production server on Node (@hono/node-server): the built app from a directory, the proxy beside it,
// per-client keys from the socket (and trusted reverse proxies).
import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { ProxyPolicy } from '../proxy';
import type { NodeUpstreamOptions } from '../proxy/node-upstream';
import { createApp } from './app';
import { clientKey, DEFAULT_CLIENT_KEY_OPTIONS, type ClientKeyOptions } from './client-key';
import { defaultHosts, normalizeHost } from './host-check';
import { createNodeFileSource } from './node-file-source';
import { createNodeProxy } from './node-proxy';
import { createNodeProxyPath } from './node-proxy-path';
import { createRefusalLog } from './refusal-log';
import { readableStack } from './stack-traces';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The directory of the built app (dist/). */
  root: string;
  /** The proxy's policy; no proxy when absent. */
  proxy?: ProxyPolicy;
  /** How the proxy reaches upstreams (pooling, extra CAs). */
  upstream?: NodeUpstreamOptions;
  /** Host names answered for; default: the listen address, localhost and the loopback literals. */
  hosts?: readonly string[];
  /** How the rate-limit key is read from a request. */
  clientKey?: ClientKeyOptions;
  /**
   * Whether the proxy is answered on Node's own request and response objects (default) or through the app's
   * fetch-style route, as on any other runtime; both give the same answers.
   */
  nodeProxyPath?: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

// Listens on host:port and resolves once the server accepts connections.
export async function startServer({ port, host, root, proxy, upstream, hosts = defaultHosts(host), clientKey: keyOptions = DEFAULT_CLIENT_KEY_OPTIONS, nodeProxyPath = true }: ServerOptions): Promise<RunningServer> {
  const nodeProxy = proxy && createNodeProxy(proxy, upstream);
  const app = createApp({
    files: createNodeFileSource(root),
    hosts,
    ...(nodeProxy ? { proxy: nodeProxy.handler } : {}),
    clientKey: (c) => clientKey(getConnInfo(c).remote.address ?? '', c.req.header('X-Forwarded-For') ?? null, keyOptions),
    reportFault: (error) => void process.stderr.write(`${readableStack(error)}\n`),
  });
  const appListener = getRequestListener(app.fetch, { hostname: host });
  const proxyPath =
    nodeProxy && nodeProxyPath
      ? createNodeProxyPath({
          core: nodeProxy.core,
          hosts: hosts.map(normalizeHost),
          clientKey: (peer, forwardedFor) => clientKey(peer, forwardedFor, keyOptions),
          log: createRefusalLog(),
        })
      : () => false;
  const server = createServer((req, res) => {
    if (!proxyPath(req, res)) void appListener(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${actualPort}/`,
    close: async () => {
      await closeServer(server);
      await nodeProxy?.close();
    },
  };
}

// Stops accepting, drops idle keep-alive connections and resolves when the last one has closed.
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
