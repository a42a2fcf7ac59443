// Runs a live check in its worker as a react-query mutation, with its progress line.
import { useCallback, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { VerificationResult } from '../../core';
import { requestFromWorker } from '../../lib/worker-request';
import type { LiveCheckMessage, LiveCheckReply } from './live-check-protocol';

export type LiveCheckRequest = Omit<LiveCheckMessage, 'type' | 'id'>;

let worker: Worker | null = null;

// One worker for the page, started on first use.
function runInWorker(request: LiveCheckRequest, onProgress: (m: string) => void): Promise<VerificationResult> {
  worker ??= new Worker(new URL('./live-check-worker.ts', import.meta.url), { type: 'module', name: 'signet-live-check' });
  return requestFromWorker<LiveCheckReply, VerificationResult>(worker, (id) => ({ type: 'live-check', id, ...request }) satisfies LiveCheckMessage, {
    done: (reply) => (reply.type === 'live-result' ? reply.result : undefined),
    onProgress,
    name: 'live-check',
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
