// The ordered steps of a result: the record the CLI, the report and the tests see too.
import type { Step, StepId } from '../../core';
import { StepCard } from './step-card';

// Every step in order; a failed step starts expanded so the break point is visible at once.
export function Timeline({ steps, failedStep, label = 'Verification steps' }: { steps: Step[]; failedStep?: StepId | undefined; label?: string }) {
  return (
    <ol className="grid min-w-0 gap-3" aria-label={label}>
      {steps.map((step, i) => (
        <StepCard key={step.id} step={step} index={i} defaultOpen={step.id === failedStep} />
      ))}
    </ol>
  );
}
