// The runner: executes the step catalogue in a fixed order and computes the verdict from the steps alone.
import { VerifyError } from '../errors';
import { isJsonObject } from '../encoding';
import { parseAnySignatureInput, parseBundleJson, type Bundle } from '../bundle';
import { CATALOGUE } from './catalogue';
import type { VerifyContext } from './context';
import { resolvePublicKey, resolveThresholds, type VerifyRequest } from './options';
import { StepRecorder } from './step-recorder';
import { STEP_IDS, type Step, type VerificationResult } from './types';
import { bindArtifact } from './steps/artifact-bind';
import { decodeCertificate, verifyChain, verifyScts } from './steps/certificate';
import { verifyBundleSignature } from './steps/signature';
import { checkCheckpoints, checkInclusion, checkSets, checkTlogBodies, countVerifiedEntries, entryStates, type EntryState } from './steps/tlog';
import { checkRfc3161, checkTimeValidity } from './steps/timestamps';
import { checkAttestation, checkIdentity } from './steps/policy';
import { attestationView, checkProvenanceAgreement, hasProvenanceClaims } from './steps/attestation-view';
import { withImageFromArtifact } from './steps/signed-artifact';

export const ENGINE_VERSION = '0.1.0';

// Verify one bundle against a policy and trusted root; never throws, every problem is a step.
export async function verifyBundle(req: VerifyRequest): Promise<VerificationResult> {
  const started = Date.now();
  const t0 = globalThis.performance?.now() ?? started;
  const steps = new StepRecorder();
  let bundle: Bundle | undefined;
  let thresholds = resolveThresholds(undefined);

  await steps.run('bundle.parse', true, () => {
    thresholds = resolveThresholds(req.thresholds);
    bundle = toBundle(req.bundle);
    return {
      summary: `${bundle.origin === 'cosign-legacy' ? 'Legacy cosign signature' : `Sigstore bundle v${bundle.version}`} with a ${bundle.content.kind === 'dsse' ? `DSSE envelope (${bundle.content.payloadType})` : 'message signature'}, ${describeMaterial(bundle)}, ${bundle.tlogEntries.length} log entr${bundle.tlogEntries.length === 1 ? 'y' : 'ies'} and ${bundle.rfc3161Timestamps.length} RFC 3161 timestamp${bundle.rfc3161Timestamps.length === 1 ? '' : 's'}.`,
      evidence: [
        { kind: 'text', label: 'media type', value: bundle.mediaType },
        { kind: 'text', label: 'content', value: bundle.content.kind === 'dsse' ? 'DSSE envelope' : 'message signature' },
        { kind: 'text', label: 'verification material', value: describeMaterial(bundle) },
      ],
    };
  });

  let attestation: ReturnType<typeof attestationView>;
  if (bundle) {
    const ctx: VerifyContext = { req: withImageFromArtifact(req, bundle), trust: req.trustedRoot, thresholds, now: req.now ?? Date.now(), steps, bundle, verifiedTimes: [] };
    await runChecks(ctx);
    attestation = attestationView(ctx);
  } else {
    for (const id of STEP_IDS.slice(1)) steps.skip(id, 'Not run: the bundle could not be parsed.', id !== 'policy.attestation');
  }

  const ordered = steps.ordered(STEP_IDS);
  return {
    ...verdictOf(ordered),
    steps: ordered,
    trust: req.trustedRoot.source,
    startedAt: new Date(started).toISOString(),
    totalMs: Math.round(((globalThis.performance?.now() ?? Date.now()) - t0) * 1000) / 1000,
    engine: { name: 'signet', version: ENGINE_VERSION },
    ...(attestation ? { attestation } : {}),
  };
}

