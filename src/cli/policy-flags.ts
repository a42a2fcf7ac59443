// The cosign-style policy and trust flags shared by `signet verify-bundle` and `signet verify`.
import { readFileSync } from 'node:fs';
import { parseTrustedRoot, publicGoodTrustedRoot, type TrustedRoot, type VerificationPolicy, type WorkflowClaim } from '../core';
import { UsageError } from './usage-error';

const CLAIM_FLAGS: Record<string, WorkflowClaim> = {
  'certificate-github-workflow-trigger': 'githubWorkflowTrigger',
  'certificate-github-workflow-sha': 'githubWorkflowSha',
  'certificate-github-workflow-name': 'githubWorkflowName',
  'certificate-github-workflow-repository': 'githubWorkflowRepository',
  'certificate-github-workflow-ref': 'githubWorkflowRef',
};

/** parseArgs definitions of the policy and trust flags. */
export const POLICY_OPTIONS = {
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-oidc-issuer-regexp': { type: 'string' },
  ...Object.fromEntries(Object.keys(CLAIM_FLAGS).map((k) => [k, { type: 'string' as const }])),
  key: { type: 'string' },
  inspect: { type: 'boolean' },
  'trusted-root': { type: 'string' },
  'predicate-type': { type: 'string' },
  json: { type: 'boolean' },
} as const;

// The embedded public-good root, or a trusted_root.json file (private instance, staging).
export function loadTrustedRoot(file: string | undefined): TrustedRoot {
  if (!file) return publicGoodTrustedRoot();
  return parseTrustedRoot(readFileSync(file, 'utf8'), { name: 'Custom trusted root', description: `loaded from ${file}` });
}

// cosign-style flags to a policy; exactly one of identity flags, --key or --inspect.
export function policyFromFlags(values: Record<string, string | boolean | undefined>, usage: string): VerificationPolicy {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const predicateType = str('predicate-type');
  const extra = predicateType ? { predicateType } : {};
  const identity = str('certificate-identity');
  const identityRe = str('certificate-identity-regexp');
  const issuer = str('certificate-oidc-issuer');
  const issuerRe = str('certificate-oidc-issuer-regexp');
  const key = str('key');
  const modes = [identity !== undefined || identityRe !== undefined, key !== undefined, values.inspect === true].filter(Boolean).length;
  if (modes !== 1) throw new UsageError(`give identity flags, --key or --inspect (exactly one)\n\n${usage}`);
  if (key !== undefined) return { kind: 'key', publicKey: readFileSync(key, 'utf8'), ...extra };
  if (values.inspect) return { kind: 'inspect', ...extra };
  if ((identity === undefined) === (identityRe === undefined) || (issuer === undefined) === (issuerRe === undefined)) {
    throw new UsageError(`give one of --certificate-identity/--certificate-identity-regexp and one of --certificate-oidc-issuer/--certificate-oidc-issuer-regexp\n\n${usage}`);
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
