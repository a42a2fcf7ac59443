// Runs a dry run in the policy worker, one per Policy mode view, with its progress line and Cancel.
import type { AdmissionReport } from '../../image';
import { useWorkerRun, useWorkerRunner } from '../../lib/use-worker-run';
import type { WorkerRunner } from '../../lib/worker-runner';
import type { AdmissionMessage, AdmissionReply } from './policy-protocol';

export type AdmissionRequest = Omit<AdmissionMessage, 'type' | 'id'>;

const startWorker = () => new Worker(new URL('./policy-worker.ts', import.meta.url), { type: 'module', name: 'signet-policy' });

// Ask the worker and resolve with the admission report.
async function runInWorker(runner: WorkerRunner<AdmissionMessage, AdmissionReply>, request: AdmissionRequest, onProgress: (m: string) => void): Promise<AdmissionReport> {
  return (await runner.run({ type: 'admission', ...request }, ['report'], { onProgress: (p) => onProgress(p.message) })).report;
}

// The evaluate action and its state.
export function useAdmission() {
  const { run, data, ...state } = useWorkerRun(useWorkerRunner<AdmissionMessage, AdmissionReply>(startWorker, 'policy'), runInWorker);
  return { evaluate: run, report: data, ...state };
}
