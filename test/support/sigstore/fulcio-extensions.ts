// Fulcio certificate extensions under 1.3.6.1.4.1.57264.1 (Fulcio docs/oid-info.md):
// arcs 1–6 hold raw UTF-8 bytes, arcs 8–22 hold a DER UTF8String.
import { utf8 } from './der.ts';
import { utf8Bytes } from './keys.ts';
import type { Extension } from './x509.ts';

export const FULCIO_OID_PREFIX = '1.3.6.1.4.1.57264.1';

// Claim names and their OID arcs, in the order Fulcio writes them.
export const CLAIM_ARCS = {
  githubWorkflowTrigger: 2,
  githubWorkflowSha: 3,
  githubWorkflowName: 4,
  githubWorkflowRepository: 5,
  githubWorkflowRef: 6,
  buildSignerUri: 9,
  buildSignerDigest: 10,
  runnerEnvironment: 11,
  sourceRepositoryUri: 12,
  sourceRepositoryDigest: 13,
  sourceRepositoryRef: 14,
  sourceRepositoryIdentifier: 15,
  sourceRepositoryOwnerUri: 16,
  sourceRepositoryOwnerIdentifier: 17,
  buildConfigUri: 18,
  buildConfigDigest: 19,
  buildTrigger: 20,
  runInvocationUri: 21,
  sourceRepositoryVisibilityAtSigning: 22,
} as const;

export type ClaimName = keyof typeof CLAIM_ARCS;
export type FulcioClaims = Partial<Record<ClaimName, string>>;

export interface SigningIdentity {
  /** otherName: Fulcio's username SAN (type-id 1.3.6.1.4.1.57264.1.7), UPN-like "user!domain". */
  readonly san: { readonly email: string } | { readonly uri: string } | { readonly otherName: string };
  /** OIDC issuer, written to both .1.1 (raw) and .1.8 (UTF8String). */
  readonly issuer: string;
  readonly claims?: FulcioClaims;
  /** Omit the legacy .1.1 issuer extension (only .1.8 remains). */
  readonly omitLegacyIssuer?: boolean;
}

// One Fulcio extension: raw bytes for arcs below 8, DER UTF8String from arc 8 on.
function fulcioExtension(arc: number, value: string): Extension {
  return { oid: `${FULCIO_OID_PREFIX}.${arc}`, value: arc < 8 ? utf8Bytes(value) : utf8(value) };
}

// The Fulcio extensions for an identity, sorted by arc as Fulcio emits them.
export function fulcioExtensions(identity: SigningIdentity): Extension[] {
  const entries: [number, string][] = [];
  if (!identity.omitLegacyIssuer) entries.push([1, identity.issuer]);
  entries.push([8, identity.issuer]);
  for (const [name, value] of Object.entries(identity.claims ?? {})) {
    if (value !== undefined) entries.push([CLAIM_ARCS[name as ClaimName], value]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return entries.map(([arc, value]) => fulcioExtension(arc, value));
}

export interface GithubWorkflow {
  /** owner/name */
  readonly repository: string;
  /** e.g. .github/workflows/release.yml */
  readonly workflowPath: string;
  readonly ref: string;
  readonly sha: string;
  readonly workflowName?: string;
  readonly trigger?: string;
  readonly repositoryId?: string;
  readonly ownerId?: string;
  readonly runId?: string;
  readonly visibility?: 'public' | 'private' | 'internal';
}

// The identity a GitHub Actions workflow run gets from Fulcio: SAN URI of the workflow and every claim.
export function githubWorkflowIdentity(w: GithubWorkflow): SigningIdentity {
  const repoUri = `https://github.com/${w.repository}`;
  const workflowUri = `${repoUri}/${w.workflowPath}@${w.ref}`;
  const trigger = w.trigger ?? 'push';
  const owner = w.repository.split('/')[0] ?? '';
  return {
    san: { uri: workflowUri },
    issuer: 'https://token.actions.githubusercontent.com',
    claims: {
      githubWorkflowTrigger: trigger,
      githubWorkflowSha: w.sha,
      githubWorkflowName: w.workflowName ?? 'Release',
      githubWorkflowRepository: w.repository,
      githubWorkflowRef: w.ref,
      buildSignerUri: workflowUri,
      buildSignerDigest: w.sha,
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: repoUri,
      sourceRepositoryDigest: w.sha,
      sourceRepositoryRef: w.ref,
      sourceRepositoryIdentifier: w.repositoryId ?? '100000001',
      sourceRepositoryOwnerUri: `https://github.com/${owner}`,
      sourceRepositoryOwnerIdentifier: w.ownerId ?? '200000002',
      buildConfigUri: workflowUri,
      buildConfigDigest: w.sha,
      buildTrigger: trigger,
      runInvocationUri: `${repoUri}/actions/runs/${w.runId ?? '1234567890'}/attempts/1`,
      sourceRepositoryVisibilityAtSigning: w.visibility ?? 'public',
    },
  };
}

// Default signer: a GitHub Actions release workflow.
export const DEFAULT_IDENTITY: SigningIdentity = githubWorkflowIdentity({
  repository: 'signet-test/widget',
  workflowPath: '.github/workflows/release.yml',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
});
