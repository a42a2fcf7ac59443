// Runs one check over every log entry of a step, gathering evidence and failing on the first entry that fails.
import type { Evidence } from '../evidence';
import { StepFailure } from './step-failure';

// Evidence labels name the entry (its `where`) only when there are several, so one entry reads plainly.
export async function eachEntry<S extends { entry: { where: string } }>(states: readonly S[], check: (s: S) => Promise<Evidence[]>): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  for (const s of states) {
    try {
      evidence.push(...(await check(s)).map((e) => (states.length > 1 ? { ...e, label: `${s.entry.where}: ${e.label}` } : e)));
    } catch (err) {
      throw StepFailure.of(err, evidence);
    }
  }
  return evidence;
}
