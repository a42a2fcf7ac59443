// Runs a TUF refresh in its worker as a react-query mutation.
import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { TrustRefreshMessage, TrustRefreshOutcome, TrustRefreshReply } from './trust-refresh-protocol';

export type TrustRefreshRequest = Omit<TrustRefreshMessage, 'type' | 'id'>;

let worker: Worker | null = null;
let nextId = 1;

// One worker for the page, started on first use; replies are matched to their request by id.
function runInWorker(request: TrustRefreshRequest): Promise<TrustRefreshOutcome> {
  worker ??= new Worker(new URL('./trust-refresh-worker.ts', import.meta.url), { type: 'module', name: 'signet-tuf' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<TrustRefreshReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      w.removeEventListener('message', onMessage);
      if (reply.type === 'tuf-result') resolve(reply.outcome);
      else reject(new Error(reply.code ? `${reply.code}: ${reply.message}` : reply.message));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (e) => reject(new Error(`the TUF worker failed: ${e.message}`)), { once: true });
    w.postMessage({ type: 'tuf-refresh', id, ...request } satisfies TrustRefreshMessage);
  });
}

// The refresh action and its state.
export function useTrustRefresh() {
  const mutation = useMutation({ mutationFn: runInWorker });
  const refresh = useCallback((request: TrustRefreshRequest) => mutation.mutate(request), [mutation]);
  return { refresh, outcome: mutation.data, error: mutation.error, pending: mutation.isPending };
}
