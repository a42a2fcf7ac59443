// `signet verify-bundle`: the Sigstore conformance client protocol, plus --json and readable output.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseTrustedRoot, publicGoodTrustedRoot, verifyBundle, type TrustedRoot, type VerificationPolicy, type VerificationResult, type WorkflowClaim } from '../core';
import { readArtifactArg } from './artifact-arg';
import { formatTimeline } from './print-timeline';
import { UsageError } from './usage-error';

export const VERIFY_BUNDLE_USAGE = `signet verify-bundle --bundle FILE
    (--certificate-identity ID | --certificate-identity-regexp RE)
    (--certificate-oidc-issuer URL | --certificate-oidc-issuer-regexp RE)
    [--certificate-github-workflow-{trigger,sha,name,repository,ref} VALUE]
  | --key PEM_FILE
  | --inspect
    [--trusted-root FILE] [--predicate-type URI] [--json] FILE_OR_DIGEST`;

const CLAIM_FLAGS: Record<string, WorkflowClaim> = {
  'certificate-github-workflow-trigger': 'githubWorkflowTrigger',
  'certificate-github-workflow-sha': 'githubWorkflowSha',
  'certificate-github-workflow-name': 'githubWorkflowName',
  'certificate-github-workflow-repository': 'githubWorkflowRepository',
  'certificate-github-workflow-ref': 'githubWorkflowRef',
};

// Parse the flags, verify, print; exit 0 only when verified.
export async function verifyBundleCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      bundle: { type: 'string' },
      'certificate-identity': { type: 'string' },
      'certificate-identity-regexp': { type: 'string' },
      'certificate-oidc-issuer': { type: 'string' },
      'certificate-oidc-issuer-regexp': { type: 'string' },
      ...Object.fromEntries(Object.keys(CLAIM_FLAGS).map((k) => [k, { type: 'string' as const }])),
      key: { type: 'string' },
      inspect: { type: 'boolean' },
      'trusted-root': { type: 'string' },
      'predicate-type': { type: 'string' },
      staging: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (!values.bundle || positionals.length !== 1) throw new UsageError(VERIFY_BUNDLE_USAGE);
  if (values.staging && !values['trusted-root']) {
    throw new UsageError('--staging needs --trusted-root FILE: only the public-good production root is embedded');
  }
  const trustedRoot = loadTrustedRoot(values['trusted-root'] as string | undefined);
  const policy = policyFromFlags(values as Record<string, string | boolean | undefined>);
  const result = await verifyBundle({
    bundle: readFileSync(values.bundle as string, 'utf8'),
    artifact: readArtifactArg(positionals[0]!),
    policy,
    trustedRoot,
  });
  printResult(result, Boolean(values.json));
  return result.verdict === 'verified' ? 0 : 1;
}

// Print the result as JSON or as a timeline for people.
export function printResult(result: VerificationResult, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatTimeline(result, process.stdout.isTTY === true)}\n`);
}

// The embedded public-good root, or a trusted_root.json file (private instance, staging).
export function loadTrustedRoot(file: string | undefined): TrustedRoot {
  if (!file) return publicGoodTrustedRoot();
  return parseTrustedRoot(readFileSync(file, 'utf8'), { name: 'Custom trusted root', description: `loaded from ${file}` });
}

// cosign-style flags to a policy; exactly one of identity flags, --key or --inspect.
export function policyFromFlags(values: Record<string, string | boolean | undefined>): VerificationPolicy {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const predicateType = str('predicate-type');
  const extra = predicateType ? { predicateType } : {};
  const identity = str('certificate-identity');
  const identityRe = str('certificate-identity-regexp');
  const issuer = str('certificate-oidc-issuer');
  const issuerRe = str('certificate-oidc-issuer-regexp');
  const key = str('key');
  const modes = [identity !== undefined || identityRe !== undefined, key !== undefined, values.inspect === true].filter(Boolean).length;
  if (modes !== 1) throw new UsageError(`give identity flags, --key or --inspect (exactly one)\n\n${VERIFY_BUNDLE_USAGE}`);
  if (key !== undefined) return { kind: 'key', publicKey: readFileSync(key, 'utf8'), ...extra };
  if (values.inspect) return { kind: 'inspect', ...extra };
  if ((identity === undefined) === (identityRe === undefined) || (issuer === undefined) === (issuerRe === undefined)) {
    throw new UsageError(`give one of --certificate-identity/--certificate-identity-regexp and one of --certificate-oidc-issuer/--certificate-oidc-issuer-regexp\n\n${VERIFY_BUNDLE_USAGE}`);
  }
  const claims = Object.fromEntries(Object.entries(CLAIM_FLAGS).flatMap(([flag, claim]) => (str(flag) !== undefined ? [[claim, str(flag)!]] : [])));
  return {
    kind: 'identity',
    identity: {
      identity: identity !== undefined ? { exact: identity } : { regexp: identityRe! },
      issuer: issuer !== undefined ? { exact: issuer } : { regexp: issuerRe! },
      claims,
    },
    ...extra,
  };
}
