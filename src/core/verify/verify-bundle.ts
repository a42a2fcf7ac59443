// The runner: executes the bundle plan and computes the verdict from the steps alone.
import { clip } from '../encoding/quote';
import { defineLazy } from '../encoding/lazy';
import { LIMITS } from '../limits';
import { CATALOGUE } from './catalogue';
import { BUNDLE_PLAN } from './bundle-plan';
import type { VerifyContext } from './context';
import { resolveThresholds, type VerifyRequest } from './options';
import { runPlan } from './plan';
import { StepRecorder } from './step-recorder';
import { attestationView } from './steps/attestation-view';
import { resultViews } from '../views/result-views';
import { waivedSteps } from './waived-steps';
import { signedContentOf } from './signed-content';
import { STEP_IDS, type BundleStepId, type Step, type VerificationResult } from './types';

export { waivedSteps } from './waived-steps';

export const ENGINE_VERSION = '0.1.0';

// Verify one bundle against a policy and trusted root; never throws, every problem is a step.
export async function verifyBundle(req: VerifyRequest): Promise<VerificationResult> {
  const started = Date.now();
  const t0 = globalThis.performance?.now() ?? started;
  const steps = new StepRecorder<BundleStepId>(CATALOGUE);
  // bundle.parse sets the bundle and what follows from it; no other step runs unless it passed.
  const ctx = { req, trust: req.trustedRoot, thresholds: resolveThresholds(undefined), now: req.now ?? Date.now(), steps, entries: [], verifiedTimes: [] } as unknown as VerifyContext;
  await runPlan(BUNDLE_PLAN, ctx, steps);
  const parsed = steps.get('bundle.parse')?.status === 'pass';
  const attestation = parsed ? attestationView(ctx) : undefined;
  const views = resultViews(ctx);
  const content = parsed ? ctx.bundle.content : undefined;

  const ordered = steps.ordered(STEP_IDS);
  const result: VerificationResult = {
    ...verdictOf(ordered),
    steps: ordered,
    trust: req.trustedRoot.source,
    startedAt: new Date(started).toISOString(),
    totalMs: Math.round(((globalThis.performance?.now() ?? Date.now()) - t0) * 1000) / 1000,
    engine: { name: 'signet', version: ENGINE_VERSION },
    ...(attestation ? { attestation } : {}),
    ...(Object.keys(views).length > 0 ? { views } : {}),
  };
  // The signed payload as text (a copy of up to the attestation size limit) is made when first read.
  if (content?.kind === 'dsse') defineLazy(result, 'signed', () => signedContentOf(content));
  return result;
}

// verified only when every required step passed; failed at the first failed required step; else incomplete.
export function verdictOf(steps: Step[]): Pick<VerificationResult, 'verdict' | 'headline' | 'failedStep'> {
  const failed = steps.find((s) => s.required && s.status === 'fail');
  if (failed) return { verdict: 'failed', failedStep: failed.id, headline: clip(`${failedSentence(failed)} (${failed.id}): ${failed.summary}`, LIMITS.sentenceChars) };
  const open = steps.filter((s) => s.required && s.status !== 'pass');
  if (open.length > 0) {
    return { verdict: 'incomplete', headline: clip(`Not verified: ${open.map((s) => `${s.id}: ${s.summary}`).join(' ')}`, LIMITS.sentenceChars) };
  }
  const identity = steps.find((s) => s.id === 'policy.identity');
  const waived = waivedSteps(steps);
  const weakened = waived.length ? ` Not checked, as the verifier options asked: ${waived.join(', ')}.` : '';
  return { verdict: 'verified', headline: clip(`Verified. ${identity?.summary ?? ''}${weakened}`.replace('.  ', '. ').trim(), LIMITS.sentenceChars) };
}

// A failed step as a sentence: "Failed: the signer is not the expected identity".
export function failedSentence(step: Step): string {
  return `Failed: ${step.failure ?? step.title.toLowerCase()}`;
}
