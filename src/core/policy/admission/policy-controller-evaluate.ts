// policy-controller's decision for one container, over Signet's verification of the image.
// Semantics read from policy-controller pkg/webhook/validator.go: the image must be a digest (the mutating webhook
// resolves tags first), every matching ClusterImagePolicy must pass and within one any authority is enough
// (validatePolicies / ValidatePolicy), mode warn turns failures into warnings (asFieldError), an image no policy
// matches gets the configured no-match-policy (setNoMatchingPoliciesError), and the messages "failed policy: <name>",
// "signature keyless validation failed for authority <name> for <image>: …", "disallowed by static policy",
// "no matching attestations with type …". Identities follow cosign's CheckOpts (exact or unanchored RE2).
import { VerifyError } from '../../errors';
import { checkEntry, identityFinding, type IdentityRule } from './entry-check';
import { containerRegistryName, splitImageName } from './image-name';
import type { PcAuthority, PcPolicy, PcTrustRoot } from './policy-controller-policy';
import { compileUnanchored } from './signature-facts';
import { signedStatement } from '../../verify/signed-content';
import { trustWithParts, type TrustParts } from './trust-material';
import type { AdmissionRow, AdmissionVerifier, AuthorityOutcome, ContainerRef, NoMatchPolicy, VerificationAsk } from './types';
import type { TrustedRoot } from '../../trust';

export interface PolicyControllerContext {
  verifier: AdmissionVerifier;
  defaultTrust: TrustedRoot;
  trustRoots: PcTrustRoot[];
  noMatchPolicy: NoMatchPolicy;
}

// One row per matching policy, or one no-match row; the image is first resolved to its digest, as the webhook does.
export async function evaluatePolicyController(policies: PcPolicy[], container: ContainerRef, ctx: PolicyControllerContext): Promise<AdmissionRow[]> {
  const name = splitImageName(container.image);
  const resolved = await ctx.verifier.resolve(container.image);
  const base = { container, controller: 'policy-controller' as const, notes: [] as string[], outcomes: [] as AuthorityOutcome[], timelines: [] as number[] };
  if (!resolved.digest) {
    const asGiven = containerRegistryName(name);
    const reason = `${container.image} must be an image digest: ${container.path}.image (the tag could not be resolved: ${resolved.failure?.summary ?? 'unknown'})`;
    return [{ ...base, policy: 'every ClusterImagePolicy', status: 'deny', reason, matchedAs: asGiven }];
  }
  const digestName = containerRegistryName({ ...name, digest: resolved.digest });
  const matching = policies.filter((p) => p.globs.some((g) => g.matches(digestName)));
  if (matching.length === 0) {
    const status = ctx.noMatchPolicy === 'allow' ? 'admit' : ctx.noMatchPolicy === 'deny' ? 'deny' : 'warn';
    const globs = policies.flatMap((p) => p.globs.map((g) => `${p.name}: ${g.glob}`)).join(', ') || 'none given';
    return [{ ...base, policy: 'no matching policy', status, reason: `no matching policies: ${container.path}.image ${digestName} (no-match-policy ${ctx.noMatchPolicy} applied; globs: ${globs})`, matchedAs: digestName, digest: resolved.digest }];
  }
  const rows: AdmissionRow[] = [];
  for (const policy of matching) rows.push(await evaluatePolicy(policy, container, digestName, resolved.digest, ctx));
  return rows;
}

