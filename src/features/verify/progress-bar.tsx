// Progress of a long verification: hashing a large artifact, downloading large attestations, then the checks; with Cancel.
import { RunProgress } from '../../components/run-progress';
import type { Progress } from './use-verification';

const MIB = 1048576;

export function ProgressBar({ progress, onCancel }: { progress: Progress | null; onCancel: () => void }) {
  const hashing = progress?.phase === 'hashing';
  const counted = (hashing || progress?.phase === 'downloading') && progress.total > 0;
  const percent = counted ? Math.round((progress.done / progress.total) * 100) : undefined;
  const label = hashing ? `Hashing the artifact: ${(progress.done / MIB).toFixed(0)} of ${(progress.total / MIB).toFixed(0)} MiB` : (progress?.message ?? 'Verifying…');
  return <RunProgress label={label} what="the verification" onCancel={onCancel} {...(percent !== undefined ? { percent } : {})} />;
}
