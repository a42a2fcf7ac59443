// Whether a provenance agrees with the signing certificate's Fulcio claims (Fulcio docs/oid-info.md:
// source repository .1.12/.1.5, ref .1.14/.1.6, digest .1.13/.1.3, build config .1.18).
import type { FulcioClaims } from '../x509/fulcio-extensions';
import type { ClaimAgreement, ProvenanceView } from './view-model';

// "git+https://github.com/o/r.git@refs/heads/main" → "https://github.com/o/r" (case kept: paths are case-sensitive).
export function normalizeRepository(uri: string): string {
  return uri.replace(/^git\+/, '').replace(/@(refs\/.*|[^/]*)$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
}

// The workflow path in a build config URI "https://github.com/o/r/.github/workflows/x.yml@refs/heads/main".
function workflowPathOf(buildConfigUri: string): string | undefined {
  return /^https:\/\/[^/]+\/[^/]+\/[^/]+\/(.+?)@/.exec(buildConfigUri)?.[1];
}

// Compare each field the provenance and the certificate both state; absent on either side is not compared.
export function compareWithCertificate(p: ProvenanceView, claims: FulcioClaims): ClaimAgreement[] {
  const out: ClaimAgreement[] = [];
  const add = (field: string, provenance: string | undefined, certificate: string | undefined, claim: string, same: (a: string, b: string) => boolean = (a, b) => a === b) => {
    if (provenance !== undefined && certificate !== undefined) out.push({ field, provenance, certificate, claim, agrees: same(provenance, certificate) });
  };
  const repoClaim = claims.sourceRepositoryUri ?? (claims.githubWorkflowRepository === undefined ? undefined : `https://github.com/${claims.githubWorkflowRepository}`);
  add('source repository', p.sourceRepository, repoClaim, claims.sourceRepositoryUri ? 'Source Repository URI (1.3.6.1.4.1.57264.1.12)' : 'GitHub Workflow Repository (1.3.6.1.4.1.57264.1.5)', (a, b) => normalizeRepository(a) === normalizeRepository(b));
  add('source commit', p.sourceCommit, claims.sourceRepositoryDigest ?? claims.githubWorkflowSha, claims.sourceRepositoryDigest ? 'Source Repository Digest (1.3.6.1.4.1.57264.1.13)' : 'GitHub Workflow SHA (1.3.6.1.4.1.57264.1.3)', (a, b) => a.toLowerCase() === b.toLowerCase());
  add('source ref', p.sourceRef ?? p.workflowRef, claims.sourceRepositoryRef ?? claims.githubWorkflowRef, claims.sourceRepositoryRef ? 'Source Repository Ref (1.3.6.1.4.1.57264.1.14)' : 'GitHub Workflow Ref (1.3.6.1.4.1.57264.1.6)');
  const certWorkflow = claims.buildConfigUri === undefined ? undefined : workflowPathOf(claims.buildConfigUri);
  add('workflow', p.workflowPath, certWorkflow, 'Build Config URI (1.3.6.1.4.1.57264.1.18)');
  return out;
}
