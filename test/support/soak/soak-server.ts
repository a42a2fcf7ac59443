// The production server with its proxy in a process of its own, so a soak test measures this server's memory alone.
// Prints its URL on the first line of stdout; SOAK_ROOT is the directory served, SOAK_TIMEOUT_MS the exchange limit.
import { resolveProxyPolicy } from '../../../src/proxy';
import { startServer } from '../../../src/server/start-server';

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  root: process.env.SOAK_ROOT ?? '.',
  // One test client plays every user: the per-client rate limit is lifted; every other limit is the default.
  proxy: resolveProxyPolicy({ allowLoopback: true, timeoutMs: Number(process.env.SOAK_TIMEOUT_MS ?? 60_000), rate: { burst: 1_000_000, perSecond: 1_000_000 } }),
});
process.stdout.write(`${server.url}\n`);
