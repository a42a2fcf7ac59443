// "Check against the live log": for each log entry of a bundle (or one fetched entry), today's signed tree
// head, the entry's inclusion in it, and consistency from the checkpoint the bundle carries. Same record as a bundle.
import type { TlogEntry } from '../core/bundle/types';
import { toHex } from '../core/encoding/hex';
import type { JsonValue } from '../core/encoding/json';
import { VerifyError } from '../core/errors';
import type { Evidence } from '../core/evidence';
import type { TransparencyLogInstance, TrustedRoot } from '../core/trust/types';
import { eachEntry } from '../core/verify/each-entry';
import { runPlan, type Plan } from '../core/verify/plan';
import { StepFailure } from '../core/verify/step-failure';
import { StepRecorder } from '../core/verify/step-recorder';
import type { VerificationResult } from '../core/verify/types';
import { findTransparencyLog, isRekorV2, verifyCheckpoint } from '../core/tlog';
import { auditResult, startAudit } from './audit-result';
import { LIVE_CATALOGUE, LIVE_STEP_IDS, type LiveCondition, type LiveStepId } from './catalogue';
import type { AuditFetch, ExchangeLimits } from './http';
import type { LiveHead, LiveLog } from './live-log';
import { createRekorV1Client } from './rekor-v1';
import { rekorV1LiveLog } from './rekor-v1-live';
import { tilesLiveLog } from './tiles-live';
import { verifyCosignatures, type WitnessPolicy } from './witness';

export interface LiveCheckOptions {
  fetch: AuditFetch;
  trustedRoot: TrustedRoot;
  /** Where a log of the trusted root is reached; default its baseUrl (a mirror or a test server may stand in). */
  logUrl?: (log: TransparencyLogInstance) => string;
  limits?: Partial<ExchangeLimits>;
  /** Called with each tile a tile-based log served, for drawing and counting. */
  onTile?: (path: string) => void;
  /** Witnesses whose cosignatures today's tree head must carry; without it the witness step is not run. */
  witnesses?: WitnessPolicy;
  /** The clock cosignature times are compared with; default the system clock. */
  now?: () => Date;
}

/** One entry's way through the live steps. */
interface LiveState {
  entry: TlogEntry;
  live?: LiveLog;
  head?: LiveHead;
}

// The LiveLog for an entry: its log from the trusted root, over Rekor v1's API or over tiles (Rekor v2).
export function liveLogFor(entry: TlogEntry, options: LiveCheckOptions): LiveLog {
  const log = findTransparencyLog(options.trustedRoot.tlogs, entry);
  const url = options.logUrl?.(log) ?? log.baseUrl;
  if (isRekorV2(entry)) return tilesLiveLog({ fetch: options.fetch, url, log, ...(options.limits ? { limits: options.limits } : {}), ...(options.onTile ? { onTile: options.onTile } : {}) });
  return rekorV1LiveLog(createRekorV1Client({ fetch: options.fetch, url, ...(options.limits ? { limits: options.limits } : {}) }), log);
}

interface LiveContext {
  states: LiveState[];
  options: LiveCheckOptions;
}

