// The loaded trusted root's summary, read as soon as it is loaded, by a worker started for it (the page decodes nothing).
import { useEffect, useState } from 'react';
import type { TrustForm } from '../../lib/verify-form';
import { useWorkerRunner } from '../../lib/use-worker-run';
import { isRunStopped } from '../../lib/worker-runner';
import type { TrustSummary } from './worker/trust-summary';
import type { TrustSummaryMessage, TrustSummaryReply } from './trust-summary-worker';

const startWorker = () => new Worker(new URL('./trust-summary-worker.ts', import.meta.url), { type: 'module', name: 'signet-trust-summary' });

// The summary of a custom root, or null for public-good (and while the worker reads it).
export function useTrustSummary(trust: TrustForm): TrustSummary | null {
  const text = trust.kind === 'custom' ? trust.text : null;
  const runner = useWorkerRunner<TrustSummaryMessage, TrustSummaryReply>(startWorker, 'trusted-root reader');
  const [read, setRead] = useState<{ text: string; summary: TrustSummary } | null>(null);
  useEffect(() => {
    if (text === null) return;
    // A newer root replaces this read (it then rejects as replaced, and is ignored); the worker stops once it has answered.
    runner.run({ type: 'summary', text }, ['summary']).then(
      (reply) => {
        setRead({ text, summary: reply.summary });
        runner.dispose();
      },
      (err: Error) => isRunStopped(err) || setRead({ text, summary: { ok: false, message: `the trusted root could not be read: ${err.message}` } }),
    );
  }, [text, runner]);
  return text !== null && read?.text === text ? read.summary : null;
}
