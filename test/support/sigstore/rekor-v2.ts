// A Rekor v2 (tile-backed, log2025-style) log: RFC 6962 tree, Ed25519 signed-note checkpoints
// with C2SP key IDs, optional witness cosignatures, no SET and no integrated time.
import { generateKey, b64, ed25519Raw, type TestKey } from './keys.ts';
import { MerkleTree } from './merkle.ts';
import type { RekorBody } from './rekor-v1-bodies.ts';
import { ed25519NoteSignature, noteKeyId, witnessCosignature } from './signed-note.ts';
import { inclusionProof, prefill, type ProofFaults, type TestLog, type TlogEntryJson } from './transparency-log.ts';

export interface RekorV2Options {
  readonly host?: string;
  readonly prefill?: number;
  /** Names of witnesses that cosign every checkpoint (C2SP tlog-cosignature). */
  readonly witnesses?: readonly string[];
}

export interface Witness {
  readonly name: string;
  readonly key: TestKey;
}

/** A Rekor v2 log; its logId is the C2SP key ID of its Ed25519 key under its origin. */
export interface RekorV2Log extends TestLog {
  readonly witnesses: readonly Witness[];
  /** Adds a body and returns its bundle entry; `timeSeconds` stamps witness cosignatures. */
  append(body: RekorBody, timeSeconds: number, faults?: ProofFaults): TlogEntryJson;
}

// Creates a Rekor v2 log with a fresh Ed25519 key.
export function createRekorV2(options: RekorV2Options = {}): RekorV2Log {
  const key = generateKey('ed25519');
  const impostorKey = generateKey('ed25519');
  const foreignKey = generateKey('ed25519');
  const host = options.host ?? 'log2025-1.rekor.signet.test';
  const logId = noteKeyId(host, 0x01, ed25519Raw(key.spki));
  const witnesses = (options.witnesses ?? []).map((name) => ({ name, key: generateKey('ed25519') }));
  const tree = new MerkleTree();
  prefill(tree, options.prefill ?? 5);
  const signing = {
    origin: host,
    sign: (text: string) => ed25519NoteSignature(host, key, text),
    impostor: (text: string) => ({ ...ed25519NoteSignature(host, impostorKey, text), keyHint: logId.subarray(0, 4) }),
    foreign: (text: string) => ed25519NoteSignature('log.foreign.test', foreignKey, text),
    cosignatures: (text: string, t: number) => witnesses.map((w) => witnessCosignature(w.name, w.key, text, t)),
    extraLines: () => [],
  };
  return {
    key,
    logId,
    host,
    baseUrl: `https://${host}`,
    origin: host,
    tree,
    witnesses,
    append(body, timeSeconds, faults = {}) {
      const leafIndex = tree.append(body.bytes);
      return {
        logIndex: String(leafIndex),
        logId: { keyId: b64(logId) },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        ...(faults.noInclusionProof ? {} : { inclusionProof: inclusionProof(tree, leafIndex, signing, timeSeconds, faults) }),
        canonicalizedBody: b64(body.bytes),
      };
    },
  };
}
