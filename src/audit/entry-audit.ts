// An entry read from the log, checked with the same steps and evidence as a bundle: its identity (the body hashes to
// its UUID), then, for an entry whose signed content is at hand (hashedrekord; dsse and intoto with their payload), the whole bundle plan over it: certificate,
// chain, SCT, signature, body, SET, inclusion proof, checkpoint, times, and the artifact and signer when given.
import { bytesEqual } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import { VerifyError } from '../core/errors';
import type { TrustedRoot } from '../core/trust/types';
import { CATALOGUE } from '../core/verify/catalogue';
import { resolvePublicKey, type ArtifactInput, type VerificationPolicy } from '../core/verify/options';
import { StepRecorder } from '../core/verify/step-recorder';
import type { Step, VerificationResult } from '../core/verify/types';
import { verifyBundle } from '../core/verify/verify-bundle';
import { parseRekorBody, type RekorLogEntry } from '../core/tlog';
import { auditResult, startAudit } from './audit-result';
import { SIGNER_STEP } from './catalogue';
import { bundleOfEntry } from './entry-bundle';
import { checkLogEntry } from './entry-record';

export interface EntryAuditOptions {
  trustedRoot: TrustedRoot;
  /** The artifact to verify against the entry; null for the entry alone. */
  artifact: ArtifactInput | null;
  /** Who should have signed; inspect checks everything but the signer. */
  policy: VerificationPolicy;
}

// rekor.signer for a keyed entry: the key the user trusts is the one logged, or there is none to name a signer.
async function signerStep(loggedKey: Uint8Array, policy: VerificationPolicy): Promise<Step> {
  const steps = new StepRecorder({ 'rekor.signer': SIGNER_STEP });
  await steps.run('rekor.signer', true, () => {
    const logged = { kind: 'hex' as const, label: 'logged public key (SPKI)', value: toHex(loggedKey) };
    if (policy.kind !== 'key') {
      return { status: 'warn', summary: 'No public key you trust was given: the signature was checked with the key the entry itself records, which anyone could have logged.', evidence: [logged] };
    }
    const given = resolvePublicKey(policy.publicKey);
    if (!bytesEqual(given.spki, loggedKey)) {
      throw new VerifyError('KEY_MISMATCH', 'the entry records another public key than the one you gave', { expected: `the key you gave (SPKI ${toHex(given.spki).slice(0, 32)}…)`, found: `SPKI ${toHex(loggedKey).slice(0, 32)}…`, where: 'spec.signature.publicKey.content' });
    }
    return { summary: `The entry records the ${given.description} key you gave.`, evidence: [{ kind: 'hex', label: 'public key (SPKI)', value: toHex(given.spki) }] };
  });
  return steps.get('rekor.signer')!;
}

// Check an entry, and an artifact against it; never throws, every problem is a step.
export async function auditLogEntry(found: RekorLogEntry, o: EntryAuditOptions): Promise<VerificationResult> {
  const clock = startAudit();
  const record = await checkLogEntry(found, o.trustedRoot);
  let bundle;
  try {
    bundle = bundleOfEntry(found);
  } catch {
    bundle = undefined;
  }
  if (!bundle) {
    if (!o.artifact) return record;
    const steps = new StepRecorder({ 'artifact.bind': CATALOGUE['artifact.bind'] });
    steps.fail('artifact.bind', true, new VerifyError('TLOG_KIND_UNSUPPORTED', `this ${found.entry.kind} ${found.entry.version} entry records only the hash of what was signed and the log returned no payload with it, so no artifact can be checked against it here; verify the bundle or envelope it came from`, { expected: 'a hashedrekord entry, or a dsse or intoto entry with its payload', found: `${found.entry.kind} ${found.entry.version}`, where: 'body.kind' }));
    return auditResult(clock, [...record.steps, steps.get('artifact.bind')!], o.trustedRoot.source, record.headline);
  }
  const keyed = bundle.material.kind === 'publicKey';
  const loggedKey = keyed ? parseRekorBody(found.entry).signatures[0]!.verifier.der : undefined;
  const policy: VerificationPolicy = keyed && o.policy.kind !== 'key' ? { kind: 'key', publicKey: loggedKey! } : o.policy;
  const checked = await verifyBundle({ bundle, artifact: o.artifact, policy, trustedRoot: o.trustedRoot });
  const steps = [record.steps.find((s) => s.id === 'rekor.entry')!, ...checked.steps, ...(loggedKey ? [await signerStep(loggedKey, o.policy)] : [])];
  const result = auditResult(clock, steps, o.trustedRoot.source, `${o.artifact ? 'The artifact matches log entry' : 'Log entry'} ${found.uuid.slice(0, 16)}…: ${checked.headline}`);
  // The decoded views (certificate, DSSE, log entry), attestation and signed payload the engine built for the result views.
  const { views, attestation, signed } = checked;
  return { ...result, ...(views ? { views } : {}), ...(attestation ? { attestation } : {}), ...(signed ? { signed } : {}) };
}
