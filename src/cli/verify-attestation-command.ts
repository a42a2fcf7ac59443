// `signet verify-attestation IMAGE --type T`: like `cosign verify-attestation` — every attestation of the image
// verified (signature, chain, log, timestamps, identity, subject = image digest), those of the type printed.
import { resolvePredicateType } from '../core/attest/predicate-types';
import { verifyImage } from '../image/verify-image';
import { acceptedAttestations, checksPerformed, signerLines } from './attestation-output';
import { stderrColour } from './io';
import { loadTrustedRoot, POLICY_FLAGS, policyFromArgs, TRUST_FLAGS } from './policy-flags';
import { formatImageResult, sanitize } from './print-timeline';
import { registryClientFromEnv } from './registry-client';
import { WEAKENING_FLAGS, weakeningFromArgs } from './weakening-flags';
import { EXIT, type FlagSpec, type Verb } from './verb';

/** cosign's --type flag: an alias (custom, slsaprovenance1, spdxjson, cyclonedx, vuln, openvex…) or a URI. */
export const TYPE_FLAG: FlagSpec = { name: 'type', value: 'TYPE', help: 'predicate type: custom (default), slsaprovenance, slsaprovenance02, slsaprovenance1, spdx, spdxjson, cyclonedx, link, vuln, openvex, or a URI' };

export const verifyAttestationVerb: Verb = {
  name: 'verify-attestation',
  summary: 'verify the attestations of a container image, as cosign verify-attestation does',
  synopsis: 'IMAGE [--type TYPE] (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE | --inspect) [flags]',
  operands: { name: 'IMAGE', min: 1, max: 1 },
  flags: [TYPE_FLAG, ...POLICY_FLAGS, ...TRUST_FLAGS, ...WEAKENING_FLAGS, { name: 'json', help: 'print the full verification record (JSON) on stdout instead of the envelopes' }, { name: 'verbose', help: 'print every timeline on stderr' }],
  notes: [
    'On stdout, one verified DSSE envelope per line (as cosign prints them); on stderr, the checks performed and each signer.',
    'Exit status 0 when at least one attestation of the type verified, 1 otherwise (the message names the types found).',
  ],
  async run(args, io) {
    const choice = resolvePredicateType(args.string('type'));
    const policy = policyFromArgs(args, choice.given);
    const reference = args.operands[0]!;
    const result = await verifyImage({ reference, client: registryClientFromEnv(io), policy, trustedRoot: loadTrustedRoot(args), ...weakeningFromArgs(args), keepEnvelopes: !args.boolean('json') });
    const accepted = acceptedAttestations(result, policy, choice.uri);
    if (args.boolean('json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (args.boolean('verbose') || accepted.length === 0) io.stderr(`${formatImageResult(result, stderrColour(io))}\n\n`);
    if (accepted.length === 0) {
      io.stderr(`Error: ${sanitize(result.headline)}\n`);
      return EXIT.notVerified;
    }
    io.stderr(`${checksPerformed(reference, policy, accepted)}\n${accepted.map(signerLines).join('\n')}\n`);
    if (!args.boolean('json')) for (const a of accepted) if (a.envelope) io.stdout(`${a.envelope}\n`);
    return policy.kind === 'inspect' ? EXIT.notVerified : EXIT.verified;
  },
};
