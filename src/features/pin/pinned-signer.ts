// The signer a policy should pin: the identity, issuer and workflow claims of the certificate a run saw.
import { COSIGN_SIGN_PREDICATE } from '../../core/attest/predicate-types';
import { WORKFLOW_CLAIMS, type WorkflowClaim } from '../../core/public-constants';
import type { VerificationResult } from '../../core';
import { leafCertificate } from '../../lib/read-result';

/** The claims pinned next to the identity. The workflow SHA is left out: it names one commit, so it would reject every later build. */
export const PINNED_CLAIMS = ['githubWorkflowRepository', 'githubWorkflowRef', 'githubWorkflowName', 'githubWorkflowTrigger'] as const satisfies readonly WorkflowClaim[];

export type PinnedClaim = (typeof PINNED_CLAIMS)[number];

export interface PinnedSigner {
  /** The certificate's first subject alternative name (Fulcio issues exactly one). */
  subject: string;
  /** The OIDC issuer (Fulcio extension .1.8, else .1.1). */
  issuer: string;
  /** The pinned workflow claims the certificate carries, with their cosign flags. */
  claims: { claim: PinnedClaim; flag: string; value: string }[];
  /** The in-toto predicate type when the result is an attestation rather than a signature. */
  predicateType?: string;
}

// The attestation type of a DSSE result: the statement's predicateType, unless it is cosign's own signature predicate.
function attestationType(result: VerificationResult): string | undefined {
  const type = result.attestation?.predicateType;
  return type !== undefined && type !== COSIGN_SIGN_PREDICATE ? type : undefined;
}

// The signer of a result's certificate, or null when there is no keyless identity to pin.
export function pinnedSigner(result: VerificationResult): PinnedSigner | null {
  const cert = leafCertificate(result);
  const subject = cert?.subjectAltNames[0]?.value;
  const issuer = cert?.oidcIssuer;
  if (!cert || subject === undefined || issuer === undefined) return null;
  const claims = PINNED_CLAIMS.flatMap((claim) => {
    const value = cert.claims.find((c) => c.key === claim)?.value;
    return value === undefined ? [] : [{ claim, flag: WORKFLOW_CLAIMS[claim], value }];
  });
  const predicateType = attestationType(result);
  return predicateType === undefined ? { subject, issuer, claims } : { subject, issuer, claims, predicateType };
}
