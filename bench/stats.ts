// Timing statistics: medians with their spread, never a single sample.
import { performance } from 'node:perf_hooks';

export interface Sample {
  median: number;
  p25: number;
  p75: number;
  n: number;
  min: number;
  max: number;
}

// Summarise durations (ms) by median and interquartile range.
export function summarise(ms: number[]): Sample {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), n: s.length, min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
}

// Time `fn` `n` times after `warmup` unmeasured runs.
export async function timeIt(fn: () => unknown, n: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Wall-clock and process CPU time (every thread: WebCrypto runs on the thread pool) of each run, in ms. */
export interface Timings {
  wall: number[];
  cpu: number[];
}

// Time `fn` `n` times by the wall clock and by the CPU time the whole process spent. On a loaded machine the CPU
// time varies far less than the wall clock, which also counts time other processes held the cores.
export async function timeWallAndCpu(fn: () => unknown, n: number): Promise<Timings> {
  const out: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    out.wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    out.cpu.push((d.user + d.system) / 1000);
  }
  return out;
}

// "1.23 ms (IQR 1.10–1.40)"
export function fmt(s: Sample): string {
  return `${s.median.toFixed(3)} ms (IQR ${s.p25.toFixed(3)}–${s.p75.toFixed(3)}, n=${s.n})`;
}

// "12.3 ms (min 10.1, IQR 11.0–13.2, max 20.4, n=20)"
export function fmtSpread(s: Sample): string {
  return `${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, IQR ${s.p25.toFixed(1)}–${s.p75.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.n})`;
}
