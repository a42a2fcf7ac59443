// The verdict first: Verified, Failed: <what broke>, or Incomplete, with the one sentence that matters.
import { useEffect, useRef } from 'react';
import { waivedSteps } from '../../core/verify/waived-steps';
import type { Step, Verdict, VerificationResult } from '../../core';

const TONE = {
  verified: 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50',
  failed: 'border-red-500 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-50',
  incomplete: 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50',
} as const;

export interface BannerProps {
  verdict: Verdict;
  title: string;
  /** Shown under the title in monospace: the failed step id. */
  code?: string;
  sentence: string;
  /** The checks the verifier options waived, each a warning step of the timeline. */
  waived?: readonly string[];
  footer: string;
}

// The verdict box, readable by screen readers as it appears; on a phone it scrolls itself into view.
export function Banner({ verdict, title, code, sentence, waived, footer }: BannerProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box && (box.top < 0 || box.top > window.innerHeight - 80)) ref.current!.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [verdict, title, sentence]);
  return (
    <section ref={ref} role="status" aria-live="polite" aria-label="Verdict" className={`rounded-xl border-l-8 p-5 shadow-sm ${TONE[verdict]}`} data-verdict={verdict}>
      <h2 className="text-2xl font-bold wrap-anywhere">{title}</h2>
      {code && <p className="mt-1 font-mono text-sm">{code}</p>}
      <p className="mt-2 wrap-anywhere">{sentence}</p>
      {waived && waived.length > 0 && (
        <p className="mt-2 text-sm font-semibold wrap-anywhere">
          ⚠ Not checked, as the verifier options asked: <span className="font-mono">{waived.join(', ')}</span> (warning steps below).
        </p>
      )}
      <p className="mt-3 text-sm opacity-80">{footer}</p>
    </section>
  );
}

// The title of a verdict: ✓ Verified, ✗ Failed: the signer is not the expected identity, ! Incomplete.
export function verdictTitle(verdict: Verdict, failedStep?: Step): string {
  if (verdict === 'verified') return '✓ Verified';
  if (verdict === 'failed') return failedStep ? `✗ Failed: ${failedStep.failure ?? failedStep.title.toLowerCase()}` : '✗ Failed';
  return '! Incomplete';
}

// The banner of one bundle's verification.
export function VerdictBanner({ result }: { result: VerificationResult }) {
  const failed = result.steps.find((s) => s.id === result.failedStep);
  const open = result.steps.filter((s) => s.required && s.status !== 'pass');
  const sentence =
    result.verdict === 'verified'
      ? (result.steps.find((s) => s.id === 'policy.identity')?.summary ?? result.headline)
      : result.verdict === 'failed'
        ? failed!.summary
        : open.map((s) => s.summary).join(' ');
  const passed = result.steps.filter((s) => s.status === 'pass').length;
  return (
    <Banner
      verdict={result.verdict}
      title={verdictTitle(result.verdict, failed)}
      {...(result.verdict === 'failed' && result.failedStep ? { code: result.failedStep } : {})}
      sentence={sentence}
      waived={waivedSteps(result.steps)}
      footer={`Trust: ${result.trust.name}${result.trust.date ? ` (newest key ${result.trust.date.slice(0, 10)})` : ''} · ${passed} of ${result.steps.length} steps passed · ${result.totalMs.toFixed(1)} ms`}
    />
  );
}
