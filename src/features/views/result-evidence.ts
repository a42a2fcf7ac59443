// Finding steps and their evidence in a VerificationResult for the dedicated views.
import type { Evidence, EvidenceKey, Step, StepId, VerificationResult } from '../../core';
import type { Field } from '../../components/field-list';

export type EvidenceOf<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;

// The step with this id, if the runner recorded it.
export function stepOf(result: VerificationResult, id: StepId): Step | undefined {
  return result.steps.find((s) => s.id === id);
}

// A step's evidence items with a stable key and the expected kind, in order (one per log entry or CA certificate).
export function keyedEvidence<K extends Evidence['kind']>(step: Step | undefined, key: EvidenceKey, kind: K): EvidenceOf<K>[] {
  return (step?.evidence ?? []).filter((e): e is EvidenceOf<K> => e.key === key && e.kind === kind);
}

// A step's scalar evidence (text, time, hex) as fields; structured items are drawn by the views themselves.
export function evidenceFields(step: Step | undefined): Field[] {
  return (step?.evidence ?? []).flatMap((e): Field[] =>
    e.kind === 'text' || e.kind === 'time' || e.kind === 'hex' ? [{ name: e.label, value: e.value, mono: e.kind === 'hex' }] : [],
  );
}
