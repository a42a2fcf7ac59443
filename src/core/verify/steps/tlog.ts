// tlog.body, tlog.set, tlog.inclusion, tlog.checkpoint: each transparency-log entry, and the threshold over them.
import { VerifyError } from '../../errors';
import { defineLazy, fromUtf8, parseJson, toHex } from '../../encoding';
import type { TlogEntry } from '../../bundle';
import type { TransparencyLogInstance } from '../../trust';
import { findTransparencyLog, hashLeafNow, parseRekorBody, verifyCheckpoint, verifyInclusionProof, verifyIntegratedTime, verifySignedEntryTimestamp, verifyTlogBody } from '../../tlog';
import type { Evidence } from '../../evidence';
import type { VerifyContext } from '../context';
import type { StepOutcome } from '../step-recorder';
import { eachEntry } from '../each-entry';

/** Per-entry progress through the tlog steps. */
export interface EntryState {
  entry: TlogEntry;
  log?: TransparencyLogInstance;
  /** Same log and index as an earlier entry: shown, never counted twice. */
  duplicateOf?: number;
  ok: { body: boolean; set: boolean; inclusion: boolean; checkpoint: boolean };
}

// One state per entry, with duplicates (same log, same index) marked.
export function entryStates(entries: TlogEntry[]): EntryState[] {
  const seen = new Map<string, number>();
  return entries.map((entry, i) => {
    const key = `${toHex(entry.logId)}/${entry.logIndex}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    return { entry, ...(first !== undefined ? { duplicateOf: first } : {}), ok: { body: false, set: false, inclusion: false, checkpoint: false } };
  });
}

// tlog.body: each entry comes from a trusted log and its canonical body describes this bundle's signature.
export async function checkTlogBodies(ctx: VerifyContext, states: EntryState[]): Promise<StepOutcome> {
  if (states.length === 0 && ctx.thresholds.tlog === 0) {
    return {
      waived: true,
      summary: 'Not checked: the bundle has no transparency-log entry and none was required (--insecure-ignore-tlog or --tlog-threshold 0), so nothing shows this signature was ever made public.',
      evidence: [{ kind: 'text', label: 'log entries required', value: '0 (waived by the verifier options)' }],
    };
  }
  if (states.length === 0) {
    throw new VerifyError('TLOG_ENTRY_MISSING', 'the bundle carries no transparency-log entry', {
      where: 'verificationMaterial.tlogEntries',
      expected: `at least ${ctx.thresholds.tlog} entry`,
      found: 'none',
    });
  }
  const material = {
    ...(ctx.leaf ? { certificateDer: ctx.leaf.der, certificateSpki: ctx.leaf.spki } : {}),
    ...(!ctx.leaf && ctx.signingKey ? { publicKeySpki: ctx.signingKey.spki } : {}),
  };
  const evidence = await eachEntry(states, async (s) => {
    s.log = findTransparencyLog(ctx.trust.tlogs, s.entry);
    const body = parseRekorBody(s.entry);
    const matched = await verifyTlogBody(body, ctx.bundle.content, material);
    s.ok.body = true;
    return [
      { kind: 'text', label: 'log', value: `${s.log.baseUrl} (${s.log.where})` },
      { kind: 'text', label: 'entry', value: `${s.entry.kind} ${s.entry.version}, index ${s.entry.logIndex}` },
      ...(s.duplicateOf !== undefined ? [{ kind: 'text', label: 'duplicate', value: `same entry as tlogEntries[${s.duplicateOf}]; counted once` } as Evidence] : []),
      ...matched,
      entryEvidence(s),
      bodyEvidence(s.entry),
    ];
  });
  const duplicates = states.filter((s) => s.duplicateOf !== undefined).length;
  return {
    summary: `${describeEntries(states)}: the logged body names this bundle's signature, key and digest${duplicates ? ` (${duplicates} duplicate entr${duplicates === 1 ? 'y' : 'ies'} counted once)` : ''}.`,
    evidence,
  };
}

// The entry as the log names it. The leaf hash is what Rekor v1 names the entry by (its UUID without the tree
// prefix); it is made when first read, since tlog.inclusion hashes the leaf for its own check.
function entryEvidence(s: EntryState): Evidence {
  const body = s.entry.canonicalizedBody;
  const value = { log: s.log!.baseUrl, kind: s.entry.kind, version: s.entry.version, logIndex: s.entry.logIndex, integratedTime: s.entry.integratedTime ?? null, leafHash: '' };
  return { kind: 'json', key: 'tlog.entry', label: 'log entry', value: defineLazy(value, 'leafHash', () => toHex(hashLeafNow(body))) };
}

// The logged body as JSON, parsed again when first read (parseRekorBody already read it for the check).
function bodyEvidence(entry: TlogEntry): Evidence {
  const item: Evidence = { kind: 'json', key: 'tlog.body', label: 'logged entry body', value: null };
  return defineLazy(item, 'value', () => parseJson(fromUtf8(entry.canonicalizedBody, `${entry.where}.canonicalizedBody`), 'entry body'));
}

// tlog.set: the signed entry timestamp of each entry that has one; a verified one makes its integrated time a verified time.
export async function checkSets(ctx: VerifyContext, states: EntryState[]): Promise<StepOutcome> {
  const withSet = states.filter((s) => s.entry.inclusionPromise && s.log);
  const evidence = await eachEntry(withSet, async (s) => {
    const ev = await verifySignedEntryTimestamp(s.entry, s.log!);
    verifyIntegratedTime(s.entry, s.log!, ctx.now);
    s.ok.set = true;
    const time = s.entry.integratedTime! * 1000;
    ctx.verifiedTimes.push({ time, source: 'tlog', where: s.entry.where, identity: `tlog:${toHex(s.entry.logId)}/${s.entry.logIndex}` });
    return ev;
  });
  const times = withSet.map((s) => new Date(s.entry.integratedTime! * 1000).toISOString());
  return { summary: `The log signed its promise to include ${withSet.length === 1 ? 'the entry' : `${withSet.length} entries`}, integrated at ${times.join(', ')}.`, evidence };
}

// tlog.inclusion: the RFC 6962 audit path from each entry's leaf hash reaches the proof's root hash, and that root
// is one a log signed. A proof without its checkpoint is malformed (protobuf-specs marks the checkpoint REQUIRED):
// its root hash is then vouched for by nobody, so the path proves nothing.
export async function checkInclusion(states: EntryState[]): Promise<StepOutcome> {
  const withProof = states.filter((s) => s.entry.inclusionProof);
  const evidence = await eachEntry(withProof, async (s) => {
    if (!s.entry.inclusionProof!.checkpoint) {
      throw new VerifyError('CHECKPOINT_MISSING', 'the inclusion proof carries no checkpoint, so no log signed its root hash: the audit path leads to a tree root nobody vouched for', {
        where: `${s.entry.where}.inclusionProof.checkpoint`,
        expected: 'a checkpoint signed by the log (REQUIRED in protobuf-specs InclusionProof)',
        found: 'none',
      });
    }
    const path = await verifyInclusionProof(s.entry);
    s.ok.inclusion = true;
    return [{ kind: 'merkle-path', label: 'audit path', value: path }];
  });
  const p = withProof[0]!.entry.inclusionProof!;
  return {
    summary: `Leaf ${p.logIndex} of a tree of ${p.treeSize} hashes up through ${p.hashes.length} levels to root ${toHex(p.rootHash).slice(0, 16)}…${withProof.length > 1 ? ` (and ${withProof.length - 1} more entries)` : ''}.`,
    evidence,
  };
}

// tlog.checkpoint: the signed note carrying each proof's root, signed by the entry's log.
export async function checkCheckpoints(states: EntryState[]): Promise<StepOutcome> {
  const withCheckpoint = states.filter((s) => s.entry.inclusionProof?.checkpoint && s.log);
  const evidence = await eachEntry(withCheckpoint, async (s) => {
    const ev = await verifyCheckpoint(s.entry.inclusionProof!, s.log!, `${s.entry.where}.inclusionProof.checkpoint`);
    s.ok.checkpoint = true;
    return [...ev, { kind: 'text', key: 'checkpoint', label: 'checkpoint (signed note)', value: s.entry.inclusionProof!.checkpoint }];
  });
  const first = withCheckpoint[0]!;
  return {
    summary: `${first.log!.baseUrl} signed the checkpoint for tree size ${first.entry.inclusionProof!.treeSize} with root ${toHex(first.entry.inclusionProof!.rootHash).slice(0, 16)}….`,
    evidence,
  };
}

// The log threshold over distinct verified entries; the error to add to tlog.body when it is not met.
export function tlogThresholdError(ctx: VerifyContext, states: EntryState[]): VerifyError | undefined {
  const verified = countVerifiedEntries(states);
  if (verified >= ctx.thresholds.tlog) return undefined;
  return new VerifyError('TLOG_THRESHOLD', `${verified} distinct verified log entr${verified === 1 ? 'y' : 'ies'}, ${ctx.thresholds.tlog} required`, {
    where: 'verificationMaterial.tlogEntries',
    expected: `at least ${ctx.thresholds.tlog} distinct verified entries`,
    found: String(verified),
  });
}

// The verified-entry threshold: distinct entries whose every present proof verified.
export function countVerifiedEntries(states: EntryState[]): number {
  return states.filter(
    (s) =>
      s.duplicateOf === undefined &&
      s.ok.body &&
      (s.entry.inclusionPromise === null || s.ok.set) &&
      (s.entry.inclusionProof === null || s.ok.inclusion) &&
      (!s.entry.inclusionProof?.checkpoint || s.ok.checkpoint),
  ).length;
}

function describeEntries(states: EntryState[]): string {
  return states.map((s) => `${s.log?.baseUrl ?? 'log'} entry ${s.entry.logIndex} (${s.entry.kind} ${s.entry.version})`).join('; ');
}
