// Identity policy with cosign flag parity: who must have signed, matched against the Fulcio certificate.
import type { RE2JS } from 're2js';
import { clip, quote } from '../encoding/quote';
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { WORKFLOW_CLAIMS, type WorkflowClaim } from './workflow-claims';
import { loadRe2 } from './re2-engine';

/** Exact value or a Go RE2 regular expression (cosign --…-regexp) matched over the whole value: where cosign
 *  finds the expression anywhere in the value, Signet requires it to match all of it, so `acme` never admits
 *  `evil-acme-fork`. */
export interface ValueMatcher {
  exact?: string;
  regexp?: string;
}

export { WORKFLOW_CLAIMS, type WorkflowClaim } from './workflow-claims';

export interface IdentityPolicy {
  /** --certificate-identity / --certificate-identity-regexp */
  identity: ValueMatcher;
  /** --certificate-oidc-issuer / --certificate-oidc-issuer-regexp */
  issuer: ValueMatcher;
  claims?: Partial<Record<WorkflowClaim, string>>;
}

/** What the certificate actually holds, as the policy sees it. */
export interface CertificateIdentity {
  sans: string[];
  issuer: string | undefined;
  claims: Partial<Record<WorkflowClaim, string>>;
}

export interface PolicyMatch {
  identity: string;
  issuer: string;
  claims: Partial<Record<WorkflowClaim, string>>;
}

/** How a regular expression is matched, for evidence and the pin panel. */
export const REGEXP_SEMANTICS = 'Go RE2 syntax, as cosign; matched against the whole value (cosign matches anywhere in it)';

// Compile a matcher once; an invalid or oversized regular expression is POLICY_INVALID. Expressions are Go RE2
// (re2js): linear time in the value's length whatever the pattern, so an attacker's SAN cannot stall the check,
// and lookarounds and backreferences are refused with Go's own error, which cosign prints. The engine is imported
// only for a regular expression.
export async function compileMatcher(m: ValueMatcher, what: string): Promise<(value: string) => boolean> {
  if ((m.exact === undefined) === (m.regexp === undefined)) {
    throw new VerifyError('POLICY_INVALID', `${what}: give exactly one of an exact value or a regular expression`, { where: what });
  }
  if (m.exact !== undefined) {
    const exact = m.exact;
    return (v) => v === exact;
  }
  const source = m.regexp!;
  if (source.length > LIMITS.regexpLength) {
    throw new VerifyError('POLICY_INVALID', `${what}: regular expression longer than ${LIMITS.regexpLength} characters`, { where: what });
  }
  const engine = await loadRe2();
  let re: RE2JS;
  try {
    re = engine.compile(source);
  } catch (err) {
    throw new VerifyError('POLICY_INVALID', `${what}: ${(err as Error).message}`, { where: what, expected: 'a Go RE2 regular expression', found: source });
  }
  return (v) => re.matches(v);
}

// Describe a matcher the way a user typed it.
export function describeMatcher(m: ValueMatcher): string {
  return m.exact !== undefined ? quote(m.exact) : `RE2 /${clip(m.regexp ?? '')}/ over the whole value`;
}

// Check the certificate identity against the policy: SAN, then OIDC issuer, then each pinned claim.
export async function evaluateIdentityPolicy(policy: IdentityPolicy, cert: CertificateIdentity): Promise<PolicyMatch> {
  const identityOk = await compileMatcher(policy.identity, 'certificate identity');
  const issuerOk = await compileMatcher(policy.issuer, 'OIDC issuer');
  const identity = cert.sans.find(identityOk);
  if (identity === undefined) {
    throw new VerifyError('POLICY_IDENTITY_MISMATCH', `expected identity ${describeMatcher(policy.identity)}, the certificate says ${cert.sans.map((s) => quote(s)).join(', ') || 'nothing'}`, {
      where: 'certificate subjectAltName',
      expected: describeMatcher(policy.identity),
      found: cert.sans.join(', ') || '(no SAN)',
    });
  }
  if (cert.issuer === undefined || !issuerOk(cert.issuer)) {
    throw new VerifyError('POLICY_ISSUER_MISMATCH', `expected OIDC issuer ${describeMatcher(policy.issuer)}, the certificate says ${cert.issuer === undefined ? 'nothing' : quote(cert.issuer)}`, {
      where: 'certificate extension 1.3.6.1.4.1.57264.1.8 (or .1.1)',
      expected: describeMatcher(policy.issuer),
      found: cert.issuer ?? '(no issuer extension)',
    });
  }
  for (const [claim, expected] of Object.entries(policy.claims ?? {}) as [WorkflowClaim, string][]) {
    const found = cert.claims[claim];
    if (found !== expected) {
      throw new VerifyError('POLICY_CLAIM_MISMATCH', `expected ${WORKFLOW_CLAIMS[claim]} ${quote(expected)}, the certificate says ${found === undefined ? 'nothing' : quote(found)}`, {
        where: `certificate claim ${claim}`,
        expected,
        found: found ?? '(absent)',
      });
    }
  }
  return { identity, issuer: cert.issuer, claims: policy.claims ?? {} };
}
