// The cosign policy and trust flags every verifying verb shares, and the policy they resolve to.
import { readFileSync } from 'node:fs';
import type { WorkflowClaim } from '../core/policy/identity-policy';
import { parseTrustedRoot, publicGoodTrustedRoot, type TrustedRoot } from '../core/trust';
import type { VerificationPolicy } from '../core/verify';
import type { ParsedArgs } from './parse-args';
import { refusedKeyReference } from './refused-flags';
import { UsageError } from './usage-error';
import type { FlagSpec } from './verb';

const CLAIM_FLAGS: Record<string, WorkflowClaim> = {
  'certificate-github-workflow-trigger': 'githubWorkflowTrigger',
  'certificate-github-workflow-sha': 'githubWorkflowSha',
  'certificate-github-workflow-name': 'githubWorkflowName',
  'certificate-github-workflow-repository': 'githubWorkflowRepository',
  'certificate-github-workflow-ref': 'githubWorkflowRef',
};

const CLAIM_HELP: Record<string, string> = {
  'certificate-github-workflow-trigger': 'the certificate\'s GitHub workflow trigger must be this (e.g. push)',
  'certificate-github-workflow-sha': 'the certificate\'s GitHub workflow commit SHA must be this',
  'certificate-github-workflow-name': 'the certificate\'s GitHub workflow name must be this',
  'certificate-github-workflow-repository': 'the certificate\'s GitHub workflow repository must be this (owner/name)',
  'certificate-github-workflow-ref': 'the certificate\'s GitHub workflow ref must be this (e.g. refs/tags/v1)',
};

/** Who must have signed: cosign's identity flags, --key, or Signet's --inspect. */
export const POLICY_FLAGS: readonly FlagSpec[] = [
  { name: 'certificate-identity', value: 'ID', help: 'the signing certificate must name exactly this identity (email, URI)' },
  { name: 'certificate-identity-regexp', value: 'RE', help: 'the identity must match this RE2 regular expression (whole value)' },
  { name: 'certificate-oidc-issuer', value: 'URL', help: 'the certificate\'s OIDC issuer must be exactly this' },
  { name: 'certificate-oidc-issuer-regexp', value: 'RE', help: 'the OIDC issuer must match this regular expression (whole value)' },
  ...Object.keys(CLAIM_FLAGS).map((name) => ({ name, value: 'VALUE', help: CLAIM_HELP[name]! })),
  { name: 'key', value: 'FILE', help: 'verify with this PEM public key instead of a certificate identity', refuse: refusedKeyReference },
  { name: 'inspect', help: 'check everything but the signer (never verified: the verdict is at most incomplete)' },
];

/** Where trust comes from. */
export const TRUST_FLAGS: readonly FlagSpec[] = [
  { name: 'trusted-root', value: 'FILE', help: 'trusted_root.json of a private or staging Sigstore instance (default: the embedded public-good root)' },
  { name: 'offline', help: 'accepted for cosign: Signet never contacts Rekor, Fulcio or TUF while verifying' },
];

/** cosign's --check-claims (default true): Signet always checks them, so only =false is refused. */
export const CHECK_CLAIMS_FLAG: FlagSpec = { name: 'check-claims', help: 'accepted for cosign (always on): the signed statement must name the artifact; =false is refused' };

// --check-claims=false would verify a signature without tying it to the artifact: refused (on verbs that take the flag).
export function assertClaimsChecked(args: ParsedArgs): void {
  if (!args.verb.flags.some((f) => f.name === 'check-claims')) return;
  if (args.has('check-claims') && !args.boolean('check-claims')) {
    throw new UsageError('--check-claims=false is not supported: a signature not tied to the artifact proves nothing about it', args.verb);
  }
}

// The embedded public-good root, or a trusted_root.json file (private instance, staging).
export function loadTrustedRoot(args: ParsedArgs): TrustedRoot {
  const file = args.string('trusted-root');
  if (!file) return publicGoodTrustedRoot();
  return parseTrustedRoot(readFileSync(file, 'utf8'), { name: 'Custom trusted root', description: `loaded from ${file}` });
}

// cosign-style flags to a policy: exactly one of identity flags, --key or --inspect.
export function policyFromArgs(args: ParsedArgs, predicateType?: string): VerificationPolicy {
  const extra = predicateType ? { predicateType } : {};
  const identity = args.string('certificate-identity');
  const identityRe = args.string('certificate-identity-regexp');
  const issuer = args.string('certificate-oidc-issuer');
  const issuerRe = args.string('certificate-oidc-issuer-regexp');
  const key = args.string('key');
  const claims = Object.fromEntries(Object.entries(CLAIM_FLAGS).flatMap(([flag, claim]) => (args.string(flag) !== undefined ? [[claim, args.string(flag)!]] : [])));
  const identityGiven = [identity, identityRe, issuer, issuerRe].some((v) => v !== undefined) || Object.keys(claims).length > 0;
  const modes = [identityGiven, key !== undefined, args.boolean('inspect')].filter(Boolean).length;
  if (modes !== 1) throw new UsageError('give identity flags (--certificate-identity and --certificate-oidc-issuer), --key, or --inspect: exactly one of them', args.verb);
  if (key !== undefined) return { kind: 'key', publicKey: readFileSync(key, 'utf8'), ...extra };
  if (args.boolean('inspect')) return { kind: 'inspect', ...extra };
  if (identity !== undefined && identityRe !== undefined) throw new UsageError('give --certificate-identity or --certificate-identity-regexp, not both', args.verb);
  if (issuer !== undefined && issuerRe !== undefined) throw new UsageError('give --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both', args.verb);
  if (identity === undefined && identityRe === undefined) throw new UsageError('--certificate-identity or --certificate-identity-regexp is required: without it any Sigstore user could have signed', args.verb);
  if (issuer === undefined && issuerRe === undefined) {
    throw new UsageError('--certificate-oidc-issuer or --certificate-oidc-issuer-regexp is required: an identity means nothing without the provider that vouched for it (cosign requires it too)', args.verb);
  }
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
