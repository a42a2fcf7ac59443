// Kyverno's verifyImages decision for one container, over Signet's verification of the image.
// Semantics read from kyverno pkg/engine/internal/imageverifier.go (imageReferences/skipImageReferences matching,
// verifyAttestorSet count semantics: no count means every entry, ExpandStaticKeys, verifyAttestations returning at the
// first failing entry, the messages "failed to verify image …", "verified image signatures for …") and
// pkg/cosign/cosign.go (matchCertificateData: "subject mismatch: expected …, received …", "issuer mismatch: …",
// "extension mismatch: …"; one matching certificate is enough).
import { parsePem } from '../../encoding';
import { FULCIO_EXTENSIONS, parseCertificate } from '../../x509';
import { checkEntry, identityFinding, type EntryCheck, type IdentityRule } from './entry-check';
import { kyvernoImageName, splitImageName } from './image-name';
import { evaluateConditions } from './kyverno-conditions';
import type { AttestorEntry, AttestorSet, KyvernoAttestation, KyvernoImageVerification, KyvernoPolicy } from './kyverno-policy';
import { compileUnanchored } from './signature-facts';
import { signedStatement } from '../../verify/signed-content';
import { trustWithParts, type TrustParts } from './trust-material';
import type { AdmissionRow, AdmissionVerifier, AuthorityOutcome, ContainerRef, ResolvedImage, SignetFinding, VerificationAsk } from './types';
import type { TrustedRoot } from '../../trust';
import { wildcardMatch } from './wildcard';

/** Workload kinds Kyverno's auto-generation extends Pod rules to (pkg/autogen). */
const POD_CONTROLLERS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

/** What the evaluation is given besides the policy and the container. */
export interface KyvernoContext {
  verifier: AdmissionVerifier;
  /** The user's trusted root: what a policy without its own trust material falls back to. */
  defaultTrust: TrustedRoot;
  /** The workload kind the container belongs to. */
  kind: string;
}

type Verdict = { status: 'pass' | 'fail' | 'not-evaluated'; message: string; signet?: SignetFinding };

// The row for one container under one Kyverno policy: every applicable verifyImages entry must pass.
export async function evaluateKyverno(policy: KyvernoPolicy, container: ContainerRef, ctx: KyvernoContext): Promise<AdmissionRow> {
  const name = splitImageName(container.image);
  const image = kyvernoImageName(name);
  const notes = [...policy.notes];
  const outcomes: AuthorityOutcome[] = [];
  const row = (status: AdmissionRow['status'], reason: string, extra: Partial<AdmissionRow> = {}): AdmissionRow => ({
    container,
    controller: 'kyverno',
    policy: `${policy.kind}/${policy.name}`,
    status,
    reason,
    matchedAs: image,
    outcomes,
    notes,
    timelines: [...new Set(outcomes.flatMap((o) => o.timelines))].filter((t) => t >= 0),
    ...extra,
  });
  const applicable = policy.rules.flatMap((rule) => {
    const kindOk = rule.kinds === null || rule.kinds.includes('*') || rule.kinds.includes(ctx.kind) || (rule.kinds.includes('Pod') && POD_CONTROLLERS.has(ctx.kind));
    if (!kindOk) return [];
    notes.push(...rule.notes);
    return rule.verifyImages
      .filter((iv) => iv.imageReferences.some((p) => wildcardMatch(p, image)) && !iv.skipImageReferences.some((p) => wildcardMatch(p, image)))
      .map((iv) => ({ rule, iv }));
  });
  if (applicable.length === 0) return row('not-applicable', `no verifyImages entry of ${policy.kind}/${policy.name} matches ${image} (imageReferences, skipImageReferences, match.resources.kinds)`);

  const resolved = await ctx.verifier.resolve(container.image);
  let mutatedImage: string | undefined;
  let worst: { verdict: Verdict; rule: string; iv: KyvernoImageVerification } | undefined;
  for (const { rule, iv } of applicable) {
    notes.push(...iv.notes);
    const verdict = await verifyImageEntry(iv, image, container, resolved, ctx, outcomes, notes);
    if (verdict.status === 'pass' && iv.mutateDigest && !name.digest && resolved.digest) mutatedImage = `${image}@${resolved.digest}`;
    if (verdict.status !== 'pass' && (!worst || worst.verdict.status === 'not-evaluated')) worst = { verdict, rule: rule.name, iv };
  }
  const extra: Partial<AdmissionRow> = { ...(resolved.digest ? { digest: resolved.digest } : {}), ...(mutatedImage ? { mutatedImage } : {}) };
  if (!worst) {
    return row('admit', `${policy.name}/${applicable[0]!.rule.name}: ${applicable.some((a) => a.iv.attestations.length > 0) ? 'verified image attestations' : 'verified image signatures'} for ${image}`, extra);
  }
  const reason = `${policy.name}/${worst.rule}: ${worst.verdict.message}`;
  const decided = { ...extra, ...(worst.verdict.signet ? { signet: worst.verdict.signet } : {}) };
  if (worst.verdict.status === 'not-evaluated') return row('not-evaluated', reason, decided);
  return row(worst.iv.failureAction === 'Enforce' ? 'deny' : 'warn', worst.iv.failureAction === 'Enforce' ? reason : `${reason} (validationFailureAction Audit: admitted, reported as a policy violation)`, decided);
}

