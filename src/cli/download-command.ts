// `signet download attestation IMAGE [--predicate-type T]`: the attestation envelopes that verified, as JSON lines
// (cosign download attestation prints them unverified; Signet prints only what passed the policy).
import { resolvePredicateType } from '../core/attest/predicate-types';
import { verifyImage } from '../image/verify-image';
import { acceptedAttestations } from './attestation-output';
import { loadTrustedRoot, POLICY_FLAGS, policyFromArgs, TRUST_FLAGS } from './policy-flags';
import { sanitize } from './print-timeline';
import { registryClientFromEnv } from './registry-client';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';

export const downloadVerb: Verb = {
  name: 'download',
  summary: 'print the verified attestation envelopes of an image as JSON lines',
  synopsis: 'attestation IMAGE [--predicate-type TYPE] (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE | --inspect) [flags]',
  operands: { name: 'attestation IMAGE', min: 2, max: 2 },
  flags: [{ name: 'predicate-type', value: 'TYPE', help: 'only attestations of this type (a cosign --type alias or a URI)' }, ...POLICY_FLAGS, ...TRUST_FLAGS],
  notes: ['Only attestations whose whole timeline verified are printed; --inspect prints those with no failed check, signer unchecked.'],
  async run(args, io) {
    const [what, reference] = args.operands as [string, string];
    if (what !== 'attestation') throw new UsageError(`only "download attestation" is supported, not ${JSON.stringify(what.slice(0, 40))}`, args.verb);
    const type = args.string('predicate-type');
    const uri = type === undefined ? undefined : resolvePredicateType(type).uri;
    const policy = policyFromArgs(args);
    const result = await verifyImage({ reference, client: registryClientFromEnv(io), policy, trustedRoot: loadTrustedRoot(args), keepEnvelopes: true });
    const accepted = acceptedAttestations(result, policy, uri);
    for (const a of accepted) if (a.envelope) io.stdout(`${a.envelope}\n`);
    const skipped = result.signatures.filter((s) => s.kind === 'attestation').length - accepted.length;
    io.stderr(`${accepted.length} attestation${accepted.length === 1 ? '' : 's'} printed${skipped > 0 ? `, ${skipped} left out (other type, or not verified)` : ''}${result.verdict === 'failed' && accepted.length === 0 ? `: ${sanitize(result.headline)}` : ''}\n`);
    return accepted.length > 0 ? EXIT.verified : EXIT.notVerified;
  },
};
