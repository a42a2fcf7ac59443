// cosign's words, so pipelines and people used to cosign read Signet the same way: the verification header with
// the checks actually made (stderr), and the verified payloads as cosign prints them (stdout).
import { isJsonObject, type JsonValue } from '../core/encoding/json';
import type { VerificationPolicy } from '../core/verify/options';
import type { VerificationResult } from '../core/verify/types';
import { evidenceByKey, leafCertificate, stepOf } from '../lib/read-result';
import { signedStatement } from '../core/verify';

// cosign's bullet for each check, said only when the step behind it passed (cosign cmd/cosign/cli/verify PrintVerificationHeader).
export function cosignChecks(results: readonly VerificationResult[], policy: VerificationPolicy): string[] {
  const passed = (id: Parameters<typeof stepOf>[1]) => results.some((r) => stepOf(r, id)?.status === 'pass');
  return [
    ...(passed('artifact.bind') ? ['The cosign claims were validated'] : []),
    ...(passed('tlog.set') || passed('tlog.inclusion') ? ['Existence of the claims in the transparency log was verified offline'] : []),
    ...(policy.kind === 'key' && passed('signature') ? ['The signatures were verified against the specified public key'] : []),
    ...(passed('cert.chain') ? ['The code-signing certificate was verified using trusted certificate authority certificates'] : []),
  ];
}

// `Verification for REF --` and the bullets, as cosign prints them to stderr.
export function verificationHeader(reference: string, checks: readonly string[]): string {
  return ['', `Verification for ${reference} --`, 'The following checks were performed on each of these signatures:', ...checks.map((c) => `  - ${c}`), ''].join('\n');
}

// One verified signature's payload as cosign's default (json) output has it: the simple-signing payload with
// `optional` carrying Subject and Issuer from the certificate; a DSSE statement as signed.
export function cosignPayload(result: VerificationResult): JsonValue | undefined {
  const simple = evidenceByKey(result, 'simplesigning');
  if (simple?.kind === 'json' && isJsonObject(simple.value)) {
    const cert = leafCertificate(result);
    if (!cert) return simple.value;
    const issuer = cert.oidcIssuer;
    const optional = isJsonObject(simple.value.optional) ? simple.value.optional : {};
    return {
      ...simple.value,
      optional: {
        ...optional,
        Subject: cert.subjectAltNames[0]?.value ?? '',
        ...(issuer ? { Issuer: issuer, '1.3.6.1.4.1.57264.1.1': issuer } : {}),
      },
    };
  }
  return signedStatement(result);
}