// One verifyImages entry: digest rule, then every attestor set, then every attestation.
async function verifyImageEntry(
  iv: KyvernoImageVerification,
  image: string,
  container: ContainerRef,
  resolved: ResolvedImage,
  ctx: KyvernoContext,
  outcomes: AuthorityOutcome[],
  notes: string[],
): Promise<Verdict> {
  if (iv.type !== 'Cosign' && iv.type !== 'SigstoreBundle') return { status: 'not-evaluated', message: `${iv.path}.type ${iv.type} is not evaluated (only Cosign and SigstoreBundle)` };
  if (iv.verifyDigest && !iv.mutateDigest && !splitImageName(container.image).digest) return { status: 'fail', message: `missing digest for ${image}` };
  if (resolved.failure) return { status: 'fail', message: `failed to verify image ${image}: ${resolved.failure.summary}`, signet: { step: resolved.failure.id, summary: resolved.failure.summary } };
  if (!iv.required) notes.push(`${iv.path}.required: false only relaxes Kyverno's later check of its verified-images annotation; the attestor checks are evaluated as usual`);
  for (const [i, set] of iv.attestors.entries()) {
    const v = await verifyAttestorSet(set, `.attestors[${i}]`, iv, container, ctx, outcomes, false);
    if (v.status !== 'pass') return { ...v, message: `failed to verify image ${image}: ${v.message}` };
  }
  for (const att of iv.attestations) {
    const v = await verifyAttestation(att, iv, image, container, ctx, outcomes);
    if (v.status !== 'pass') return v;
  }
  if (iv.attestors.length === 0 && iv.attestations.length === 0) return { status: 'pass', message: `no attestors or attestations: nothing to verify for ${image}` };
  return { status: 'pass', message: `verified image ${iv.attestations.length > 0 ? 'attestations' : 'signatures'} for ${image}` };
}

// An attestor set passes when `count` entries (all, without count) pass; failing entries' errors are combined.
async function verifyAttestorSet(set: AttestorSet, path: string, iv: KyvernoImageVerification, container: ContainerRef, ctx: KyvernoContext, outcomes: AuthorityOutcome[], attestations: boolean): Promise<Verdict> {
  const required = set.count ?? set.entries.length;
  let verified = 0;
  let undecided = 0;
  const errors: string[] = [];
  let signet: SignetFinding | undefined;
  for (const [j, entry] of set.entries.entries()) {
    const entryPath = `${path}.entries[${j}]${entry.path.slice(entry.path.lastIndexOf('.'))}`;
    const check = await checkKyvernoEntry(entry, iv, container, ctx, attestations);
    outcomes.push(outcomeOf(entryPath, check.result, check.timeline));
    if (check.result.kind === 'verified') {
      if (++verified >= required) return { status: 'pass', message: `${verified} of ${set.entries.length} entries verified` };
      continue;
    }
    if (check.result.kind === 'not-evaluated') undecided++;
    errors.push(`${entryPath}: ${check.result.error}`);
    signet ??= check.result.signet;
  }
  const status = verified + undecided >= required ? 'not-evaluated' : 'fail';
  return { status, message: errors.join('; '), ...(signet ? { signet } : {}) };
}

