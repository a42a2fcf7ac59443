// Progress of a long verification: hashing a large artifact, downloading large attestations, then the checks.
import type { Progress } from './use-verification';

export function ProgressBar({ progress }: { progress: Progress | null }) {
  const hashing = progress?.phase === 'hashing';
  const counted = (hashing || progress?.phase === 'downloading') && progress.total > 0;
  const pct = counted ? Math.round((progress.done / progress.total) * 100) : undefined;
  const label = hashing ? `Hashing the artifact: ${(progress.done / 1048576).toFixed(0)} of ${(progress.total / 1048576).toFixed(0)} MiB` : (progress?.message ?? 'Verifying…');
  return (
    <div role="status" aria-live="polite" className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm">{label}</p>
      <progress className="mt-2 w-full" max={100} {...(pct !== undefined ? { value: pct } : {})} aria-label={label} />
    </div>
  );
}
