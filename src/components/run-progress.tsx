// A long worker run in progress, with the Cancel button that stops it, and the neutral note a cancelled run leaves behind.
import type { ReactNode } from 'react';

export interface RunProgressProps {
  /** What is happening now, in words ("Hashing the artifact: 12 of 64 MiB"). */
  label: string;
  /** Percent done, when it is known; otherwise the bar shows activity only. */
  percent?: number;
  /** What Cancel stops, for its accessible name ("the verification"). */
  what: string;
  onCancel: () => void;
}

const SECONDARY_BUTTON =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

// A slim bar: the track in slate, what is done in sky; with no percent known the empty track pulses.
const BAR =
  'h-2 w-full appearance-none overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 [&::-webkit-progress-bar]:bg-slate-200 dark:[&::-webkit-progress-bar]:bg-slate-700 [&::-webkit-progress-value]:bg-sky-600 [&::-moz-progress-bar]:bg-sky-600';

// The progress card: the label (announced politely), a bar and Cancel.
export function RunProgress({ label, percent, what, onCancel }: RunProgressProps) {
  return (
    <section aria-label="Progress" data-run-status="running" className="grid gap-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" aria-live="polite" className="min-w-0 flex-1 text-sm wrap-anywhere">
          {label}
        </p>
        <button type="button" onClick={onCancel} aria-label={`Cancel ${what}`} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
      <progress className={`${BAR} ${percent === undefined ? 'motion-safe:animate-pulse' : ''}`} max={100} {...(percent !== undefined ? { value: percent } : {})} aria-label={label} />
    </section>
  );
}

// What a cancelled run leaves: neither failed nor verified, and nothing from an earlier run.
export function CancelledNote({ children }: { children: ReactNode }) {
  return (
    <section role="status" aria-label="Cancelled" data-run-status="cancelled" className="rounded-xl border border-slate-300 bg-slate-50 p-4 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
      <p className="font-semibold">Cancelled</p>
      <p className="mt-1 text-sm">{children}</p>
    </section>
  );
}
