// Reading the signing certificate back out of a verification record, by evidence key, never by label.
import { fromHex, parseCertificate, type Certificate, type Evidence, type EvidenceKey, type VerificationResult } from '../../core';

// The first evidence item carrying a stable key, from whichever step recorded it.
export function evidenceByKey(result: VerificationResult, key: EvidenceKey): Evidence | undefined {
  for (const step of result.steps) {
    const found = step.evidence.find((e) => e.key === key);
    if (found) return found;
  }
  return undefined;
}

// The leaf certificate the run decoded, or undefined when there was none (key-based, or it never parsed).
export function leafCertificate(result: VerificationResult): Certificate | undefined {
  const evidence = evidenceByKey(result, 'certificate.der');
  if (evidence?.kind !== 'hex') return undefined;
  try {
    return parseCertificate(fromHex(evidence.value, 'certificate.der'), 'certificate.der');
  } catch {
    return undefined;
  }
}
