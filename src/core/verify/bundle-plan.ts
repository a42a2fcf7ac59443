// The bundle verification plan: the catalogue's declarations bound to the facts its skip rules name
// and to the function that performs each step.
import { CATALOGUE, type BundleCondition } from './catalogue';
import type { VerifyContext } from './context';
import type { Plan } from './plan';
import { STEP_IDS, type BundleStepId } from './types';
import { bindArtifact } from './steps/artifact-bind';
import { parseStep } from './steps/bundle-parse';
import { decodeCertificate, verifyChain, verifyScts } from './steps/certificate';
import { verifyBundleSignature } from './steps/signature';
import { checkCheckpoints, checkInclusion, checkSets, checkTlogBodies, tlogThresholdError } from './steps/tlog';
import { checkRfc3161, checkTimeValidity } from './steps/timestamps';
import { checkAttestation, checkIdentity } from './steps/policy';
import { checkProvenanceAgreement, hasProvenanceClaims } from './steps/attestation-view';

const CONDITIONS: Record<BundleCondition, (ctx: VerifyContext) => boolean> = {
  'public-key': (ctx) => ctx.bundle.material.kind === 'publicKey',
  'no-leaf-key': (ctx) => ctx.bundle.material.kind === 'certificate' && !ctx.signingKey && !ctx.givenKeyError,
  'not-identity-policy': (ctx) => ctx.req.policy.kind !== 'identity',
  'no-rfc3161': (ctx) => ctx.bundle.rfc3161Timestamps.length === 0,
  'no-set': (ctx) => !ctx.entries.some((s) => s.entry.inclusionPromise),
  'no-inclusion-proof': (ctx) => !ctx.entries.some((s) => s.entry.inclusionProof),
  'no-checkpoint': (ctx) => !ctx.entries.some((s) => s.entry.inclusionProof?.checkpoint),
  'no-trusted-log': (ctx) => !ctx.entries.some((s) => s.log),
  'no-predicate-asked': (ctx) => !ctx.req.policy.predicateType,
  'nothing-to-attest': (ctx) => !ctx.req.policy.predicateType && !hasProvenanceClaims(ctx),
};

// The verified-entry threshold, once every per-entry proof has been checked. A failed proof step already
// explains itself, so it is not repeated.
function checkTlogThreshold(ctx: VerifyContext): void {
  const proofFailed = (['tlog.set', 'tlog.inclusion', 'tlog.checkpoint'] as const).some((id) => ctx.steps.get(id)?.status === 'fail');
  const short = proofFailed ? undefined : tlogThresholdError(ctx, ctx.entries);
  if (short) throw short;
}

export const BUNDLE_PLAN: Plan<BundleStepId, BundleCondition, VerifyContext> = {
  order: STEP_IDS,
  catalogue: CATALOGUE,
  conditions: CONDITIONS,
  checks: {
    'bundle.parse': { run: parseStep },
    'artifact.bind': { run: bindArtifact },
    'cert.decode': { run: decodeCertificate },
    'cert.chain': { run: verifyChain },
    'cert.sct': { run: verifyScts },
    signature: {
      run: (ctx) => {
        if (ctx.givenKeyError) throw ctx.givenKeyError;
        return verifyBundleSignature(ctx);
      },
    },
    'tlog.body': { run: (ctx) => checkTlogBodies(ctx, ctx.entries), recheck: { after: ['tlog.set', 'tlog.inclusion', 'tlog.checkpoint'], run: checkTlogThreshold } },
    'tlog.set': { run: (ctx) => checkSets(ctx, ctx.entries) },
    'tlog.inclusion': { run: (ctx) => checkInclusion(ctx.entries) },
    'tlog.checkpoint': { run: (ctx) => checkCheckpoints(ctx.entries) },
    'timestamp.rfc3161': { run: checkRfc3161 },
    'time.validity': { run: checkTimeValidity },
    'policy.identity': { run: checkIdentity },
    'policy.attestation': { run: (ctx) => (ctx.req.policy.predicateType ? checkAttestation(ctx) : checkProvenanceAgreement(ctx)) },
  },
};
