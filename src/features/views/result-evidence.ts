// A step's evidence as display fields for the dedicated views.
import type { Step } from '../../core';
import type { Field } from '../../components/field-list';

// A step's scalar evidence (text, time, hex) as fields; structured items are drawn by the views themselves.
export function evidenceFields(step: Step | undefined): Field[] {
  return (step?.evidence ?? []).flatMap((e): Field[] =>
    e.kind === 'text' || e.kind === 'time' || e.kind === 'hex' ? [{ name: e.label, value: e.value, mono: e.kind === 'hex' }] : [],
  );
}
