// Runs a TUF refresh in its worker as a react-query mutation.
import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';
import { requestFromWorker } from '../../lib/worker-request';
import type { TrustRefreshMessage, TrustRefreshOutcome, TrustRefreshReply } from './trust-refresh-protocol';

export type TrustRefreshRequest = Omit<TrustRefreshMessage, 'type' | 'id'>;

let worker: Worker | null = null;

// One worker for the page, started on first use.
function runInWorker(request: TrustRefreshRequest): Promise<TrustRefreshOutcome> {
  worker ??= new Worker(new URL('./trust-refresh-worker.ts', import.meta.url), { type: 'module', name: 'signet-tuf' });
  return requestFromWorker<TrustRefreshReply, TrustRefreshOutcome>(worker, (id) => ({ type: 'tuf-refresh', id, ...request }) satisfies TrustRefreshMessage, {
    done: (reply) => (reply.type === 'tuf-result' ? reply.outcome : undefined),
    name: 'TUF',
  });
}

// The refresh action and its state.
export function useTrustRefresh() {
  const mutation = useMutation({ mutationFn: runInWorker });
  const refresh = useCallback((request: TrustRefreshRequest) => mutation.mutate(request), [mutation]);
  return { refresh, outcome: mutation.data, error: mutation.error, pending: mutation.isPending };
}
