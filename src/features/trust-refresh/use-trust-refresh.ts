// Runs a TUF refresh in its worker, one per Trust mode view, with Cancel.
import { useWorkerRun, useWorkerRunner } from '../../lib/use-worker-run';
import type { WorkerRunner } from '../../lib/worker-runner';
import type { TrustRefreshMessage, TrustRefreshOutcome, TrustRefreshReply } from './trust-refresh-protocol';

export type TrustRefreshRequest = Omit<TrustRefreshMessage, 'type' | 'id'>;

const startWorker = () => new Worker(new URL('./trust-refresh-worker.ts', import.meta.url), { type: 'module', name: 'signet-tuf' });

// Ask the worker and resolve with the refresh outcome.
async function runInWorker(runner: WorkerRunner<TrustRefreshMessage, TrustRefreshReply>, request: TrustRefreshRequest): Promise<TrustRefreshOutcome> {
  return (await runner.run({ type: 'tuf-refresh', ...request }, ['tuf-result'])).outcome;
}

// The refresh action and its state.
export function useTrustRefresh() {
  const { run, data, ...state } = useWorkerRun(useWorkerRunner<TrustRefreshMessage, TrustRefreshReply>(startWorker, 'TUF'), runInWorker);
  return { refresh: run, outcome: data, ...state };
}