// One attestation: each attestor entry's verified statements of the type must exist and satisfy the conditions.
async function verifyAttestation(att: KyvernoAttestation, iv: KyvernoImageVerification, image: string, container: ContainerRef, ctx: KyvernoContext, outcomes: AuthorityOutcome[]): Promise<Verdict> {
  if (!att.predicateType) return { status: 'fail', message: `${att.path}: missing predicateType` };
  const sets: AttestorSet[] = att.attestors.length > 0 ? att.attestors : [{ entries: [{ kind: 'keyless', path: '.keyless', additionalExtensions: {}, rekor: { ignoreTlog: false }, ctlog: { ignoreSCT: false } }] }];
  for (const [j, set] of sets.entries()) {
    const required = set.count ?? set.entries.length;
    let verified = 0;
    for (const [k, entry] of set.entries.entries()) {
      const entryPath = `${att.path}.attestors[${j}].entries[${k}]${entry.path.slice(entry.path.lastIndexOf('.'))}`;
      const check = await checkKyvernoEntry(entry, iv, container, ctx, true);
      const fail = (message: string, signet?: SignetFinding, status: 'fail' | 'not-evaluated' = 'fail'): Verdict => {
        outcomes.push({ path: entryPath, status, message, ...(signet ? { signet } : {}), timelines: [check.timeline] });
        return { status, message: `${entryPath}: ${message}`, ...(signet ? { signet } : {}) };
      };
      if (check.result.kind !== 'verified') return fail(check.result.error, check.result.signet, check.result.kind === 'failed' ? 'fail' : 'not-evaluated');
      const statements = check.result.verified.map((s) => signedStatement(s.result)).filter((s) => s?.predicateType === att.predicateType);
      if (statements.length === 0) {
        const types = check.result.verified.map((s) => String(signedStatement(s.result)?.predicateType)).join(', ');
        return fail(`attestions not found for predicate type ${att.predicateType}`, { step: 'policy.attestation', summary: `verified attestations carry predicate types ${types || 'none'}, not ${att.predicateType}`, code: 'POLICY_PREDICATE_MISMATCH' });
      }
      for (const statement of statements) {
        const predicate = statement!.predicate;
        const failure = evaluateConditions(att.conditions, predicate !== null && typeof predicate === 'object' && !Array.isArray(predicate) ? predicate : {}, `${att.path}.conditions`);
        if (failure) {
          const finding: SignetFinding = { step: 'policy.attestation', summary: `${failure.where}: ${failure.summary}`, code: failure.notEvaluated ? 'POLICY_NOT_CHECKED' : 'POLICY_PREDICATE_MISMATCH' };
          if (failure.notEvaluated) return fail(`conditions not evaluated: ${failure.summary}`, finding, 'not-evaluated');
          return fail(`attestation checks failed for ${image} and predicate ${att.predicateType}`, finding);
        }
      }
      outcomes.push({ path: entryPath, status: 'pass', message: `${statements.length} attestation(s) of type ${att.predicateType} verified${att.conditions.length ? ' and met the conditions' : ''}`, timelines: [check.timeline] });
      if (++verified >= required) break;
    }
    if (verified < required) return { status: 'fail', message: `image attestations verification failed, verifiedCount: ${verified}, requiredCount: ${required}` };
  }
  return { status: 'pass', message: `verified image attestations for ${image}` };
}

