// A Rekor entry read from the log, checked as a bundle's entry is: its identity, SET, inclusion proof and
// checkpoint, with the decoded body and any certificate as evidence the views already know how to show.
import { toHex } from '../core/encoding/hex';
import { toVerifyError } from '../core/errors';
import type { Evidence } from '../core/evidence';
import type { TrustedRoot } from '../core/trust/types';
import { StepRecorder } from '../core/verify/step-recorder';
import type { VerificationResult } from '../core/verify/types';
import { auditResult, startAudit } from './audit-result';
import { ENTRY_CATALOGUE, ENTRY_STEP_IDS } from './catalogue';
import { findTransparencyLog, parseRekorBody, verifyCheckpoint, verifyInclusionProof, verifySignedEntryTimestamp, type RekorBody, type RekorLogEntry } from '../core/tlog';

// The decoded body, or undefined for a kind core does not read (its identity is still checked); a malformed body of a known kind throws.
function decodedBody(entry: RekorLogEntry['entry']): RekorBody | undefined {
  try {
    return parseRekorBody(entry);
  } catch (err) {
    if (toVerifyError(err).code === 'TLOG_KIND_UNSUPPORTED') return undefined;
    throw err;
  }
}

// Check an entry fetched from a log against the trusted root; never throws, every problem is a step.
export async function checkLogEntry(found: RekorLogEntry, trustedRoot: TrustedRoot): Promise<VerificationResult> {
  const clock = startAudit();
  const steps = new StepRecorder(ENTRY_CATALOGUE);
  const { entry } = found;
  const log = (() => {
    try {
      return findTransparencyLog(trustedRoot.tlogs, entry);
    } catch {
      return undefined;
    }
  })();

  await steps.run('rekor.entry', true, () => {
    const body = decodedBody(entry);
    const evidence: Evidence[] = [
      { kind: 'text', label: 'UUID (leaf hash of the body)', value: found.uuid },
      ...(found.entryId !== found.uuid ? [{ kind: 'text' as const, label: 'entry ID (tree ID + UUID)', value: found.entryId }] : []),
      { kind: 'text', label: 'kind', value: `${entry.kind} ${entry.version}` },
      { kind: 'text', label: 'log index', value: String(entry.logIndex) },
      ...(entry.integratedTime !== null ? [{ kind: 'time' as const, label: 'integrated time', value: new Date(entry.integratedTime * 1000).toISOString() }] : []),
      ...(body ? [{ kind: 'hex' as const, label: `logged ${body.digest.algorithm} digest`, value: toHex(body.digest.value) }] : [{ kind: 'text' as const, label: 'body', value: `${entry.kind} ${entry.version} bodies are not decoded` }]),
      ...(body?.signatures ?? []).map((s): Evidence => (s.verifier.form === 'certificate' ? { kind: 'hex', key: 'certificate.der', label: 'logged certificate', value: toHex(s.verifier.der) } : { kind: 'hex', label: 'logged public key', value: toHex(s.verifier.der) })),
      { kind: 'json', key: 'tlog.body', label: 'logged entry body', value: found.body },
    ];
    if (!log) {
      return { status: 'warn' as const, summary: `Entry ${found.uuid.slice(0, 16)}… (${entry.kind} ${entry.version}, index ${entry.logIndex}) hashes to its UUID, but its log ${toHex(entry.logId).slice(0, 16)}… is not in the trusted root.`, evidence };
    }
    return { summary: `Entry ${found.uuid.slice(0, 16)}… is ${entry.kind} ${entry.version} at index ${entry.logIndex} of ${log.baseUrl}; its body hashes to its UUID.`, evidence };
  });
  if (!log) {
    for (const id of ENTRY_STEP_IDS.slice(1)) steps.skip(id, 'Not run: the entry’s log is not a log of the trusted root, so none of its signatures can be trusted.', true);
  } else {
    await steps.run('tlog.set', true, async () => {
      const evidence = await verifySignedEntryTimestamp(entry, log);
      return { summary: `${log.baseUrl} signed its promise of entry ${entry.logIndex}, integrated at ${new Date(entry.integratedTime! * 1000).toISOString()}.`, evidence };
    });
    const proof = entry.inclusionProof;
    if (!proof) {
      steps.skip('tlog.inclusion', 'Not run: the log answered without an inclusion proof.', true);
      steps.skip('tlog.checkpoint', 'Not run: the log answered without an inclusion proof.', true);
    } else {
      await steps.run('tlog.inclusion', true, async () => {
        const path = await verifyInclusionProof(entry);
        return { summary: `Leaf ${proof.logIndex} of a tree of ${proof.treeSize} hashes up through ${proof.hashes.length} levels to root ${toHex(proof.rootHash).slice(0, 16)}….`, evidence: [{ kind: 'merkle-path', label: 'audit path', value: path }] };
      });
      await steps.run('tlog.checkpoint', true, async () => {
        const evidence = await verifyCheckpoint(proof, log, `${entry.where}.verification.inclusionProof.checkpoint`);
        return { summary: `${log.baseUrl} signed the checkpoint for tree size ${proof.treeSize} with root ${toHex(proof.rootHash).slice(0, 16)}….`, evidence: [...evidence, { kind: 'text', key: 'checkpoint', label: 'checkpoint (signed note)', value: proof.checkpoint }] };
      });
    }
  }
  return auditResult(clock, steps.ordered(ENTRY_STEP_IDS), trustedRoot.source, `Log entry ${found.uuid.slice(0, 16)}… verified: it is the entry asked for, and its SET, inclusion proof and checkpoint verify.`);
}