// Everything after parsing. Independent checks run concurrently (WebCrypto is asynchronous, so
// overlapping them hides its latency); the time and policy checks wait for what they depend on.
async function runChecks(ctx: VerifyContext): Promise<void> {
  const { steps, bundle, req } = ctx;
  const keyed = bundle.material.kind === 'publicKey';

  let leafOk = false;
  if (keyed) steps.skip('cert.decode', 'Signed with a public key: there is no certificate.');
  else leafOk = await steps.run('cert.decode', true, () => decodeCertificate(ctx));
  const keyError = resolveGivenKey(ctx);
  const states = entryStates(bundle.tlogEntries);

  await Promise.all([
    steps.run('artifact.bind', true, () => bindArtifact(ctx)),
    runSignature(ctx, keyed, leafOk, keyError),
    runTlogSteps(ctx, states),
    bundle.rfc3161Timestamps.length > 0
      ? steps.run('timestamp.rfc3161', true, () => checkRfc3161(ctx))
      : steps.skip('timestamp.rfc3161', 'The bundle carries no RFC 3161 timestamp.'),
    runCertificateSteps(ctx, keyed, leafOk),
  ]);
  // Concurrent steps finish in any order; the record lists verified times in input order.
  ctx.verifiedTimes.sort((a, b) => a.where.localeCompare(b.where));

  if (keyed) steps.skip('time.validity', 'Signed with a public key, which has no validity period.');
  else if (!leafOk) steps.skip('time.validity', NOT_DECODED, true);
  else await steps.run('time.validity', true, () => checkTimeValidity(ctx));
  if (!keyed && !leafOk && req.policy.kind === 'identity') steps.skip('policy.identity', NOT_DECODED, true);
  else await steps.run('policy.identity', true, () => checkIdentity(ctx));
  if (req.policy.predicateType) await steps.run('policy.attestation', true, () => checkAttestation(ctx));
  else if (hasProvenanceClaims(ctx)) await steps.run('policy.attestation', false, () => checkProvenanceAgreement(ctx));
  else steps.skip('policy.attestation', 'No attestation type was asked for.');
}

const NOT_DECODED = 'Not run: the signing certificate was refused at cert.decode.';

// With --key, the key the user gave is the one that must have signed; returns why it could not be read.
function resolveGivenKey(ctx: VerifyContext): unknown {
  if (ctx.req.policy.kind !== 'key') return undefined;
  try {
    ctx.signingKey = resolvePublicKey(ctx.req.policy.publicKey);
    ctx.signingKeySource = 'the public key you gave';
    return undefined;
  } catch (err) {
    ctx.signingKey = undefined;
    return err;
  }
}

// The signature step, unless there is no key to check it with.
async function runSignature(ctx: VerifyContext, keyed: boolean, leafOk: boolean, keyError: unknown): Promise<void> {
  if (keyError) await ctx.steps.run('signature', true, () => Promise.reject(keyError));
  else if (!ctx.signingKey && !keyed && !leafOk) ctx.steps.skip('signature', NOT_DECODED, true);
  else await ctx.steps.run('signature', true, () => verifyBundleSignature(ctx));
}

// The four tlog steps: the body first (it finds each entry's log), then SET, inclusion and checkpoint together.
async function runTlogSteps(ctx: VerifyContext, states: EntryState[]): Promise<void> {
  const { steps } = ctx;
  const bodiesOk = await steps.run('tlog.body', true, () => checkTlogBodies(ctx, states));
  const fromTrustedLog = states.some((s) => s.log);
  await Promise.all([
    !states.some((s) => s.entry.inclusionPromise)
      ? steps.skip('tlog.set', 'No entry carries a signed entry timestamp (Rekor v2 and some v0.2+ bundles); its integrated time is not used.')
      : fromTrustedLog
        ? steps.run('tlog.set', true, () => checkSets(ctx, states))
        : steps.skip('tlog.set', 'Not run: no entry comes from a trusted log.', true),
    states.some((s) => s.entry.inclusionProof)
      ? steps.run('tlog.inclusion', true, () => checkInclusion(states))
      : steps.skip('tlog.inclusion', 'No inclusion proof (a v0.1 bundle or a legacy cosign signature); inclusion rests on the signed entry timestamp.'),
    !states.some((s) => s.entry.inclusionProof?.checkpoint)
      ? steps.skip('tlog.checkpoint', 'No checkpoint (allowed for v0.1 bundles and legacy cosign signatures only).')
      : fromTrustedLog
        ? steps.run('tlog.checkpoint', true, () => checkCheckpoints(states))
        : steps.skip('tlog.checkpoint', 'Not run: no entry comes from a trusted log.', true),
  ]);
  const tlogFailed = (['tlog.set', 'tlog.inclusion', 'tlog.checkpoint'] as const).some((id) => steps.get(id)?.status === 'fail');
  const verified = countVerifiedEntries(states);
  if (bodiesOk && !tlogFailed && verified < ctx.thresholds.tlog) {
    await steps.run('tlog.body', true, () => {
      throw new VerifyError('TLOG_THRESHOLD', `${verified} distinct verified log entries, ${ctx.thresholds.tlog} required`, {
        expected: `at least ${ctx.thresholds.tlog}`,
        found: String(verified),
      });
    });
  }
}

