// The bench's floor for the proxy: the least a Node proxy on undici can do, in a process of its own like the server.
// It takes the target from `url=`, GETs it over pooled connections (trusting FORWARDER_CA_FILE) and answers with the
// status, four of the upstream's headers and the body in one write: no checks, limits, security headers or CORS.
// Prints its URL on the first line of stdout and answers `stats` over IPC as the server process does.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { reportStatsOnRequest } from './process-stats';

const PASSED = new Set(['content-type', 'content-length', 'docker-content-digest', 'etag']);
const caFile = process.env.FORWARDER_CA_FILE;
const agent = new Agent(caFile ? { connect: { ca: readFileSync(caFile, 'utf8') } } : {});

const server = createServer((req, res) => {
  const query = (req.url ?? '').indexOf('url=');
  const target = new URL(decodeURIComponent((req.url ?? '').slice(query + 4)));
  const chunks: Buffer[] = [];
  let status = 502;
  const headers: Record<string, string> = {};
  const handler: Dispatcher.DispatchHandler = {
    onConnect() {},
    onError(error) {
      res.writeHead(502).end(String(error));
    },
    onHeaders(statusCode, raw) {
      status = statusCode;
      for (let index = 0; index + 1 < raw.length; index += 2) {
        const name = raw[index]!.toString('latin1').toLowerCase();
        if (PASSED.has(name)) headers[name] = raw[index + 1]!.toString('latin1');
      }
      return true;
    },
    onData(chunk) {
      chunks.push(chunk);
      return true;
    },
    onComplete() {
      res.writeHead(status, headers).end(Buffer.concat(chunks));
    },
  };
  agent.dispatch({ origin: target.origin, path: `${target.pathname}${target.search}`, method: 'GET', headers: { accept: req.headers.accept ?? '*/*' } }, handler);
});

server.listen(0, '127.0.0.1', () => {
  reportStatsOnRequest();
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
