// The soak's timing client in a process of its own: normal requests one after another on fresh connections, each
// timed to its last byte, so the work of holding hundreds of slow exchanges (their bodies read, their ends handled)
// never stalls the clock that times them. NORMAL_URL the request, NORMAL_EVERY_MS the pause between two. Prints
// `ready` on the first line of stdout; over an IPC channel `start` begins timing, `stats` ends it and answers with the
// figures (and the process's own event-loop delay, to show the clock itself was never held up).
import { get as httpGet } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MANIFEST_BODY, type NormalStats } from './soak-paths';

const url = process.env.NORMAL_URL ?? '';
const everyMs = Number(process.env.NORMAL_EVERY_MS ?? 200);
const stats: NormalStats = { ms: [], wrong: [], loopDelayMax: 0 };
const loop = monitorEventLoopDelay({ resolution: 10 });
let timing = false;
let stopped: Promise<void> = Promise.resolve();

// One normal request on a connection of its own: its time to the last byte, or what was wrong with the answer.
function normalRequest(): Promise<{ ms: number; wrong?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    httpGet(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.once('end', () => {
        const ms = performance.now() - started;
        resolve(res.statusCode === 200 && body === MANIFEST_BODY ? { ms } : { ms, wrong: `${res.statusCode} ${body.slice(0, 120)}` });
      });
    }).once('error', (error) => resolve({ ms: performance.now() - started, wrong: error.message }));
  });
}

// Times normal requests until told to stop.
async function timeRequests(): Promise<void> {
  loop.enable();
  while (timing) {
    const { ms, wrong } = await normalRequest();
    stats.ms.push(ms);
    if (wrong !== undefined) stats.wrong.push(wrong);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  loop.disable();
  stats.loopDelayMax = loop.max / 1e6;
}

process.on('message', (message) => {
  if (message === 'start' && !timing) {
    timing = true;
    stopped = timeRequests();
  } else if (message === 'stats') {
    timing = false;
    void stopped.then(() => process.send?.(stats));
  }
});
process.once('disconnect', () => process.exit(0));
process.stdout.write('ready\n');
