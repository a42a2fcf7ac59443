// The verbs of the `signet` command, in the order `signet --help` lists them. A new verb is one module and one line here.
import { conformanceVerb } from './conformance-command';
import { policyCheckVerb } from './policy-check-command';
import { rekorVerb } from './rekor-command';
import { trustedRootVerb } from './trusted-root-command';
import type { Verb } from './verb';
import { verifyBlobVerb } from './verify-blob-command';
import { verifyBlobAttestationVerb } from './verify-blob-attestation-command';
import { verifyBundleVerb } from './verify-bundle-command';
import { verifyImageVerb } from './verify-image-command';

export const VERBS: readonly Verb[] = [verifyImageVerb, verifyBlobVerb, verifyBlobAttestationVerb, verifyBundleVerb, policyCheckVerb, rekorVerb, trustedRootVerb, conformanceVerb];
