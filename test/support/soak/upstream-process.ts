// A registry-shaped upstream in a process of its own for soaks, so its timers and writes never share an event loop
// with the server measured or with the client timing it. Prints its origin on the first line of stdout; over an IPC
// channel it answers `stats` with how many slow answers it has open and has closed.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MANIFEST_BODY, SOAK_PATHS, type UpstreamStats } from './soak-paths';

const DRIP_CHUNK = Buffer.alloc(512, 'd');
const DRIP_EVERY_MS = 250;
const BIG_CHUNK = Buffer.alloc(64 * 1024, 'b');

const stats: UpstreamStats = { dripsOpen: 0, dripsClosed: 0, bigOpen: 0, bigClosed: 0 };

// 512 bytes every 250 ms (2 KiB/s, above the proxy's 1 KiB/s floor) with no Content-Length, until the client leaves.
function drip(res: ServerResponse): void {
  stats.dripsOpen += 1;
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  const timer = setInterval(() => res.write(DRIP_CHUNK), DRIP_EVERY_MS);
  res.once('close', () => {
    clearInterval(timer);
    stats.dripsOpen -= 1;
    stats.dripsClosed += 1;
  });
}

// SOAK_BIG_BYTES bytes as fast as the reader takes them (writes wait for drain), declared in Content-Length.
function big(res: ServerResponse): void {
  stats.bigOpen += 1;
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(SOAK_PATHS.bigBytes) });
  let sent = 0;
  // Writes until the socket pushes back, then again on drain, until every byte is sent.
  const pump = (): void => {
    while (sent < SOAK_PATHS.bigBytes) {
      const chunk = BIG_CHUNK.subarray(0, Math.min(BIG_CHUNK.length, SOAK_PATHS.bigBytes - sent));
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.once('close', () => {
    stats.bigOpen -= 1;
    stats.bigClosed += 1;
  });
  pump();
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://upstream').pathname;
  if (path === SOAK_PATHS.drip) drip(res);
  else if (path === SOAK_PATHS.big) big(res);
  else if (path === SOAK_PATHS.manifest) res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Content-Length': String(MANIFEST_BODY.length) }).end(MANIFEST_BODY);
  else res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.on('message', (message) => {
  if (message === 'stats') process.send?.(stats);
});
process.once('disconnect', () => process.exit(0));
