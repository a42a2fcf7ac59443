// The production server with its proxy in a process of its own, so a measurement sees this server's memory, CPU
// and event loop alone. Prints its URL on the first line of stdout; over an IPC channel it answers `stats` with its
// memory, its CPU time and event-loop delay. Environment: SERVER_ROOT the directory served, SERVER_TIMEOUT_MS the exchange
// limit, SERVER_CA_FILE a CA (PEM) the upstream trusts, SERVER_POOL=0 one connection per upstream request,
// SERVER_SOURCE another copy of src/ to run (an earlier commit's, for a before/after in one run).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { resolveProxyPolicy as ResolvePolicy } from '../../../src/proxy';
import type { startServer as StartServer } from '../../../src/server/start-server';
import { reportStatsOnRequest } from './process-stats';

const env = process.env;
const source = env.SERVER_SOURCE ? pathToFileURL(`${resolve(env.SERVER_SOURCE)}/`) : new URL('../../../src/', import.meta.url);
const { startServer } = (await import(new URL('server/start-server.ts', source).href)) as { startServer: typeof StartServer };
const { resolveProxyPolicy } = (await import(new URL('proxy/index.ts', source).href)) as { resolveProxyPolicy: typeof ResolvePolicy };
// As `npm start` runs it: stacks mapped to the sources only when a fault is logged (a build without this runs as it always did).
const stackTraces = new URL('server/stack-traces.ts', source);
const { mapStacksOnlyWhenLogged } = existsSync(stackTraces) ? ((await import(stackTraces.href)) as { mapStacksOnlyWhenLogged: () => void }) : { mapStacksOnlyWhenLogged: () => {} };

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  root: env.SERVER_ROOT ?? '.',
  // One test client plays every user: the per-client rate limit is lifted; every other limit is the default.
  proxy: resolveProxyPolicy({ allowLoopback: true, timeoutMs: Number(env.SERVER_TIMEOUT_MS ?? 20_000), rate: { burst: 1_000_000, perSecond: 1_000_000 } }),
  upstream: { pool: env.SERVER_POOL !== '0', extraCa: env.SERVER_CA_FILE ? [readFileSync(env.SERVER_CA_FILE, 'utf8')] : [] },
});

mapStacksOnlyWhenLogged();

reportStatsOnRequest();
process.stdout.write(`${server.url}\n`);
// SIGTERM closes the server first, so a CPU profile (--cpu-prof) is written on the way out.
process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
