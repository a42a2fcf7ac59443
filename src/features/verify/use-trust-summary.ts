// The loaded trusted root's summary, read as soon as it is loaded, by a worker started for it (the page decodes nothing).
import { useEffect, useState } from 'react';
import type { TrustForm } from '../../lib/verify-form';
import type { TrustSummary } from './worker/trust-summary';

// The summary of a custom root, or null for public-good (and while the worker reads it).
export function useTrustSummary(trust: TrustForm): TrustSummary | null {
  const text = trust.kind === 'custom' ? trust.text : null;
  const [read, setRead] = useState<{ text: string; summary: TrustSummary } | null>(null);
  useEffect(() => {
    if (text === null) return;
    const worker = new Worker(new URL('./trust-summary-worker.ts', import.meta.url), { type: 'module', name: 'signet-trust-summary' });
    const onMessage = (event: MessageEvent<TrustSummary>) => {
      setRead({ text, summary: event.data });
      worker.terminate();
    };
    const onError = (event: ErrorEvent) => {
      setRead({ text, summary: { ok: false, message: `the trusted root could not be read: ${event.message || 'the reader stopped'}` } });
      worker.terminate();
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ text });
    return () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      worker.terminate();
    };
  }, [text]);
  return text !== null && read?.text === text ? read.summary : null;
}
