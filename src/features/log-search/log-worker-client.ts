// The page's side of the log worker: one runner for the mode's lifetime, each kind of request in its own lane (a new
// search replaces a pending search, never a page being fetched), Cancel stopping them all.
import { useWorkerRunner } from '../../lib/use-worker-run';
import type { WorkerRunner } from '../../lib/worker-runner';
import type { LogReply, LogRequest } from './log-protocol';

export type LogRunner = WorkerRunner<LogRequest, LogReply>;

const startWorker = () => new Worker(new URL('./log-worker.ts', import.meta.url), { type: 'module', name: 'signet-log' });

// The mode's runner, its worker started on first use and terminated on unmount.
export function useLogWorker(): LogRunner {
  return useWorkerRunner<LogRequest, LogReply>(startWorker, 'log');
}
