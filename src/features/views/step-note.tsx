// A short note on a step that did not pass or left nothing to show, quoting its summary; status in words, not colour.
import type { Step, StepId } from '../../core';

const STATUS_WORDS: Record<Step['status'], string> = { pass: 'passed', fail: 'failed', warn: 'passed with a warning', skip: 'skipped' };

export interface StepNoteProps {
  id: StepId;
  step: Step | undefined;
  /** True when the evidence this part of the view needs is absent. */
  missing?: boolean;
}

// "Not available: <reason>" for missing evidence; "✗ Failed: <summary>" or "! Warning: …" for a step that did not pass.
export function StepNote({ id, step, missing = false }: StepNoteProps) {
  if (missing) {
    return (
      <p className="text-sm text-slate-600 italic dark:text-slate-400">
        Not available: {step ? step.summary : `the ${id} step did not run.`}
        {step && ` (${id} ${STATUS_WORDS[step.status]})`}
      </p>
    );
  }
  if (!step || step.status === 'pass' || step.status === 'skip') return null;
  const fail = step.status === 'fail';
  return (
    <p className={`rounded px-2 py-1 text-sm ${fail ? 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100' : 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100'}`}>
      <span aria-hidden="true">{fail ? '✗ ' : '! '}</span>
      {fail ? 'Failed' : 'Warning'} ({id}): {step.summary}
    </p>
  );
}
