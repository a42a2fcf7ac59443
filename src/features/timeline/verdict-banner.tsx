// The verdict first: Verified, Failed at <step>, or Incomplete, with the one sentence that matters.
import { useEffect, useRef } from 'react';
import { CATALOGUE } from '../../core/public-constants';
import type { VerificationResult } from '../../core';

const TONE = {
  verified: 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50',
  failed: 'border-red-500 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-50',
  incomplete: 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50',
} as const;

// Headline of a result, readable by screen readers as it appears.
export function VerdictBanner({ result }: { result: VerificationResult }) {
  const ref = useRef<HTMLElement>(null);
  // On a phone the inputs fill the screen: bring a new verdict into view.
  useEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box && (box.top < 0 || box.top > window.innerHeight - 80)) ref.current!.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [result]);
  const failed = result.steps.find((s) => s.id === result.failedStep);
  const open = result.steps.filter((s) => s.required && s.status !== 'pass');
  const title =
    result.verdict === 'verified'
      ? '✓ Verified'
      : result.verdict === 'failed'
        ? `✗ Failed at ${CATALOGUE[result.failedStep!].title.toLowerCase()}`
        : '! Incomplete';
  const sentence =
    result.verdict === 'verified'
      ? (result.steps.find((s) => s.id === 'policy.identity')?.summary ?? result.headline)
      : result.verdict === 'failed'
        ? failed!.summary
        : open.map((s) => s.summary).join(' ');
  return (
    <section ref={ref} role="status" aria-live="polite" aria-label="Verdict" className={`rounded-xl border-l-8 p-5 shadow-sm ${TONE[result.verdict]}`} data-verdict={result.verdict}>
      <h2 className="text-2xl font-bold">{title}</h2>
      {result.verdict === 'failed' && <p className="mt-1 font-mono text-sm">{result.failedStep}</p>}
      <p className="mt-2 wrap-anywhere">{sentence}</p>
      <p className="mt-3 text-sm opacity-80">
        Trust: {result.trust.name}
        {result.trust.date ? ` (newest key ${result.trust.date.slice(0, 10)})` : ''} · {result.steps.filter((s) => s.status === 'pass').length} of {result.steps.length} steps passed ·{' '}
        {result.totalMs.toFixed(1)} ms
      </p>
    </section>
  );
}
