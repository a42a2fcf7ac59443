// Starts the soak's processes (the server measured, the upstream it proxies to) and asks them for their figures.
import { spawn, type ChildProcess } from 'node:child_process';
import type { NormalStats, UpstreamStats } from './soak-paths';

/**
 * What the server process reports: bytes of memory, microseconds of CPU time since it started (user and system, every
 * thread), and milliseconds of event-loop delay since it last reported.
 */
export interface ServerStats {
  rss: number;
  peakRss: number;
  heapUsed: number;
  arrayBuffers: number;
  external: number;
  cpuMicros: number;
  loopDelay: { p50: number; p99: number; max: number };
}

export interface SoakProcess<Stats> {
  /** The first line the process printed: its URL or origin. */
  url: string;
  pid: number;
  stats(): Promise<Stats>;
  /** Sends the process a message of its protocol. */
  tell(message: string): void;
  stop(): Promise<void>;
}

// Runs a TypeScript entry point of test/support/soak in a process with an IPC channel, until it prints its URL.
async function start<Stats>(entry: string, env: NodeJS.ProcessEnv, nodeFlags: readonly string[]): Promise<SoakProcess<Stats>> {
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', new URL(entry, import.meta.url).pathname], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (line: Buffer) => resolve(line.toString().trim()));
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    pid: child.pid!,
    stats: () =>
      new Promise<Stats>((resolve) => {
        child.once('message', (message) => resolve(message as Stats));
        child.send('stats');
      }),
    tell: (message) => void child.send(message),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// The production server in its own process (see server-process.ts for the environment it reads).
export function startServerProcess(env: NodeJS.ProcessEnv = {}, nodeFlags: readonly string[] = []): Promise<SoakProcess<ServerStats>> {
  return start<ServerStats>('./server-process.ts', env, nodeFlags);
}

// The bench's bare forwarder in its own process, trusting the CA in caFile (see bare-forwarder-process.ts).
export function startBareForwarderProcess(caFile: string): Promise<SoakProcess<ServerStats>> {
  return start<ServerStats>('./bare-forwarder-process.ts', { FORWARDER_CA_FILE: caFile }, []);
}

// The soak upstream in its own process.
export function startUpstreamProcess(): Promise<SoakProcess<UpstreamStats>> {
  return start<UpstreamStats>('./upstream-process.ts', {}, []);
}

// The timing client in its own process, requesting url every everyMs once told `start`.
export function startNormalClientProcess(url: string, everyMs: number): Promise<SoakProcess<NormalStats>> {
  return start<NormalStats>('./normal-client-process.ts', { NORMAL_URL: url, NORMAL_EVERY_MS: String(everyMs) }, []);
}
