// Runs a live check in its worker as a react-query mutation, with its progress line.
import { useCallback, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { VerificationResult } from '../../core';
import type { LiveCheckMessage, LiveCheckReply } from './live-check-protocol';

export type LiveCheckRequest = Omit<LiveCheckMessage, 'type' | 'id'>;

let worker: Worker | null = null;
let nextId = 1;

// One worker for the page, started on first use; replies are matched to their request by id.
function runInWorker(request: LiveCheckRequest, onProgress: (m: string) => void): Promise<VerificationResult> {
  worker ??= new Worker(new URL('./live-check-worker.ts', import.meta.url), { type: 'module', name: 'signet-live-check' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<LiveCheckReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress') return onProgress(reply.message);
      w.removeEventListener('message', onMessage);
      if (reply.type === 'live-result') resolve(reply.result);
      else reject(new Error(reply.code ? `${reply.code}: ${reply.message}` : reply.message));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (e) => reject(new Error(`the live-check worker failed: ${e.message}`)), { once: true });
    w.postMessage({ type: 'live-check', id, ...request } satisfies LiveCheckMessage);
  });
}

// The check action and its state, one per result view.
export function useLiveCheck() {
  const [progress, setProgress] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (request: LiveCheckRequest) => runInWorker(request, setProgress),
    onSettled: () => setProgress(null),
  });
  const check = useCallback((request: LiveCheckRequest) => mutation.mutate(request), [mutation]);
  return { check, result: mutation.data, error: mutation.error, pending: mutation.isPending, progress };
}
