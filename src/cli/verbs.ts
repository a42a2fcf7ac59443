// The verbs of the `signet` command, in the order `signet --help` lists them. A new verb is one module and one line here.
import { conformanceVerb } from './conformance-command';
import { downloadVerb } from './download-command';
import { treeVerb } from './tree-command';
import { verifyAttestationVerb } from './verify-attestation-command';
import { policyCheckVerb } from './policy-check-command';
import { rekorVerb } from './rekor-command';
import { trustedRootVerb } from './trusted-root-command';
import type { Verb } from './verb';
import { verifyBlobVerb } from './verify-blob-command';
import { verifyBlobAttestationVerb } from './verify-blob-attestation-command';
import { verifyBundleVerb } from './verify-bundle-command';
import { verifyImageVerb } from './verify-image-command';

export const VERBS: readonly Verb[] = [verifyImageVerb, verifyAttestationVerb, verifyBlobVerb, verifyBlobAttestationVerb, verifyBundleVerb, treeVerb, downloadVerb, policyCheckVerb, rekorVerb, trustedRootVerb, conformanceVerb];