// The live plan: today's head first; inclusion and consistency both read it and run side by side.
const LIVE_PLAN: Plan<LiveStepId, LiveCondition, LiveContext> = {
  order: LIVE_STEP_IDS,
  catalogue: LIVE_CATALOGUE,
  conditions: {
    'no-checkpoint': (ctx) => !ctx.states.some((s) => s.entry.inclusionProof?.checkpoint),
    'no-witness-keys': (ctx) => !ctx.options.witnesses,
  },
  checks: {
    'live.checkpoint': {
      async run({ states, options }) {
        if (states.length === 0) throw new VerifyError('TLOG_ENTRY_MISSING', 'there is no log entry to check against the live log', { expected: 'at least one entry', found: 'none' });
        const evidence = await eachEntry(states, async (s) => {
          s.live = liveLogFor(s.entry, options);
          s.head = await s.live.head(s.entry);
          return [{ kind: 'text', label: 'log', value: `${s.live.log.baseUrl} (${s.live.log.where}), reached at ${s.live.url}` }, ...s.head.evidence];
        });
        const h = states[0]!;
        return { summary: `${h.live!.log.baseUrl} signed today’s tree head: ${h.head!.size} leaves, root ${toHex(h.head!.rootHash).slice(0, 16)}…${states.length > 1 ? ` (and ${states.length - 1} more entries)` : ''}.`, evidence };
      },
    },
    'live.witness': {
      async run({ states, options }) {
        const policy = options.witnesses!;
        const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
        const counts: number[] = [];
        const evidence = await eachEntry(states, async (s) => {
          const checked = await verifyCosignatures(s.head!.checkpoint, policy, nowSeconds, `${s.live!.url} today’s checkpoint`);
          counts.push(checked.cosigned.length);
          return checked.evidence;
        });
        return { summary: `${Math.min(...counts)} of ${policy.keys.length} witnesses given cosigned today’s tree head (${policy.threshold} required): ${policy.keys.map((k) => k.name).join(', ')}.`, evidence };
      },
    },
    'live.inclusion': {
      async run({ states }) {
        const evidence = await eachEntry(states, async (s) => (await s.live!.inclusion(s.entry, s.head!)).evidence);
        const s = states[0]!;
        return { summary: `Entry ${s.entry.logIndex} is, unchanged, a leaf of today’s tree of ${s.head!.size} leaves${states.length > 1 ? ` (and ${states.length - 1} more entries)` : ''}.`, evidence };
      },
    },
    'live.consistency': {
      async run({ states }) {
        const withCheckpoint = states.filter((s) => s.entry.inclusionProof?.checkpoint);
        const evidence = await eachEntry(withCheckpoint, async (s) => {
          const proof = s.entry.inclusionProof!;
          // Only a root the log signed can prove a fork: the bundle's checkpoint is checked again here.
          await verifyCheckpoint(proof, s.live!.log, `${s.entry.where}.inclusionProof.checkpoint`);
          try {
            return (await s.live!.consistency(proof.treeSize, proof.rootHash, s.head!)).evidence;
          } catch (err) {
            throw StepFailure.of(err, forkEvidence(err, s));
          }
        });
        const p = withCheckpoint[0]!;
        return { summary: `The bundle’s signed tree of ${p.entry.inclusionProof!.treeSize} leaves is a prefix of today’s tree of ${p.head!.size} leaves: one history.`, evidence };
      },
    },
  },
};

/** The value of a `fork` evidence item: the two signed tree heads that do not share one history. */
export interface ForkDrawing {
  log: string;
  /** TLOG_FORKED: today's tree was proven and holds another root at the bundle's size; else the proof failed. */
  proven: boolean;
  bundle: { size: number; root: string; checkpoint: string };
  today: { size: number; root: string; checkpoint: string };
}

// The two signed heads a failed consistency proof leaves standing side by side (none for a transport failure).
function forkEvidence(err: unknown, s: LiveState): Evidence[] {
  const code = err instanceof VerifyError ? err.code : undefined;
  if (code !== 'TLOG_FORKED' && code !== 'TLOG_CONSISTENCY_INVALID') return [];
  const proof = s.entry.inclusionProof!;
  const value: ForkDrawing = {
    log: s.live!.log.baseUrl,
    proven: code === 'TLOG_FORKED',
    bundle: { size: proof.treeSize, root: toHex(proof.rootHash), checkpoint: proof.checkpoint },
    today: { size: s.head!.size, root: toHex(s.head!.rootHash), checkpoint: s.head!.checkpoint },
  };
  return [{ kind: 'json', key: 'fork', label: 'two signed tree heads, no common history', value: value as unknown as JsonValue }];
}

// Check entries against the logs as they are today; never throws, every problem is a step.
export async function checkAgainstLiveLog(entries: TlogEntry[], options: LiveCheckOptions): Promise<VerificationResult> {
  const clock = startAudit();
  const steps = new StepRecorder<LiveStepId>(LIVE_CATALOGUE);
  const states: LiveState[] = entries.map((entry) => ({ entry }));
  await runPlan(LIVE_PLAN, { states, options }, steps);
  const ordered = steps.ordered(LIVE_STEP_IDS);
  const consistent = ordered.some((s) => s.id === 'live.consistency' && s.status === 'pass');
  const size = states[0]?.head?.size ?? 0;
  const headline = `Verified against the live log: today’s signed tree of ${size} leaves holds ${states.length === 1 ? 'the entry' : `all ${states.length} entries`} unchanged${consistent ? ' and extends the bundle’s checkpoint (one history)' : ''}.`;
  return auditResult(clock, ordered, options.trustedRoot.source, headline);
}
