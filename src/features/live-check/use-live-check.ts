// Runs a live check in its worker, one per result view, with its progress line and Cancel.
import type { VerificationResult } from '../../core';
import { useWorkerRun, useWorkerRunner } from '../../lib/use-worker-run';
import type { WorkerRunner } from '../../lib/worker-runner';
import type { LiveCheckMessage, LiveCheckReply } from './live-check-protocol';

export type LiveCheckRequest = Omit<LiveCheckMessage, 'type' | 'id'>;

const startWorker = () => new Worker(new URL('./live-check-worker.ts', import.meta.url), { type: 'module', name: 'signet-live-check' });

// Ask the worker and resolve with the live result.
async function runInWorker(runner: WorkerRunner<LiveCheckMessage, LiveCheckReply>, request: LiveCheckRequest, onProgress: (m: string) => void): Promise<VerificationResult> {
  const reply = await runner.run({ type: 'live-check', ...request }, ['live-result'], { onProgress: (p) => onProgress(p.message) });
  return reply.result;
}

// The check action and its state.
export function useLiveCheck() {
  const { run, data, ...state } = useWorkerRun(useWorkerRunner<LiveCheckMessage, LiveCheckReply>(startWorker, 'live-check'), runInWorker);
  return { check: run, result: data, ...state };
}