// One ClusterImagePolicy: any authority passing admits; otherwise every authority's error is listed.
async function evaluatePolicy(policy: PcPolicy, container: ContainerRef, ref: string, digest: string, ctx: PolicyControllerContext): Promise<AdmissionRow> {
  const outcomes: AuthorityOutcome[] = [];
  const notes = [...policy.notes];
  for (const authority of policy.authorities) {
    notes.push(...authority.notes);
    outcomes.push(await evaluateAuthority(authority, container, ref, ctx));
  }
  const row = (status: AdmissionRow['status'], reason: string, signet?: AuthorityOutcome['signet']): AdmissionRow => ({
    container,
    controller: 'policy-controller',
    policy: `ClusterImagePolicy/${policy.name}`,
    status,
    reason,
    matchedAs: ref,
    digest,
    outcomes,
    notes,
    timelines: [...new Set(outcomes.flatMap((o) => o.timelines))].filter((t) => t >= 0),
    ...(signet ? { signet } : {}),
  });
  const passed = outcomes.filter((o) => o.status === 'pass');
  if (passed.length > 0) {
    if (policy.policyType) return row('not-evaluated', `not evaluated: ${policy.policyType} policy (spec.policy of ${policy.name}); ${passed.map((o) => o.path).join(', ')} passed`);
    return row('admit', `${policy.name}: ${passed.map((o) => `${o.path}: ${o.message}`).join('; ')}`);
  }
  const failed = outcomes.filter((o) => o.status === 'fail');
  const first = failed[0] ?? outcomes[0];
  const message = `failed policy: ${policy.name}: ${container.path}.image ${ref} ${outcomes.map((o) => o.message).join(' ')}`;
  if (outcomes.some((o) => o.status === 'not-evaluated')) return row('not-evaluated', message, first?.signet);
  return policy.mode === 'warn' ? row('warn', `${message} (mode: warn: admitted with a warning)`, first?.signet) : row('deny', message, first?.signet);
}

// One authority: static, or verify the image with its trust and key and apply its identities and attestations.
async function evaluateAuthority(authority: PcAuthority, container: ContainerRef, ref: string, ctx: PolicyControllerContext): Promise<AuthorityOutcome> {
  const path = authority.name;
  if (authority.kind === 'static') {
    return authority.action === 'pass'
      ? { path, status: 'pass', message: 'allowed by static policy', timelines: [] }
      : { path, status: 'fail', message: `disallowed by static policy${authority.message ? `: ${authority.message}` : ''}`, timelines: [] };
  }
  if (authority.kind === 'not-evaluable') return { path, status: 'not-evaluated', message: `not evaluated: ${authority.reason}`, timelines: [] };
  const trust = trustFor(authority, ctx);
  if ('reason' in trust) return { path, status: 'not-evaluated', message: `not evaluated: ${trust.reason}`, timelines: [] };
  if (authority.kind === 'key' && authority.hashAlgorithm !== 'sha256') {
    return { path, status: 'not-evaluated', message: `not evaluated: key.hashAlgorithm ${authority.hashAlgorithm} (the engine checks keys with SHA-256)`, timelines: [] };
  }
  const weakened = authority.insecureIgnoreSCT ? { thresholds: { sct: 0 } } : {};
  const ask: VerificationAsk =
    authority.kind === 'key'
      ? { key: `${trust.key}|key|${authority.data}`, trust: trust.root, policy: { kind: 'key', publicKey: authority.data }, label: `key authority ${authority.name}` }
      : { key: `${trust.key}|${authority.insecureIgnoreSCT ? 'ignoreSCT' : ''}|inspect`, trust: trust.root, policy: { kind: 'inspect' }, label: `keyless authority ${authority.name}${authority.insecureIgnoreSCT ? ', insecureIgnoreSCT' : ''}`, ...weakened };
  const evidence = await ctx.verifier.verify(container.image, ask);
  const attestations = authority.attestations.length > 0;
  const check = checkEntry(evidence, {
    attestations,
    ...(authority.signatureFormat ? { formats: authority.signatureFormat === 'bundle' ? (['sigstore-bundle'] as const) : (['cosign-simplesigning', 'cosign-dsse'] as const) } : {}),
    ...(authority.kind === 'keyless' ? { identity: identitiesRule(authority) } : {}),
    ignoreTlog: false,
    ignoreSct: authority.insecureIgnoreSCT,
  });
  const timelines = [evidence.timeline];
  const what = `${attestations ? 'attestation' : 'signature'} ${authority.kind}`;
  if (check.kind !== 'verified') {
    const error = check.kind === 'failed' && check.byIdentity ? `no matching signatures: ${check.error}` : check.error;
    return { path, status: check.kind === 'failed' ? 'fail' : 'not-evaluated', message: `${what} validation failed for authority ${authority.name} for ${ref}: ${error}`, ...(check.signet ? { signet: check.signet } : {}), timelines };
  }
  if (!attestations) return { path, status: 'pass', message: `${check.verified.length} signature(s) validated`, timelines };
  for (const wanted of authority.attestations) {
    const found = check.verified.filter((s) => signedStatement(s.result)?.predicateType === wanted.predicateType);
    if (found.length === 0) {
      const types = check.verified.map((s) => String(signedStatement(s.result)?.predicateType)).join(', ');
      return { path, status: 'fail', message: `no matching attestations with type ${wanted.predicateType}`, signet: { step: 'policy.attestation', summary: `the verified attestations have predicate types ${types}`, code: 'POLICY_PREDICATE_MISMATCH' }, timelines };
    }
    if (wanted.policyType) return { path, status: 'not-evaluated', message: `not evaluated: ${wanted.policyType} policy (attestation ${wanted.name}); ${found.length} attestation(s) of type ${wanted.predicateType} verified`, timelines };
  }
  return { path, status: 'pass', message: `attestations ${authority.attestations.map((a) => a.name).join(', ')} validated`, timelines };
}