// cert.chain then cert.sct (the SCT needs the issuer the chain found).
async function runCertificateSteps(ctx: VerifyContext, keyed: boolean, leafOk: boolean): Promise<void> {
  const { steps } = ctx;
  if (keyed) {
    steps.skip('cert.chain', 'Signed with a public key: there is no certificate chain.');
    steps.skip('cert.sct', 'Signed with a public key: there is no certificate to log.');
  } else if (!leafOk) {
    steps.skip('cert.chain', NOT_DECODED, true);
    steps.skip('cert.sct', NOT_DECODED, true);
  } else if (await steps.run('cert.chain', true, () => verifyChain(ctx))) {
    await steps.run('cert.sct', true, () => verifyScts(ctx));
  } else {
    steps.skip('cert.sct', 'Not run: without a trusted issuer the SCT cannot be checked.', true);
  }
}

// Bundle or signature-dump text (one signature), parsed JSON, or an already-normalised Bundle.
function toBundle(input: VerifyRequest['bundle']): Bundle {
  if (typeof input === 'function') return input();
  if (typeof input === 'string') {
    const bundles = parseAnySignatureInput(input);
    if (bundles.length !== 1) {
      throw new VerifyError('COSIGN_FORMAT_INVALID', `the input holds ${bundles.length} signatures; verify them one at a time`, {
        where: 'input',
        expected: 'one signature',
        found: String(bundles.length),
      });
    }
    return bundles[0]!;
  }
  if (isJsonObject(input) && 'origin' in input && 'content' in input && 'material' in input) return input as unknown as Bundle;
  return parseBundleJson(input as Parameters<typeof parseBundleJson>[0]);
}

function describeMaterial(bundle: Bundle): string {
  const m = bundle.material;
  return m.kind === 'publicKey' ? `a public key${m.hint ? ` (hint ${m.hint})` : ''}` : m.form === 'certificate' ? 'a signing certificate' : `a chain of ${m.chain.length} certificate${m.chain.length === 1 ? '' : 's'}`;
}

// verified only when every required step passed; failed at the first failed required step; else incomplete.
export function verdictOf(steps: Step[]): Pick<VerificationResult, 'verdict' | 'headline' | 'failedStep'> {
  const failed = steps.find((s) => s.required && s.status === 'fail');
  if (failed) return { verdict: 'failed', failedStep: failed.id, headline: `Failed at ${failed.id} (${CATALOGUE[failed.id].title}): ${failed.summary}` };
  const open = steps.filter((s) => s.required && s.status !== 'pass');
  if (open.length > 0) {
    return { verdict: 'incomplete', headline: `Not verified: ${open.map((s) => `${s.id}: ${s.summary}`).join(' ')}` };
  }
  const identity = steps.find((s) => s.id === 'policy.identity');
  return { verdict: 'verified', headline: `Verified. ${identity?.summary ?? ''}`.trim() };
}
