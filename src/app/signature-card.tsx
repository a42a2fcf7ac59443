// One of several signatures (of an image, or of a pasted dump): what and where it is, its verdict,
// and its full timeline and views on demand.
import { useState } from 'react';
import type { VerificationResult } from '../core';
import { VerdictBanner } from '../features/timeline/verdict-banner';
import { StatusBadge } from '../features/timeline/status';
import { BundleResultView, type ReportInputs } from './bundle-result-view';

export interface SignatureCardProps {
  index: number;
  title: string;
  where: string;
  result: VerificationResult;
  inputs: ReportInputs;
  defaultOpen: boolean;
}

export function SignatureCard({ index, title, where, result, inputs, defaultOpen }: SignatureCardProps) {
  const [open, setOpen] = useState(defaultOpen);
  const status = result.verdict === 'verified' ? 'pass' : result.verdict === 'failed' ? 'fail' : 'warn';
  return (
    <li className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-signature={index} data-verdict={result.verdict}>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="flex w-full flex-wrap items-start gap-x-3 gap-y-1 text-left">
        <StatusBadge status={status} />
        <span className="min-w-0 flex-1">
          <span className="block font-medium">
            Signature {index + 1}: {title}
          </span>
          <span className="block text-xs wrap-anywhere text-slate-500 dark:text-slate-400">{where}</span>
        </span>
        <span aria-hidden="true" className="text-slate-400">
          {open ? '▾' : '▸'}
        </span>
        <span className="w-full text-sm wrap-anywhere text-slate-700 dark:text-slate-300">{result.headline}</span>
      </button>
      {open && (
        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 dark:border-slate-800">
          <VerdictBanner result={result} />
          <BundleResultView result={result} inputs={inputs} />
        </div>
      )}
    </li>
  );
}
