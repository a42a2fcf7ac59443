// Reading a VerificationResult's steps and evidence by stable id and key, never by label.
import type { CertificateView, Evidence, EvidenceKey, Step, StepId, VerificationResult } from '../core';

export type EvidenceOf<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;

// The step with this id, if the runner recorded it.
export function stepOf(result: VerificationResult, id: StepId): Step | undefined {
  return result.steps.find((s) => s.id === id);
}

// A step's evidence items with a stable key and the expected kind, in order (one per log entry or CA certificate).
export function keyedEvidence<K extends Evidence['kind']>(step: Step | undefined, key: EvidenceKey, kind: K): EvidenceOf<K>[] {
  return (step?.evidence ?? []).filter((e): e is EvidenceOf<K> => e.key === key && e.kind === kind);
}

// The first evidence item carrying a stable key, from whichever step recorded it.
export function evidenceByKey(result: VerificationResult, key: EvidenceKey): Evidence | undefined {
  for (const step of result.steps) {
    const found = step.evidence.find((e) => e.key === key);
    if (found) return found;
  }
  return undefined;
}

// The leaf certificate as the engine decoded it, or undefined when there was none (key-based, or it never parsed).
export function leafCertificate(result: VerificationResult): CertificateView | undefined {
  return result.views?.certificate;
}
