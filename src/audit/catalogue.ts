// The steps of a live audit: what the transparency log says today about an entry a bundle or a search
// named. They extend the engine's record vocabulary and are planned the same way the bundle steps are.
import { CATALOGUE, type Catalogue, type StepInfo } from '../core';

export const AUDIT_STEP_IDS = ['rekor.entry', 'live.checkpoint', 'live.inclusion', 'live.consistency'] as const;
export type AuditStepId = (typeof AUDIT_STEP_IDS)[number];
export type LiveStepId = Exclude<AuditStepId, 'rekor.entry'>;
export const LIVE_STEP_IDS: readonly LiveStepId[] = ['live.checkpoint', 'live.inclusion', 'live.consistency'];

declare module '../core/verify/types' {
  interface StepIdExtensions extends Record<AuditStepId, true> {}
}

/** Facts the live steps' skip rules name. */
export type LiveCondition = 'no-checkpoint';

const NO_HEAD = 'Not run: today’s tree head could not be verified.';

export const LIVE_CATALOGUE: Catalogue<LiveStepId, LiveCondition> = {
  'live.checkpoint': {
    title: 'The log’s current tree head is signed by the log',
    why: 'Every live check is measured against the log’s tree as it is today; an unsigned or foreign tree head would let anyone invent that tree.',
    spec: 'C2SP signed-note and tlog-checkpoint; Rekor v1 GET /api/v1/log; C2SP tlog-tiles checkpoint',
    required: true,
  },
  'live.inclusion': {
    title: 'Entry is in the log as it is today',
    why: 'An entry included once could have been shown to you alone; finding it, unchanged, in today’s signed tree shows the log still publishes it to everyone.',
    spec: 'RFC 6962 §2.1.1; RFC 9162 §2.1.3.2; C2SP tlog-tiles (proofs from tiles)',
    required: true,
    skip: [{ unmet: 'live.checkpoint', reason: NO_HEAD }],
  },
  'live.consistency': {
    title: 'The log’s history includes the bundle’s checkpoint',
    why: 'A consistency proof shows the tree the bundle was proven against is a prefix of today’s tree; if it fails, the log has shown two different histories (a fork, a split view).',
    spec: 'RFC 6962 §2.1.2; RFC 9162 §2.1.4',
    required: true,
    // Independent of the inclusion check: both read today's head only.
    skip: [
      { unmet: 'live.checkpoint', reason: NO_HEAD },
      { when: 'no-checkpoint', reason: 'Not run: the entry carries no checkpoint to compare today’s tree with (a v0.1 bundle or an entry read from the log today).' },
    ],
  },
};

/** A log entry read from the log: checked as a bundle's entry is, after its identity. */
export type EntryStepId = 'rekor.entry' | 'tlog.set' | 'tlog.inclusion' | 'tlog.checkpoint';
export const ENTRY_STEP_IDS: readonly EntryStepId[] = ['rekor.entry', 'tlog.set', 'tlog.inclusion', 'tlog.checkpoint'];

export const ENTRY_CATALOGUE: Record<EntryStepId, StepInfo> = {
  'rekor.entry': {
    title: 'Log entry is the one asked for',
    why: 'A log (or anything between it and you) could answer with another entry; only an entry whose body hashes to its UUID, at the index asked for, is the one the log committed to.',
    spec: 'Rekor v1 API (entry UUID = RFC 6962 leaf hash of the body); RFC 6962 §2.1',
  },
  'tlog.set': CATALOGUE['tlog.set'],
  'tlog.inclusion': CATALOGUE['tlog.inclusion'],
  'tlog.checkpoint': CATALOGUE['tlog.checkpoint'],
};
