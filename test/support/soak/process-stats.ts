// What a measured server process reports over its IPC channel when asked `stats`: its memory now and at its peak,
// its CPU time so far (user and system, every thread) and its event-loop delay since it last reported.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerStats } from './server-stats';

// Starts watching this process and answers every `stats` message with its figures.
export function reportStatsOnRequest(): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let peakRss = process.memoryUsage.rss();
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100).unref();
  process.on('message', (message) => {
    if (message !== 'stats') return;
    const { rss, heapUsed, arrayBuffers, external } = process.memoryUsage();
    const ms = (ns: number) => ns / 1e6;
    const { user, system } = process.cpuUsage();
    const stats: ServerStats = { rss, peakRss: Math.max(peakRss, rss), heapUsed, arrayBuffers, external, cpuMicros: user + system, loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } };
    loop.reset();
    process.send?.(stats);
  });
}
