// "Pin this identity": the cosign command and the two admission policies that accept exactly the signer a run saw.
import type { VerificationResult } from '../../core';
import { cosignCommand } from './cosign-command';
import { kyvernoPolicy } from './kyverno-policy';
import { pinnedSigner } from './pinned-signer';
import { policyControllerPolicy } from './policy-controller';
import type { PinOptions } from './pin-options';

export interface PinnedPolicies {
  cosign: string;
  kyverno: string;
  policyController: string;
}

// All three outputs from the result's certificate; null when it has no keyless identity (key-based, or no certificate decoded).
export function pinIdentity(result: VerificationResult, opts: PinOptions): PinnedPolicies | null {
  const signer = pinnedSigner(result);
  if (!signer) return null;
  return { cosign: cosignCommand(signer, opts), kyverno: kyvernoPolicy(signer, opts), policyController: policyControllerPolicy(signer, opts) };
}
