// Runs a dry run in the policy worker as a react-query mutation, with its progress line.
import { useCallback, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { AdmissionReport } from '../../image';
import type { AdmissionMessage, AdmissionReply } from './policy-protocol';

let worker: Worker | null = null;
let nextId = 1;

// One worker for the page; a new run while one is in flight replaces it.
function runInWorker(request: Omit<AdmissionMessage, 'type' | 'id'>, onProgress: (m: string) => void): Promise<AdmissionReport> {
  worker?.terminate();
  const w = new Worker(new URL('./policy-worker.ts', import.meta.url), { type: 'module', name: 'signet-policy' });
  worker = w;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    w.addEventListener('message', (event: MessageEvent<AdmissionReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') onProgress(reply.message);
      else if (reply.type === 'report') resolve(reply.report);
      else reject(new Error(reply.code ? `${reply.code}: ${reply.message}` : reply.message));
    });
    w.addEventListener('error', (e) => reject(new Error(`the policy worker failed: ${e.message}`)), { once: true });
    w.postMessage({ type: 'admission', id, ...request } satisfies AdmissionMessage);
  });
}

// The evaluate action and its state.
export function useAdmission() {
  const [progress, setProgress] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (request: Omit<AdmissionMessage, 'type' | 'id'>) => runInWorker(request, setProgress),
    onSettled: () => setProgress(null),
  });
  const evaluate = useCallback((request: Omit<AdmissionMessage, 'type' | 'id'>) => mutation.mutate(request), [mutation]);
  return { evaluate, report: mutation.data, error: mutation.error, pending: mutation.isPending, progress };
}
