// Step status as a symbol plus a word, so it never depends on colour alone.
import type { StepStatus } from '../core';

const STATUS: Record<StepStatus, { symbol: string; word: string; tone: string }> = {
  pass: { symbol: '✓', word: 'Passed', tone: 'text-emerald-700 bg-emerald-50 ring-emerald-600/30 dark:text-emerald-300 dark:bg-emerald-950 dark:ring-emerald-400/30' },
  fail: { symbol: '✗', word: 'Failed', tone: 'text-red-700 bg-red-50 ring-red-600/30 dark:text-red-300 dark:bg-red-950 dark:ring-red-400/30' },
  warn: { symbol: '!', word: 'Warning', tone: 'text-amber-800 bg-amber-50 ring-amber-600/30 dark:text-amber-200 dark:bg-amber-950 dark:ring-amber-400/30' },
  skip: { symbol: '–', word: 'Skipped', tone: 'text-slate-600 bg-slate-100 ring-slate-500/20 dark:text-slate-300 dark:bg-slate-800 dark:ring-slate-400/20' },
};

// A small badge: "✓ Passed", "✗ Failed", …
export function StatusBadge({ status }: { status: StepStatus }) {
  const s = STATUS[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.tone}`}>
      <span aria-hidden="true">{s.symbol}</span>
      {s.word}
    </span>
  );
}
