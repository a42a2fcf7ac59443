// What `verify-attestation` and `download attestation` print: the checks performed and each signer, as cosign
// words them (stderr), and one envelope per line (stdout).
import { certificateOf } from '../core/verify/result-certificate';
import type { VerificationPolicy } from '../core/verify/options';
import { FULCIO_EXTENSIONS, oidcIssuer } from '../core/x509/fulcio-extensions';
import type { ImageVerificationResult, SignatureVerification } from '../image/types';
import { sanitize } from './print-timeline';

const CLAIM_NAMES: Record<string, string> = Object.fromEntries(FULCIO_EXTENSIONS.map((e) => [e.key, e.name]));
const GITHUB_CLAIMS = ['githubWorkflowTrigger', 'githubWorkflowSha', 'githubWorkflowName', 'githubWorkflowRepository', 'githubWorkflowRef'] as const;

// The attestations that count: verified (or, under --inspect, with no failed step), of the chosen type.
export function acceptedAttestations(result: ImageVerificationResult, policy: VerificationPolicy, uri: string | undefined): SignatureVerification[] {
  return result.signatures.filter(
    (s) =>
      s.kind === 'attestation' &&
      (uri === undefined || s.predicateType === uri) &&
      (policy.kind === 'inspect' ? !s.result.steps.some((st) => st.status === 'fail') : s.result.verdict === 'verified'),
  );
}

// cosign's header: "Verification for IMAGE --" and the checks performed on each attestation.
export function checksPerformed(reference: string, policy: VerificationPolicy, accepted: SignatureVerification[]): string {
  const lines = [`Verification for ${sanitize(reference)} --`, 'The following checks were performed on each of these signatures:', '  - The cosign claims were validated'];
  const steps = accepted.flatMap((a) => a.result.steps);
  if (steps.some((s) => s.id === 'tlog.inclusion' && s.status === 'pass') || steps.some((s) => s.id === 'tlog.set' && s.status === 'pass')) lines.push('  - Existence of the claims in the transparency log was verified offline');
  if (steps.some((s) => s.id === 'timestamp.rfc3161' && s.status === 'pass')) lines.push('  - The signed timestamp was verified against the timestamp authority');
  if (policy.kind === 'key') lines.push('  - The signatures were verified against the specified public key');
  else lines.push('  - The code-signing certificate was verified using trusted certificate authority certificates');
  if (policy.kind === 'inspect') lines.push('  ! The signer was NOT checked (--inspect): anyone with a Sigstore account could have made these');
  return lines.join('\n');
}

// Per attestation: its type and where it was found, then the certificate subject, issuer and GitHub workflow claims.
export function signerLines(entry: SignatureVerification): string {
  const lines = [`Attestation ${sanitize(entry.predicateType ?? '(unknown type)')} (${sanitize(entry.where)})`];
  const cert = certificateOf(entry.result);
  if (cert) {
    lines.push(`Certificate subject: ${sanitize(cert.subjectAltNames.map((s) => s.value).join(', '))}`);
    const issuer = oidcIssuer(cert);
    if (issuer) lines.push(`Certificate issuer URL: ${sanitize(issuer)}`);
    for (const claim of GITHUB_CLAIMS) {
      const value = cert.fulcio[claim];
      if (value !== undefined) lines.push(`${CLAIM_NAMES[claim]}: ${sanitize(value)}`);
    }
  }
  return lines.join('\n');
}
