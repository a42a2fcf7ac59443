// Log checkpoints: C2SP signed notes (c2sp.org/signed-note) carrying a tlog checkpoint (c2sp.org/tlog-checkpoint).
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { bytesEqual, fromBase64, toHex, utf8 } from '../encoding';
import { clip } from '../encoding/quote';
import type { Evidence } from '../evidence';
import type { InclusionProof } from '../bundle/types';
import type { TransparencyLogInstance } from '../trust/types';
import { logName, verifyLogSignature } from './log-key';

export interface CheckpointSignature {
  /** The signer's name as written on the line. */
  name: string;
  /** First 4 bytes of the signature blob, hex: the key ID the signer claims. */
  keyHint: string;
  signature: Uint8Array;
}

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Lines after the root hash, e.g. Rekor v1's "Timestamp: …". */
  extensions: string[];
  signatures: CheckpointSignature[];
  /** The signed text: every line up to and including the newline before the blank line. */
  note: string;
}

const SIGNATURE_LINE = /^\u2014 ([^\s+]+) (\S+)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;
// Control characters other than the newline are not allowed anywhere in a note.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

// Parse a checkpoint: "origin\nsize\nbase64(root)\n[extensions]\n\n" then "— name base64(keyID ‖ sig)\n" lines.
export function parseCheckpoint(text: string, where = 'checkpoint'): Checkpoint {
  const malformed = (message: string, expected: string, found: string): never => {
    throw new VerifyError('CHECKPOINT_MALFORMED', `the checkpoint ${message}`, { expected, found, where });
  };
  const decode = (b64: string, what: string): Uint8Array => {
    try {
      if (BASE64.test(b64) && b64.length % 4 === 0) return fromBase64(b64, `${where} ${what}`);
    } catch {
      // reported below
    }
    return malformed(`${what} is not valid base64`, 'padded standard base64', b64.slice(0, 80));
  };
  if (text.length > LIMITS.checkpointBytes) malformed('is too large', `at most ${LIMITS.checkpointBytes} characters`, String(text.length));
  const control = CONTROL.exec(text);
  if (control) malformed('contains a control character', 'printable text and newlines', `U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  const split = text.indexOf('\n\n');
  if (split < 0) malformed('has no blank line between the note and its signatures', 'a blank line', 'none');
  const note = text.slice(0, split + 1);
  const lines = text.slice(0, split).split('\n');
  const [origin, sizeLine, rootLine] = lines;
  if (lines.length < 3 || !origin || sizeLine === undefined || rootLine === undefined) {
    malformed('needs an origin, a size and a root hash line', '3 lines before the blank line', `${lines.length}`);
  }
  if (!DECIMAL.test(sizeLine!) || !Number.isSafeInteger(Number(sizeLine))) malformed('size is not a decimal number', 'a tree size', sizeLine!.slice(0, 80));
  const rootHash = decode(rootLine!, 'root hash');

  const sigText = text.slice(split + 2);
  if (sigText.length > 0 && !sigText.endsWith('\n')) malformed('does not end with a newline', 'a final newline', 'none');
  const sigLines = sigText.length > 0 ? sigText.slice(0, -1).split('\n') : [];
  if (sigLines.length > LIMITS.checkpointSignatures) {
    malformed('has too many signature lines', `at most ${LIMITS.checkpointSignatures}`, String(sigLines.length));
  }
  const signatures = sigLines.map((line): CheckpointSignature => {
    const m = SIGNATURE_LINE.exec(line) ?? malformed('has a malformed signature line', '"— <name> <base64>"', line.slice(0, 80));
    const blob = decode(m[2]!, `signature of ${clip(m[1]!)}`);
    if (blob.length < 5) malformed('has a signature too short to hold a key hint', 'at least 5 bytes', `${blob.length} bytes`);
    return { name: m[1]!, keyHint: toHex(blob.subarray(0, 4)), signature: blob.subarray(4) };
  });
  return { origin: origin!, size: Number(sizeLine), rootHash, extensions: lines.slice(3), signatures, note };
}

// The name the log's signature line must carry. Rekor v1 writes the origin "<name> - <tree ID>" and signs as
// <name>, which its operator configures (private instances such as sigstore scaffolding sign as their pod's name,
// not their URL's host); a C2SP log (Rekor v2) signs with its origin, the schema-less URL of the log.
function expectedSigner(origin: string, log: TransparencyLogInstance): { name: string; v1: boolean } {
  const v1 = /^(.+) - (0|[1-9][0-9]*)$/.exec(origin);
  return v1 ? { name: v1[1]!, v1: true } : { name: logName(log), v1: false };
}

// The signature lines a checkpoint carries from its log: the log's key hint (the first 4 bytes of its key ID) and the
// name it signs as; every other line is another signer's (a witness cosignature).
export function logSignatureLines(checkpoint: Checkpoint, log: TransparencyLogInstance): { hint: string; signer: { name: string; v1: boolean }; fromLog: CheckpointSignature[] } {
  const hint = toHex((log.checkpointKeyId ?? log.logId).subarray(0, 4));
  const signer = expectedSigner(checkpoint.origin, log);
  return { hint, signer, fromLog: checkpoint.signatures.filter((s) => s.keyHint === hint && s.name === signer.name) };
}

// Verify the checkpoint carried in an inclusion proof: at least one signature line with the log's key hint (the
// first 4 bytes of its key ID), every such line valid for the log's key, other signers (witness cosignatures)
// ignored; then the origin is the log's and the root hash and tree size are the proof's (C2SP signed-note,
// tlog-checkpoint; Sigstore client spec §4.3).
export async function verifyCheckpoint(proof: InclusionProof, log: TransparencyLogInstance, where = 'inclusionProof.checkpoint'): Promise<Evidence[]> {
  if (!proof.checkpoint) {
    throw new VerifyError('CHECKPOINT_MISSING', 'the inclusion proof carries no checkpoint', { expected: 'a signed checkpoint', found: 'none', where });
  }
  const checkpoint = parseCheckpoint(proof.checkpoint, where);
  const name = logName(log);
  const { hint, signer, fromLog } = logSignatureLines(checkpoint, log);
  if (fromLog.length === 0) {
    const seen = checkpoint.signatures.map((s) => `${s.name} ${s.keyHint}`).join(', ');
    throw new VerifyError('CHECKPOINT_NO_KNOWN_SIGNATURE', `no signature line of the checkpoint is from ${name} (key hint ${hint})`, {
      expected: `a line "— ${signer.name}" with key hint ${hint} (${signer.v1 ? 'the name in the Rekor v1 origin' : "a C2SP log signs as its origin, its URL's host"})`,
      found: seen || 'no signature lines',
      where,
    });
  }
  const signed = utf8(checkpoint.note);
  for (const line of fromLog) {
    if (!(await verifyLogSignature(log, line.signature, signed))) {
      throw new VerifyError('CHECKPOINT_SIGNATURE_INVALID', `the checkpoint signature "${line.name.slice(0, 80)}" with the key hint of ${name} does not verify`, {
        expected: `a ${log.publicKey.description} signature by ${log.baseUrl} (${log.where})`,
        found: toHex(line.signature),
        where,
      });
    }
  }
  if (!signer.v1 && checkpoint.origin !== name) {
    throw new VerifyError('CHECKPOINT_ORIGIN_MISMATCH', `the checkpoint is for log "${checkpoint.origin.slice(0, 120)}", not ${name}`, {
      expected: `${name} or "<name> - <tree ID>"`,
      found: checkpoint.origin.slice(0, 120),
      where,
    });
  }
  if (!bytesEqual(checkpoint.rootHash, proof.rootHash)) {
    throw new VerifyError('CHECKPOINT_ROOT_MISMATCH', 'the checkpoint root hash is not the inclusion proof root hash', {
      expected: toHex(proof.rootHash),
      found: toHex(checkpoint.rootHash),
      where,
    });
  }
  if (checkpoint.size !== proof.treeSize) {
    throw new VerifyError('CHECKPOINT_SIZE_MISMATCH', 'the checkpoint tree size is not the inclusion proof tree size', {
      expected: String(proof.treeSize),
      found: String(checkpoint.size),
      where,
    });
  }
  const others = checkpoint.signatures.filter((s) => !fromLog.includes(s));
  const evidence: Evidence[] = [
    { kind: 'text', label: 'Origin', value: checkpoint.origin },
    { kind: 'text', label: 'Tree size', value: String(checkpoint.size) },
    { kind: 'hex', label: 'Root hash', value: toHex(checkpoint.rootHash) },
    { kind: 'text', label: 'Signed by', value: `${signer.name} (key hint ${hint}: ${log.baseUrl}, ${log.publicKey.description})` },
  ];
  if (checkpoint.extensions.length > 0) evidence.push({ kind: 'text', label: 'Extension lines', value: checkpoint.extensions.join('\n') });
  if (others.length > 0) {
    evidence.push({ kind: 'text', label: 'Other signatures (not checked)', value: others.map((s) => `${s.name} ${s.keyHint}`).join(', ') });
  }
  return evidence;
}