// The trust an authority names: its TrustRoots (sigstoreKeys) and ca-cert over the default root.
function trustFor(authority: PcAuthority, ctx: PolicyControllerContext): { root: TrustedRoot | null; key: string } | { reason: string } {
  const parts: TrustParts = {};
  for (const ref of authority.trustRootRefs) {
    const root = ctx.trustRoots.find((t) => t.name === ref);
    if (!root) return { reason: `trustRootRef ${ref} names no TrustRoot in the YAML given` };
    if (!root.parts) return { reason: root.reason ?? `TrustRoot ${ref} has no keys` };
    Object.assign(parts, root.parts);
  }
  if (authority.caCert) parts.certificateAuthorities = [{ pem: authority.caCert, where: `${authority.name}.keyless.ca-cert.data` }];
  if (Object.keys(parts).length === 0) return { root: null, key: 'default' };
  try {
    return { root: trustWithParts(ctx.defaultTrust, parts, `TrustRoot ${authority.trustRootRefs.join(', ') || 'ca-cert'}`), key: `${authority.trustRootRefs.join(',')}|${authority.caCert ?? ''}` };
  } catch (err) {
    if (err instanceof VerifyError) return { reason: `the trust material is unusable: ${err.message}` };
    throw err;
  }
}

// Any one identity matching accepts the certificate; regular expressions are Go RE2, unanchored (cosign CheckOpts).
function identitiesRule(authority: Extract<PcAuthority, { kind: 'keyless' }>): IdentityRule {
  const compiled = authority.identities.map((id, i) => {
    const where = `${authority.name}.keyless.identities[${i}]`;
    const re = (source: string | undefined, field: string) => (source === undefined ? undefined : compileUnanchored(source, `${where}.${field}`));
    return { id, subjectRe: re(id.subjectRegExp, 'subjectRegExp'), issuerRe: re(id.issuerRegExp, 'issuerRegExp') };
  });
  return (signer) => {
    if (!signer) return { message: 'no certificate found on signature', finding: { step: 'cert.decode', summary: 'the signature carries no certificate (it is key-based), so a keyless authority cannot accept it' } };
    if (compiled.length === 0) return undefined;
    const ok = compiled.some(({ id, subjectRe, issuerRe }) => {
      const issuerOk = id.issuer !== undefined ? signer.issuer === id.issuer : issuerRe ? issuerRe(signer.issuer) : true;
      const subjectOk = id.subject !== undefined ? signer.subjects.includes(id.subject) : subjectRe ? signer.subjects.some(subjectRe) : true;
      return issuerOk && subjectOk;
    });
    if (ok) return undefined;
    const expected = authority.identities.map((id) => `${id.subject ?? `/${id.subjectRegExp ?? '.*'}/`} from ${id.issuer ?? `/${id.issuerRegExp ?? '.*'}/`}`).join(' or ');
    return {
      message: `none of the expected identities matched what was in the certificate, got subjects [${signer.subjects.join(' ')}] with issuer ${signer.issuer}`,
      finding: identityFinding(`the certificate names ${signer.subjects.join(', ')} from ${signer.issuer}`, 'certificate subjectAltName and OIDC issuer', expected, `${signer.subjects.join(', ')} from ${signer.issuer}`),
    };
  };
}
