// The built app for browser tests: one Vite build into dist/, served by the production server.
import { build } from 'vite';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { proxyPolicyFromEnv } from '../../src/proxy';

export const APP_DIR = 'dist';

// Builds the app with the project's Vite config (into dist/ unless told otherwise).
export async function buildApp(outDir: string = APP_DIR): Promise<void> {
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

// Serves the built app and its proxy on a free loopback port, as `SIGNET_PROXY_ALLOW_LOOPBACK=1 npm start`
// does: the test registry listens on loopback. env adds settings such as SIGNET_PROXY_REKOR_HOSTS.
export function startAppServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const policy = proxyPolicyFromEnv({ SIGNET_PROXY_ALLOW_LOOPBACK: '1', ...env });
  return startServer({ port: 0, host: '127.0.0.1', root: APP_DIR, proxy: policy });
}