// The outcome record of one entry check.
function outcomeOf(path: string, result: EntryCheck, timeline: number): AuthorityOutcome {
  if (result.kind === 'verified') return { path, status: 'pass', message: `${result.verified.length} signature(s) verified and matched`, timelines: [timeline] };
  return { path, status: result.kind === 'failed' ? 'fail' : 'not-evaluated', message: result.error, ...(result.signet ? { signet: result.signet } : {}), timelines: [timeline] };
}

// Verify the image for one entry (trust and key from the entry) and apply the entry's identity rule.
async function checkKyvernoEntry(entry: AttestorEntry, iv: KyvernoImageVerification, container: ContainerRef, ctx: KyvernoContext, attestations: boolean): Promise<{ result: EntryCheck; timeline: number }> {
  if (entry.kind === 'not-evaluable') return { result: { kind: 'not-evaluated', error: entry.reason }, timeline: -1 };
  const unsupported = entry.kind === 'keys' && !['', 'sha256'].includes(entry.signatureAlgorithm);
  if (unsupported) return { result: { kind: 'not-evaluated', error: `signatureAlgorithm ${entry.signatureAlgorithm} is not evaluated (the engine checks keys with SHA-256)` }, timeline: -1 };
  const ask = askFor(entry, ctx.defaultTrust, iv.type);
  const evidence = await ctx.verifier.verify(container.image, ask);
  const formats = iv.type === 'SigstoreBundle' ? (['sigstore-bundle'] as const) : attestations ? (['cosign-dsse'] as const) : (['cosign-simplesigning'] as const);
  const result = checkEntry(evidence, {
    attestations,
    formats,
    ...(entry.kind === 'keyless' ? { identity: keylessRule(entry) } : {}),
    ignoreTlog: entry.rekor.ignoreTlog,
    ignoreSct: entry.ctlog.ignoreSCT,
  });
  return { result, timeline: evidence.timeline };
}

// The verification an entry needs: its trust parts over the default root, and inspect (keyless) or key policy.
function askFor(entry: Exclude<AttestorEntry, { kind: 'not-evaluable' }>, defaultTrust: TrustedRoot, type: string): VerificationAsk {
  const parts: TrustParts = {};
  const roots = entry.kind === 'keyless' ? entry.roots : entry.kind === 'certificates' ? entry.certChain : undefined;
  if (roots) parts.certificateAuthorities = [{ pem: roots, where: `${entry.path}.roots` }];
  if (entry.rekor.pubkey) parts.tlogs = [{ pem: entry.rekor.pubkey, where: `${entry.path}.rekor.pubkey`, ...(entry.rekor.url ? { url: entry.rekor.url } : {}) }];
  if (entry.ctlog.pubkey) parts.ctlogs = [{ pem: entry.ctlog.pubkey, where: `${entry.path}.ctlog.pubkey` }];
  const custom = Object.keys(parts).length > 0;
  const trust = custom ? trustWithParts(defaultTrust, parts, 'Trust from the Kyverno policy') : null;
  const trustKey = custom ? `${roots ?? ''}|${entry.rekor.pubkey ?? ''}|${entry.ctlog.pubkey ?? ''}` : 'default';
  const ignored = [...(entry.rekor.ignoreTlog ? ['ignoreTlog'] : []), ...(entry.ctlog.ignoreSCT ? ['ignoreSCT'] : [])];
  const label = `${type} ${entry.kind}${custom ? `, trust from the policy (${Object.keys(parts).join(', ')})` : ''}${ignored.length ? `, ${ignored.join(' and ')}` : ''}`;
  const weakened = ignored.length ? { thresholds: { ...(entry.rekor.ignoreTlog ? { tlog: 0 } : {}), ...(entry.ctlog.ignoreSCT ? { sct: 0 } : {}) } } : {};
  const base = `${trustKey}|${ignored.join(',')}`;
  if (entry.kind === 'keys') return { key: `${base}|key|${entry.publicKeys}`, trust, policy: { kind: 'key', publicKey: entry.publicKeys }, label, ...weakened };
  if (entry.kind === 'certificates' && entry.cert) {
    const der = parsePem(entry.cert, `${entry.path}.cert`).find((b) => b.label === 'CERTIFICATE');
    if (der) return { key: `${base}|cert|${entry.cert}`, trust, policy: { kind: 'key', publicKey: parseCertificate(der.der, `${entry.path}.cert`).spki }, label, ...weakened };
  }
  return { key: `${base}|inspect`, trust, policy: { kind: 'inspect' }, label, ...weakened };
}

