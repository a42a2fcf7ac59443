// The header of an expandable card: status by symbol and word, a title with a small line under it,
// an open/closed marker, and a one-sentence summary; the whole header is the toggle button.
import type { ReactNode } from 'react';
import type { StepStatus } from '../core';
import { StatusBadge } from './status-badge';

export interface DisclosureHeaderProps {
  status: StepStatus;
  title: ReactNode;
  /** Under the title, small: a step id, where a signature was found. */
  detail: ReactNode;
  summary: string;
  open: boolean;
  onToggle: () => void;
  /** The id of the panel the button opens. */
  controls?: string;
}

export function DisclosureHeader({ status, title, detail, summary, open, onToggle, controls }: DisclosureHeaderProps) {
  return (
    <button
      type="button"
      className="flex w-full flex-wrap items-start gap-x-3 gap-y-1 text-left focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-sky-500"
      aria-expanded={open}
      {...(controls ? { 'aria-controls': controls } : {})}
      onClick={onToggle}
    >
      <StatusBadge status={status} />
      <span className="min-w-0 flex-1">
        <span className="block font-medium wrap-anywhere">{title}</span>
        <span className="block text-xs wrap-anywhere text-slate-500 dark:text-slate-400">{detail}</span>
      </span>
      <span aria-hidden="true" className="text-slate-400">
        {open ? '▾' : '▸'}
      </span>
      <span className="w-full text-sm wrap-anywhere text-slate-700 dark:text-slate-300">{summary}</span>
    </button>
  );
}
