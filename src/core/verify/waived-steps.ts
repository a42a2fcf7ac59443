// Reading the record: which checks the verifier options waived (the page's verdict banner names them too).
import type { Step, StepId } from './types';

// The checks the verifier options waived (a zero threshold, cosign's --insecure-… flags): warn steps the verdict does not count.
export function waivedSteps(steps: readonly Step[]): StepId[] {
  return steps.filter((s) => !s.required && s.status === 'warn').map((s) => s.id);
}
