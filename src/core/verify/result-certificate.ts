// The leaf certificate a verification decoded, read back from its record (the cert.decode evidence).
import { fromHex } from '../encoding/hex';
import { parseCertificate, type Certificate } from '../x509/certificate';
import type { VerificationResult } from './types';

// The leaf certificate the run decoded (its certificate.der evidence), when there was one.
export function certificateOf(result: VerificationResult): Certificate | undefined {
  for (const step of result.steps) {
    const e = step.evidence.find((x) => x.key === 'certificate.der');
    if (e?.kind === 'hex') {
      try {
        return parseCertificate(fromHex(e.value, 'certificate.der'), 'certificate.der');
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
