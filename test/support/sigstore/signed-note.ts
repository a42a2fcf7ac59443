// Checkpoints as signed notes (C2SP tlog-checkpoint, signed-note) and witness cosignatures
// (C2SP tlog-cosignature).
import { concat } from './der.ts';
import { b64, ed25519Raw, sha256, utf8Bytes, type TestKey } from './keys.ts';
import { uint } from './ct-log.ts';

export interface CheckpointContent {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  /** Extension lines after the root hash (Rekor v1 once wrote "Timestamp: <ns>"). */
  readonly extraLines?: readonly string[];
}

export interface NoteSignature {
  readonly name: string;
  /** 4-byte key hint (C2SP signed-note key ID prefix). */
  readonly keyHint: Uint8Array;
  readonly signature: Uint8Array;
}

// Checkpoint note text: origin, decimal size, base64 root hash, extension lines, each ending in LF.
export function checkpointText(c: CheckpointContent): string {
  return [c.origin, String(c.size), b64(c.rootHash), ...(c.extraLines ?? [])].map((l) => `${l}\n`).join('');
}

// A signed note: text, a blank line, then one "— <name> <base64(keyhint || signature)>" line per signature.
export function signedNote(text: string, signatures: readonly NoteSignature[]): string {
  const lines = signatures.map((s) => `\u2014 ${s.name} ${b64(concat(s.keyHint, s.signature))}\n`);
  return `${text}\n${lines.join('')}`;
}

// C2SP signed-note key ID: SHA-256(name || 0x0A || type || public key) (0x01 Ed25519, 0x04 cosignature/v1).
export function noteKeyId(name: string, type: number, rawPublicKey: Uint8Array): Uint8Array {
  return sha256(concat(utf8Bytes(name), Uint8Array.of(0x0a, type), rawPublicKey));
}

// Ed25519 signature line for a note by a named key (C2SP signed-note).
export function ed25519NoteSignature(name: string, key: TestKey, text: string): NoteSignature {
  const keyHint = noteKeyId(name, 0x01, ed25519Raw(key.spki)).subarray(0, 4);
  return { name, keyHint, signature: key.sign(utf8Bytes(text)) };
}

// ECDSA signature line in the Rekor v1 layout: key hint = first 4 bytes of SHA-256(DER SPKI).
export function ecdsaNoteSignature(name: string, key: TestKey, text: string): NoteSignature {
  return { name, keyHint: sha256(key.spki).subarray(0, 4), signature: key.sign(utf8Bytes(text), 'sha256') };
}

// Timestamped witness cosignature (C2SP tlog-cosignature): signs "cosignature/v1\ntime <t>\n" + note text,
// and the line carries keyhint || uint64 timestamp || Ed25519 signature.
export function witnessCosignature(name: string, key: TestKey, text: string, timestampSeconds: number): NoteSignature {
  const message = `cosignature/v1\ntime ${timestampSeconds}\n${text}`;
  const keyHint = noteKeyId(name, 0x04, ed25519Raw(key.spki)).subarray(0, 4);
  return { name, keyHint, signature: concat(uint(timestampSeconds, 8), key.sign(utf8Bytes(message))) };
}
