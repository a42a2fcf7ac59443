// `signet verify IMAGE…`: like `cosign verify`, straight to the registry (no proxy in Node), one image or many.
import { IMAGE_BATCH_FLAGS, IMAGE_BATCH_NOTES, runImageBatch } from './image-batch';
import { CHECK_CLAIMS_FLAG, POLICY_FLAGS, TRUST_FLAGS } from './policy-flags';
import type { Verb } from './verb';

export const verifyImageVerb: Verb = {
  name: 'verify',
  summary: 'verify the signatures of container images in a registry, as cosign verify does',
  synopsis: 'IMAGE… [-f FILE] (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE | --inspect) [flags]',
  operands: { name: 'IMAGE', min: 0 },
  flags: [
    ...POLICY_FLAGS,
    ...TRUST_FLAGS,
    ...IMAGE_BATCH_FLAGS,
    CHECK_CLAIMS_FLAG,
    { name: 'experimental-oci11', help: 'accepted for cosign: Signet always looks for OCI 1.1 referrers as well as cosign\'s tags' },
  ],
  notes: [
    'stderr: cosign\'s "Verification for IMAGE --" and the checks made, warnings, then the step timeline; after several images a summary table. stdout: the verified payloads as cosign prints them, or --json.',
    ...IMAGE_BATCH_NOTES,
  ],
  run: (args, io) => runImageBatch(args, io),
};
