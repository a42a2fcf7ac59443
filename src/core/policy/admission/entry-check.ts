// One attestor entry or authority against the signatures an image verification found: cryptography first (the engine's
// timeline), then the controller's identity rule. Shared by the Kyverno and policy-controller evaluations.
import type { ImageEvidence, SignatureEvidence, SignetFinding } from './types';
import { failedStep, isAttestation, signerOf, type SignerIdentity } from './signature-facts';

/** An identity rule: undefined when the signer is accepted, else the controller's message and Signet's evidence. */
export type IdentityRule = (signer: SignerIdentity | undefined) => { message: string; finding: SignetFinding } | undefined;

export interface EntryOptions {
  /** Attestations (DSSE statements) rather than image signatures. */
  attestations: boolean;
  /** Only these formats count (Kyverno type Cosign/SigstoreBundle, policy-controller signatureFormat). */
  formats?: readonly SignatureEvidence['format'][];
  identity?: IdentityRule;
  /** Kyverno rekor.ignoreTlog / ctlog.ignoreSCT, policy-controller ctlog/insecureIgnoreSCT: a failure there is not decidable. */
  ignoreTlog: boolean;
  ignoreSct: boolean;
}

export type EntryCheck =
  | { kind: 'verified'; verified: SignatureEvidence[] }
  /** cosign's words: "no signatures found", "no matching signatures: …" (the controller adds its prefix). */
  | { kind: 'failed'; error: string; signet?: SignetFinding; byIdentity?: boolean }
  | { kind: 'not-evaluated'; error: string; signet?: SignetFinding };

const TLOG_STEPS = new Set(['tlog.body', 'tlog.set', 'tlog.inclusion', 'tlog.checkpoint']);

// Every signature of the right kind that verifies and whose signer the rule accepts.
export function checkEntry(evidence: ImageEvidence, opts: EntryOptions): EntryCheck {
  if (evidence.failure) {
    const none = evidence.failure.code === 'OCI_NO_SIGNATURES';
    return { kind: 'failed', error: none ? 'no signatures found' : evidence.failure.summary, signet: { step: evidence.failure.id, summary: evidence.failure.summary, ...(evidence.failure.code ? { code: evidence.failure.code } : {}) } };
  }
  const candidates = evidence.signatures.filter((s) => isAttestation(s) === opts.attestations && (!opts.formats || opts.formats.includes(s.format)));
  if (candidates.length === 0) {
    const found = evidence.signatures.map((s) => s.format).join(', ') || 'nothing';
    const summary = `none of the ${evidence.signatures.length} signature(s) found is ${opts.attestations ? 'an attestation' : 'an image signature'}${opts.formats ? ` in the format ${opts.formats.join(' or ')}` : ''} (found: ${found})`;
    return { kind: 'failed', error: opts.attestations ? 'no matching attestations' : 'no signatures found', signet: { step: 'image.discover', summary } };
  }
  const verified: SignatureEvidence[] = [];
  let cryptoFailure: SignetFinding | undefined;
  let undecidable: SignetFinding | undefined;
  const identityErrors: { message: string; finding: SignetFinding }[] = [];
  for (const sig of candidates) {
    const failed = failedStep(sig.result);
    if (failed) {
      const ignored = (opts.ignoreTlog && TLOG_STEPS.has(failed.step)) || (opts.ignoreSct && failed.step === 'cert.sct');
      if (ignored) undecidable ??= failed;
      else cryptoFailure ??= failed;
      continue;
    }
    const rejected = opts.identity?.(signerOf(sig.result));
    if (rejected) identityErrors.push(rejected);
    else verified.push(sig);
  }
  if (verified.length > 0) return { kind: 'verified', verified };
  if (identityErrors.length > 0) return { kind: 'failed', error: identityErrors.map((e) => e.message).join('; '), signet: identityErrors[0]!.finding, byIdentity: true };
  if (undecidable) {
    return { kind: 'not-evaluated', error: `the policy ignores ${undecidable.step.startsWith('tlog') ? 'the transparency log' : 'SCTs'}, and the signature failed only there; verification without it is not offered here`, signet: undecidable };
  }
  return { kind: 'failed', error: `no matching signatures: ${cryptoFailure!.summary}`, signet: cryptoFailure! };
}

// Signet's finding for a certificate value that did not match: which value, expected and found.
export function identityFinding(summary: string, where: string, expected: string, found: string): SignetFinding {
  return { step: 'policy.identity', summary, code: where.includes('issuer') ? 'POLICY_ISSUER_MISMATCH' : 'POLICY_IDENTITY_MISMATCH', detail: { where, expected, found } };
}
