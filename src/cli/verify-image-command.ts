// `signet verify IMAGE…`: like `cosign verify`, straight to the registry (no proxy in Node).
import { verifyImage } from '../image';
import { stderrColour } from './io';
import { loadTrustedRoot, POLICY_FLAGS, policyFromArgs, TRUST_FLAGS } from './policy-flags';
import { formatImageResult } from './print-timeline';
import { registryClientFromEnv } from './registry-client';
import { EXIT, type Verb } from './verb';

export const verifyImageVerb: Verb = {
  name: 'verify',
  summary: 'verify the signatures of container images in a registry, as cosign verify does',
  synopsis: 'IMAGE (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE | --inspect) [flags]',
  operands: { name: 'IMAGE', min: 1, max: 1 },
  flags: [...POLICY_FLAGS, ...TRUST_FLAGS, { name: 'json', help: 'print the full verification record (JSON) on stdout' }],
  notes: [
    'Registry credentials, when needed, come from SIGNET_REGISTRY_USERNAME and SIGNET_REGISTRY_PASSWORD (never from the command line, where other users could read them). Loopback registries use plain HTTP.',
  ],
  async run(args, io) {
    const client = registryClientFromEnv(io);
    const result = await verifyImage({ reference: args.operands[0]!, client, policy: policyFromArgs(args), trustedRoot: loadTrustedRoot(args) });
    if (args.boolean('json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    io.stderr(`${formatImageResult(result, stderrColour(io))}\n`);
    return result.verdict === 'verified' ? EXIT.verified : EXIT.notVerified;
  },
};
