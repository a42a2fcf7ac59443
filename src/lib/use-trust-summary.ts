// The loaded trusted root's summary, read as soon as it is loaded, by a worker started for it (the page decodes nothing).
import { useEffect, useState } from 'react';
import { useWorkerRunner } from './use-worker-run';
import { isRunStopped } from './worker-runner';
import type { TrustSummary } from './trust-summary';
import type { TrustSummaryMessage, TrustSummaryReply } from './trust-summary-worker';

const startWorker = () => new Worker(new URL('./trust-summary-worker.ts', import.meta.url), { type: 'module', name: 'signet-trust-summary' });

// The summary of a loaded root's text, or null for the embedded public-good root (text null) and while the worker reads it.
export function useTrustSummary(text: string | null): TrustSummary | null {
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