// Kyverno's keyless identity rule: subjectRegExp/issuerRegExp as cosign identities (unanchored RE2), then the subject and
// issuer wildcards and each additional extension (pkg/cosign/cosign.go matchCertificateData / matchExtensions).
function keylessRule(entry: Extract<AttestorEntry, { kind: 'keyless' }>): IdentityRule {
  const subjectRe = entry.subjectRegExp !== undefined ? compileUnanchored(entry.subjectRegExp, `${entry.path}.subjectRegExp`) : undefined;
  const issuerRe = entry.issuerRegExp !== undefined ? compileUnanchored(entry.issuerRegExp, `${entry.path}.issuerRegExp`) : undefined;
  return (signer) => {
    if (!signer) return { message: 'certificate not found', finding: { step: 'cert.decode', summary: 'the signature carries no certificate (it is key-based), so a keyless entry cannot accept it' } };
    if ((subjectRe && !signer.subjects.some(subjectRe)) || (issuerRe && !issuerRe(signer.issuer))) {
      const message = `none of the expected identities matched what was in the certificate, got subjects [${signer.subjects.join(' ')}] with issuer ${signer.issuer}`;
      const subjectBad = subjectRe && !signer.subjects.some(subjectRe);
      return {
        message,
        finding: subjectBad
          ? identityFinding(`no SAN matches ${entry.subjectRegExp}`, 'certificate subjectAltName', `RE2 ${entry.subjectRegExp}`, signer.subjects.join(', '))
          : identityFinding(`the OIDC issuer does not match ${entry.issuerRegExp}`, 'certificate OIDC issuer extension', `RE2 ${entry.issuerRegExp}`, signer.issuer),
      };
    }
    if (entry.subject && !wildcardMatch(entry.subject, signer.subject)) {
      return { message: `subject mismatch: expected ${entry.subject}, received ${signer.subject}`, finding: identityFinding(`the certificate subject ${signer.subject} does not match ${entry.subject}`, 'certificate subjectAltName', entry.subject, signer.subject) };
    }
    if (entry.issuer && !wildcardMatch(entry.issuer, signer.issuer)) {
      return { message: `issuer mismatch: expected ${entry.issuer}, received ${signer.issuer}`, finding: identityFinding(`the OIDC issuer ${signer.issuer} does not match ${entry.issuer}`, 'certificate OIDC issuer extension', entry.issuer, signer.issuer) };
    }
    for (const [key, wanted] of Object.entries(entry.additionalExtensions)) {
      const known = key === 'issuer' || key === '1.3.6.1.4.1.57264.1.1' ? { key: 'issuer' } : FULCIO_EXTENSIONS.find((e) => e.key === key || e.oid === key);
      if (!known) return { message: `key ${key} not present`, finding: identityFinding(`the certificate has no extension ${key}`, `certificate extension ${key}`, wanted, '(absent)') };
      const found = known.key === 'issuer' ? signer.issuer : (signer.certificate.fulcio[known.key as keyof typeof signer.certificate.fulcio] ?? '');
      if (!wildcardMatch(wanted, found)) {
        return { message: `extension mismatch: expected ${wanted} for key ${key}, received ${found}`, finding: identityFinding(`extension ${key} is ${found || '(absent)'}, not ${wanted}`, `certificate extension ${key}`, wanted, found || '(absent)') };
      }
    }
    return undefined;
  };
}

