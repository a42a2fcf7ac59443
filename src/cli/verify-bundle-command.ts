// `signet verify-bundle`: the Sigstore conformance client protocol (exit status is the verdict), plus --json.
import { readFileSync } from 'node:fs';
import { parseAnySignatureInput } from '../core/bundle';
import { verifyBundle, type VerifyRequest } from '../core/verify';
import { readArtifactArg } from './artifact-arg';
import { stderrColour } from './io';
import { loadTrustedRoot, POLICY_FLAGS, policyFromArgs, TRUST_FLAGS } from './policy-flags';
import { formatTimeline } from './print-timeline';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';
import { WEAKENING_FLAGS, weakeningFromArgs } from './weakening-flags';

export const verifyBundleVerb: Verb = {
  name: 'verify-bundle',
  summary: 'verify a Sigstore bundle against a file or a digest (the Sigstore conformance client protocol)',
  synopsis: '--bundle FILE (--certificate-identity ID --certificate-oidc-issuer URL | --key FILE | --inspect) [flags] [FILE_OR_DIGEST]',
  operands: { name: 'FILE_OR_DIGEST (the artifact, or sha256:/sha384:/sha512:<hex>; without it the verdict is at most incomplete)', min: 0, max: 1 },
  flags: [
    { name: 'bundle', value: 'FILE', help: 'the Sigstore bundle, cosign sign-blob bundle or cosign download signature output' },
    ...POLICY_FLAGS,
    ...TRUST_FLAGS,
    ...WEAKENING_FLAGS,
    { name: 'staging', help: 'the bundle is from Sigstore staging (needs --trusted-root with the staging root)' },
    { name: 'predicate-type', value: 'URI', help: 'the bundle must be an in-toto attestation of this predicate type' },
    { name: 'json', help: 'print the full verification record (JSON) on stdout' },
  ],
  notes: ['The timeline goes to stderr. Several signatures in one cosign download dump are each verified; any one verified suffices, as in cosign.'],
  async run(args, io) {
    const bundlePath = args.string('bundle');
    if (!bundlePath) throw new UsageError('--bundle FILE is required', this);
    if (args.boolean('staging') && !args.string('trusted-root')) {
      throw new UsageError('--staging needs --trusted-root FILE: only the public-good production root is embedded', this);
    }
    const trustedRoot = loadTrustedRoot(args);
    const policy = policyFromArgs(args, args.string('predicate-type'));
    const text = readFileSync(bundlePath, 'utf8');
    const { thresholds, useSignedTimestamps } = weakeningFromArgs(args);
    // Without FILE_OR_DIGEST every check still runs, but nothing ties the signature to an artifact: never verified.
    const artifact = args.operands[0] === undefined ? null : readArtifactArg(args.operands[0]);
    const results = await Promise.all(signaturesOf(text).map((bundle) => verifyBundle({ bundle, artifact, policy, trustedRoot, thresholds, useSignedTimestamps })));
    for (const result of results) {
      if (args.boolean('json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      io.stderr(`${formatTimeline(result, stderrColour(io))}\n`);
    }
    return results.some((r) => r.verdict === 'verified') ? EXIT.verified : EXIT.notVerified;
  },
};

// Each signature of the input, parsed once; input that does not parse is one verification whose bundle.parse step
// fails with the reason.
function signaturesOf(text: string): VerifyRequest['bundle'][] {
  try {
    return parseAnySignatureInput(text).map((bundle) => () => bundle);
  } catch (err) {
    return [
      () => {
        throw err;
      },
    ];
  }
}
