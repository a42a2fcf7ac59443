// `npm start`: serves the built app from dist/ and the proxy at /proxy on HOST:PORT until SIGINT or SIGTERM.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { proxyPolicyFromEnv, type ProxyPolicy } from '../proxy';
import { proxyRoute } from './proxy-route';
import { startServer } from './start-server';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

// Starts the server from the environment; returns the exit status when it cannot start.
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  if (!existsSync(`${DIST}index.html`)) {
    process.stderr.write(`signet: no built app at ${DIST}index.html; run \`npm run build\` first (or \`npm start\`, which builds).\n`);
    return 1;
  }
  const port = parsePort(env.PORT);
  if (port === null) {
    process.stderr.write(`signet: PORT must be a number from 0 to 65535, got ${JSON.stringify(env.PORT)}.\n`);
    return 2;
  }
  let policy: ProxyPolicy;
  try {
    policy = proxyPolicyFromEnv(env);
  } catch (error) {
    process.stderr.write(`signet: ${(error as Error).message}\n`);
    return 2;
  }
  const server = await startServer({ port, host: env.HOST || '127.0.0.1', root: DIST, routes: [proxyRoute(policy)] });
  process.stdout.write(`Signet is running at ${server.url}\n`);
  const loopback = policy.allowLoopback ? 'allowed (SIGNET_PROXY_ALLOW_LOOPBACK=1)' : 'refused';
  process.stdout.write(`The proxy at ${server.url}proxy forwards to public addresses; loopback targets are ${loopback}.\n`);
  // Close the server, then leave.
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

// PORT from the environment: 8080 when unset, null when not a valid port.
function parsePort(value: string | undefined): number | null {
  if (value === undefined || value === '') return 8080;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return port <= 65535 ? port : null;
}
