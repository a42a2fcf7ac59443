// `npm start`: serves the built app from dist/ and the proxy at /proxy on HOST:PORT until SIGINT or SIGTERM.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROXY_PATH } from '../http/proxy-wire';
import { commaList, proxyPolicyFromEnv } from '../proxy/policy';
import type { ClientKeyOptions } from './client-key';
import { defaultHosts, normalizeHost } from './host-check';
import { mapStacksOnlyWhenLogged } from './stack-traces';
import { startServer, type ServerOptions } from './start-server';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

// Starts the server from the environment; returns the exit status when it cannot start.
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  if (!existsSync(`${DIST}index.html`)) {
    process.stderr.write(`signet: no built app at ${DIST}index.html; run \`npm run build\` first (or \`npm start\`, which builds).\n`);
    return 1;
  }
  let options: ServerOptions;
  try {
    options = serverOptionsFromEnv(env, DIST);
  } catch (error) {
    process.stderr.write(`signet: ${(error as Error).message}\n`);
    return 2;
  }
  const server = await startServer(options);
  mapStacksOnlyWhenLogged();
  process.stdout.write(`Signet is running at ${server.url}\n`);
  process.stdout.write(`It answers for the host names ${options.hosts?.join(', ')} (SIGNET_HOSTS); any other Host gets 421.\n`);
  const loopback = options.proxy?.allowLoopback ? 'allowed on the host a request names (SIGNET_PROXY_ALLOW_LOOPBACK=1)' : 'refused';
  process.stdout.write(`The proxy at ${server.url}${PROXY_PATH.slice(1)} forwards to public addresses; loopback targets are ${loopback}.\n`);
  // Close the server, then leave.
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

// The server options from the environment: HOST, PORT, SIGNET_HOSTS, SIGNET_TRUSTED_PROXY_HOPS,
// SIGNET_RATE_IPV6_PREFIX and the proxy's SIGNET_PROXY_* variables; throws on a value that cannot work.
export function serverOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, root: string): ServerOptions {
  const host = env.HOST || '127.0.0.1';
  const port = wholeNumber('PORT', env.PORT, 8080, 0, 65535);
  const named = commaList(env.SIGNET_HOSTS);
  const hosts = named.length > 0 ? named.map(normalizeHost) : defaultHosts(host);
  const clientKey: ClientKeyOptions = {
    trustedProxyHops: wholeNumber('SIGNET_TRUSTED_PROXY_HOPS', env.SIGNET_TRUSTED_PROXY_HOPS, 0, 0, 16),
    ipv6PrefixBits: wholeNumber('SIGNET_RATE_IPV6_PREFIX', env.SIGNET_RATE_IPV6_PREFIX, 64, 1, 128),
  };
  return { port, host, root, hosts, clientKey, proxy: proxyPolicyFromEnv(env) };
}

// A whole number from the environment within [least, most], or fallback when unset.
function wholeNumber(name: string, value: string | undefined, fallback: number, least: number, most: number): number {
  if (value === undefined || value === '') return fallback;
  const number = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(number >= least && number <= most)) throw new Error(`${name} must be a whole number from ${least} to ${most}, got ${JSON.stringify(value)}.`);
  return number;
}
