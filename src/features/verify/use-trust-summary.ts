// The loaded trusted root's summary, read as soon as it is loaded (the reader and the engine load on demand).
import { useEffect, useState } from 'react';
import type { TrustForm } from '../../lib/verify-form';
import type { TrustSummary } from './trust-summary';

// The summary of a custom root, or null for public-good (and while the reader loads).
export function useTrustSummary(trust: TrustForm): TrustSummary | null {
  const text = trust.kind === 'custom' ? trust.text : null;
  const [read, setRead] = useState<{ text: string; summary: TrustSummary } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let live = true;
    void import('./trust-summary').then((m) => {
      if (live) setRead({ text, summary: m.summarizeTrustedRoot(text) });
    });
    return () => {
      live = false;
    };
  }, [text]);
  return text !== null && read?.text === text ? read.summary : null;
}
