// `signet verify-bundle`: the Sigstore conformance client protocol, plus --json and readable output.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { severalSignatures, verifyBundle, type VerificationResult } from '../core';
import { readArtifactArg } from './artifact-arg';
import { loadTrustedRoot, POLICY_OPTIONS, policyFromFlags } from './policy-flags';
import { formatTimeline } from './print-timeline';
import { UsageError } from './usage-error';
import { WEAKENING_OPTIONS, WEAKENING_USAGE, weakeningFromFlags } from './weakening-flags';

export const VERIFY_BUNDLE_USAGE = `signet verify-bundle --bundle FILE
    (--certificate-identity ID | --certificate-identity-regexp RE)
    (--certificate-oidc-issuer URL | --certificate-oidc-issuer-regexp RE)
    [--certificate-github-workflow-{trigger,sha,name,repository,ref} VALUE]
  | --key PEM_FILE
  | --inspect
    [--trusted-root FILE] [--predicate-type URI] [--json]
    ${WEAKENING_USAGE}
    [FILE_OR_DIGEST]   (a file, or sha256:/sha384:/sha512: hex; without it the verdict is at best incomplete)`;

// Parse the flags, verify, print; exit 0 only when verified.
export async function verifyBundleCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      bundle: { type: 'string' },
      ...POLICY_OPTIONS,
      ...WEAKENING_OPTIONS,
      staging: { type: 'boolean' },
    },
  });
  if (!values.bundle || positionals.length > 1) throw new UsageError(VERIFY_BUNDLE_USAGE);
  if (values.staging && !values['trusted-root']) {
    throw new UsageError('--staging needs --trusted-root FILE: only the public-good production root is embedded');
  }
  const trustedRoot = loadTrustedRoot(values['trusted-root'] as string | undefined);
  const policy = policyFromFlags(values as Record<string, string | boolean | undefined>, VERIFY_BUNDLE_USAGE);
  const { thresholds, useSignedTimestamps } = weakeningFromFlags(values as Record<string, string | boolean | undefined>);
  const text = readFileSync(values.bundle as string, 'utf8');
  // Without FILE_OR_DIGEST every check still runs, but nothing ties the signature to an artifact: never verified.
  const artifact = positionals[0] === undefined ? null : readArtifactArg(positionals[0]);
  // A `cosign download signature` dump may hold several signatures: each is verified; any one verified suffices, as in cosign.
  const many = severalSignatures(text);
  const results = await Promise.all((many ?? [text]).map((bundle) => verifyBundle({ bundle, artifact, policy, trustedRoot, thresholds, useSignedTimestamps })));
  for (const result of results) printResult(result, Boolean(values.json));
  return results.some((r) => r.verdict === 'verified') ? 0 : 1;
}

// Print the result as JSON or as a timeline for people.
export function printResult(result: VerificationResult, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatTimeline(result, process.stdout.isTTY === true)}\n`);
}

