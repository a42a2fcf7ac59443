// The steps of a live audit: what the transparency log says today about an entry a bundle or a search
// named. They extend the engine's record vocabulary and are planned the same way the bundle steps are.
import { CATALOGUE } from '../core/verify/catalogue';
import type { Catalogue, StepInfo } from '../core/verify/plan';

export const AUDIT_STEP_IDS = ['rekor.entry', 'rekor.signer', 'live.checkpoint', 'live.witness', 'live.inclusion', 'live.consistency', 'tuf.root', 'tuf.timestamp', 'tuf.snapshot', 'tuf.targets', 'tuf.target'] as const;
export type AuditStepId = (typeof AUDIT_STEP_IDS)[number];
export type LiveStepId = 'live.checkpoint' | 'live.witness' | 'live.inclusion' | 'live.consistency';
export type TufStepId = 'tuf.root' | 'tuf.timestamp' | 'tuf.snapshot' | 'tuf.targets' | 'tuf.target';
export const LIVE_STEP_IDS: readonly LiveStepId[] = ['live.checkpoint', 'live.witness', 'live.inclusion', 'live.consistency'];

declare module '../core/verify/types' {
  interface StepIdExtensions extends Record<AuditStepId, true> {}
}

/** Facts the live steps' skip rules name. */
export type LiveCondition = 'no-checkpoint' | 'no-witness-keys';

const NO_HEAD = 'Not run: today’s tree head could not be verified.';

export const LIVE_CATALOGUE: Catalogue<LiveStepId, LiveCondition> = {
  'live.checkpoint': {
    title: 'The log’s current tree head is signed by the log',
    why: 'Every live check is measured against the log’s tree as it is today; an unsigned or foreign tree head would let anyone invent that tree.',
    spec: 'C2SP signed-note and tlog-checkpoint; Rekor v1 GET /api/v1/log; C2SP tlog-tiles checkpoint',
    required: true,
  },
  'live.witness': {
    title: 'Witnesses cosigned today’s tree head',
    why: 'A log can show one tree to you and another to everyone else; independent witnesses cosign only a tree head consistent with every one they saw before, so enough valid cosignatures rule out a split view you alone were shown.',
    spec: 'C2SP tlog-cosignature (cosignature/v1, Ed25519); C2SP tlog-witness; C2SP signed-note (vkeys)',
    required: true,
    skip: [
      { when: 'no-witness-keys', reason: 'Not checked: no witness keys were given (a vkey per witness: --witness in the command line, "Witness keys" in the app). The cosignature lines on today’s tree head are listed there as not checked.' },
      { unmet: 'live.checkpoint', reason: NO_HEAD },
    ],
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

/** Verifying an artifact against a keyed entry: whose key signed, when the entry's own key is all there is. */
export const SIGNER_STEP: StepInfo = {
  title: 'Signer is a key you trust',
  failure: 'the entry was not signed by the key you gave',
  why: 'An entry’s public key is whatever its submitter logged; a signature that verifies with it shows the artifact matches the entry, not who signed it. Only a key you trust names a signer.',
  spec: 'Rekor v1 API (entries record the submitter’s key); Sigstore client spec §4.2',
};

export const TUF_STEP_IDS: readonly TufStepId[] = ['tuf.root', 'tuf.timestamp', 'tuf.snapshot', 'tuf.targets', 'tuf.target'];
const after = (id: TufStepId, what: string) => [{ unmet: id, reason: `Not run: ${what} could not be verified.` }];

// TUF specification §5 client workflow, one step per role and one for the target files.
export const TUF_CATALOGUE: Catalogue<TufStepId> = {
  'tuf.root': {
    title: 'Root metadata is current, each version signed by the one before',
    why: 'The root names every key of the repository; only a chain of roots each signed by a threshold of its predecessor’s keys lets keys rotate without trusting whoever serves the files.',
    spec: 'TUF specification §5.3 (update the root role)',
    required: true,
  },
  'tuf.timestamp': {
    title: 'Timestamp metadata is fresh and signed',
    why: 'The timestamp is what makes stale metadata visible: without checking its signature, version and expiry, a mirror could freeze you on old keys forever.',
    spec: 'TUF specification §5.4 (update the timestamp role)',
    required: true,
    skip: after('tuf.root', 'the root'),
  },
  'tuf.snapshot': {
    title: 'Snapshot metadata matches the timestamp',
    why: 'The snapshot fixes which version of every targets file belongs together; checking it against the timestamp stops an attacker mixing files of different versions.',
    spec: 'TUF specification §5.5 (update the snapshot role)',
    required: true,
    skip: after('tuf.timestamp', 'the timestamp'),
  },
  'tuf.targets': {
    title: 'Targets metadata matches the snapshot',
    why: 'The targets metadata lists the hash and length of every file; signed by the targets keys and matching the snapshot, it is what vouches for trusted_root.json.',
    spec: 'TUF specification §5.6 (update the targets role)',
    required: true,
    skip: after('tuf.snapshot', 'the snapshot'),
  },
  'tuf.target': {
    title: 'trusted_root.json has the hash the targets metadata lists',
    why: 'Only a file with exactly the listed length and hashes is the one the repository signed; any other bytes could carry any keys.',
    spec: 'TUF specification §5.7 (fetch target); Sigstore client spec (trusted root distribution)',
    required: true,
    skip: after('tuf.targets', 'the targets metadata'),
  },
};
