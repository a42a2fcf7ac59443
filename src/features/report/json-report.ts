// The machine-readable report: the verification record exactly as the engine produced it.
import type { VerificationResult } from '../../core';

// The result as pretty-printed JSON, ending in a newline.
export function jsonReport(result: VerificationResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
