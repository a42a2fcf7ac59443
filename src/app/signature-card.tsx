// One of several signatures (of an image, or of a pasted dump): what and where it is, its verdict,
// and its full timeline and views on demand.
import { useState } from 'react';
import type { VerificationResult } from '../core';
import { VerdictBanner } from '../features/timeline/verdict-banner';
import { DisclosureHeader } from '../components/disclosure-header';
import { BundleResultView } from './bundle-result-view';
import type { ReportInputs } from '../features/report/markdown-report';
import type { LiveCheckSource } from '../features/live-check/live-check-protocol';

export interface SignatureCardProps {
  index: number;
  title: string;
  where: string;
  result: VerificationResult;
  inputs: ReportInputs;
  defaultOpen: boolean;
  /** 'Signature' or 'Attestation', for the card's title. */
  noun?: string;
  /** An attestation's envelope and predicate as signed, for downloading. */
  /** The entries to offer the live check for. */
  live?: LiveCheckSource;
}

export function SignatureCard({ index, title, where, result, inputs, defaultOpen, noun = 'Signature', live }: SignatureCardProps) {
  const [open, setOpen] = useState(defaultOpen);
  const status = result.verdict === 'verified' ? 'pass' : result.verdict === 'failed' ? 'fail' : 'warn';
  return (
    <li className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-signature={index} data-verdict={result.verdict}>
      <DisclosureHeader status={status} title={`${noun} ${index + 1}: ${title}`} detail={where} summary={result.headline} open={open} onToggle={() => setOpen((o) => !o)} />
      {open && (
        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 dark:border-slate-800">
          <VerdictBanner result={result} />
          <BundleResultView result={result} inputs={inputs} {...(live ? { live } : {})} />
        </div>
      )}
    </li>
  );
}
