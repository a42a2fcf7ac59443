// A log checkpoint split into its parts for the transparency-log view (C2SP tlog-checkpoint, signed with C2SP signed-note).
import { toHex } from '../encoding/hex';
import { logSignatureLines, parseCheckpoint } from '../tlog/checkpoint';
import type { TransparencyLogInstance } from '../trust/types';
import type { CheckpointSignatureStatus, CheckpointView } from './view-model';

/** What the view needs to know of one entry: its note, the log meant to sign it and whether tlog.checkpoint verified it. */
export interface CheckpointInput {
  where: string;
  note: string;
  log?: TransparencyLogInstance;
  verified: boolean;
}

// The note's parts and each signature line with its key hint and how tlog.checkpoint treated it; the parse error otherwise.
export function checkpointView({ where, note, log, verified }: CheckpointInput): CheckpointView {
  const head = { where, note, ...(log ? { log: log.baseUrl } : {}) };
  try {
    const cp = parseCheckpoint(note, `${where}.inclusionProof.checkpoint`);
    const fromLog = log ? logSignatureLines(cp, log).fromLog : [];
    const status = (line: (typeof cp.signatures)[number]): CheckpointSignatureStatus => (!fromLog.includes(line) ? 'not-checked' : verified ? 'verified' : 'not-verified');
    return {
      ...head,
      parts: {
        origin: cp.origin,
        size: cp.size,
        rootHashBase64: cp.note.split('\n')[2] ?? '',
        rootHashHex: toHex(cp.rootHash),
        extensions: cp.extensions,
        signatures: cp.signatures.map((s) => ({ name: s.name, keyHint: s.keyHint, signatureBytes: s.signature.length, status: status(s) })),
      },
    };
  } catch (err) {
    return { ...head, parts: { error: err instanceof Error ? err.message : String(err) } };
  }
}
