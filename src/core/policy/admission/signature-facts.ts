// What the admission decisions read from one verified signature: did the cryptography hold, who signed, what was stated.
import { RE2JS } from 're2js';
import { VerifyError } from '../../errors';
import { LIMITS } from '../../limits';
import { oidcIssuer, type Certificate } from '../../x509';
import { certificateOf } from '../../verify/result-certificate';
import { signedStatement, type Step, type VerificationResult } from '../../verify';
import { isSignaturePredicate } from '../../attest';
import type { SignatureEvidence, SignetFinding } from './types';

// The first required step that failed, as Signet's finding.
export function failedStep(result: VerificationResult): SignetFinding | undefined {
  const step: Step | undefined = result.steps.find((s) => s.required && s.status === 'fail');
  return step ? { step: step.id, summary: step.summary, ...(step.code ? { code: step.code } : {}), ...(step.detail ? { detail: step.detail } : {}) } : undefined;
}

// Whether a signature is an attestation (a statement about the image) rather than a signature of the image itself.
export function isAttestation(sig: SignatureEvidence): boolean {
  if (sig.format === 'cosign-dsse') return true;
  if (sig.format === 'cosign-simplesigning') return false;
  const type = signedStatement(sig.result)?.predicateType;
  return typeof type === 'string' && !isSignaturePredicate(type);
}

/** The certificate identity as both controllers read it (cosign's CertSubject and CertExtensions.GetIssuer). */
export interface SignerIdentity {
  /** The first email, then URI, SAN (cosign pkg/signature CertSubject). */
  subject: string;
  subjects: string[];
  issuer: string;
  certificate: Certificate;
}

// The signer of a certificate-backed signature; undefined for key-only signatures.
export function signerOf(result: VerificationResult): SignerIdentity | undefined {
  const certificate = certificateOf(result);
  if (!certificate) return undefined;
  const sans = certificate.subjectAltNames;
  const ordered = [...sans.filter((s) => s.type === 'email'), ...sans.filter((s) => s.type === 'uri'), ...sans.filter((s) => s.type !== 'email' && s.type !== 'uri')].map((s) => s.value);
  return { subject: ordered[0] ?? '', subjects: ordered, issuer: oidcIssuer(certificate) ?? '', certificate };
}

// Compile a Go RE2 expression matched anywhere in the value (Go regexp.MatchString, as cosign and Kyverno use it).
export function compileUnanchored(source: string, where: string): (value: string) => boolean {
  if (source.length > LIMITS.regexpLength) {
    throw new VerifyError('ADMISSION_POLICY_INVALID', `${where}: regular expression longer than ${LIMITS.regexpLength} characters`, { where });
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (err) {
    throw new VerifyError('ADMISSION_POLICY_INVALID', `${where}: invalid RE2 expression: ${(err as Error).message.slice(0, 120)}`, { where, found: source.slice(0, 120) });
  }
  return (value) => re.matcher(value).find();
}
