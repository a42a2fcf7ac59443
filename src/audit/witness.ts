// Witness cosignatures on a log's checkpoint (C2SP tlog-cosignature, cosignature/v1 over Ed25519), checked
// against witness keys the user gave as vkeys (C2SP signed-note "Verifier keys"), with a threshold.
import { sha256 } from '../core/crypto/digest';
import { fromBase64 } from '../core/encoding/base64';
import { bytesEqual, concatBytes, utf8 } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import { VerifyError } from '../core/errors';
import type { Evidence } from '../core/evidence';
import { parsePublicKey, verifySignature, type PublicKey } from '../core/crypto';
import { parseCheckpoint } from '../core/tlog';
import './errors';

/** A witness the user trusts: its name, C2SP key ID and Ed25519 key. */
export interface WitnessKey {
  name: string;
  /** The 4-byte key ID, hex. */
  keyId: string;
  key: PublicKey;
  /** The vkey as given, for evidence. */
  vkey: string;
}

/** Which witnesses must have cosigned, and how many of them. */
export interface WitnessPolicy {
  keys: WitnessKey[];
  threshold: number;
}

/** C2SP signed-note signature type of a timestamped Ed25519 cosignature (cosignature/v1). */
const COSIGNATURE_V1 = 0x04;
const ED25519_SPKI_PREFIX = Uint8Array.of(0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00);
/** A cosignature dated this far past the clock is refused (the spec lets verifiers reject future timestamps). */
const FUTURE_SKEW_SECONDS = 10 * 60;
const VKEY_MAX = 512;
const NAME = /^[^\s+\u0000-\u001f\u007f]+$/;

// The key ID of a cosigner: SHA-256(name ‖ "\n" ‖ 0x04 ‖ Ed25519 key)[:4] (C2SP tlog-cosignature "Format").
async function cosignerKeyId(name: string, raw: Uint8Array): Promise<Uint8Array> {
  return (await sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, COSIGNATURE_V1), raw))).subarray(0, 4);
}

// Parse a vkey "<name>+<hex key ID>+<base64(0x04 ‖ 32-byte Ed25519 key)>" and check its key ID (C2SP signed-note).
export async function parseWitnessKey(vkey: string): Promise<WitnessKey> {
  const shown = vkey.slice(0, 120);
  const invalid = (message: string, expected: string, found: string): never => {
    throw new VerifyError('WITNESS_KEY_INVALID', `the witness key ${message}`, { expected, found, where: 'witness vkey' });
  };
  if (vkey.length > VKEY_MAX) invalid('is too long', `at most ${VKEY_MAX} characters`, `${vkey.length} characters`);
  // The base64 key may itself contain "+": only the first two separate the fields.
  const m = /^([^+]*)\+([^+]*)\+(.*)$/.exec(vkey.trim()) ?? invalid('is not a vkey', '<name>+<8 hex digits>+<base64 key>', shown);
  const [, name, hash, data] = m as unknown as [string, string, string, string];
  if (!NAME.test(name)) invalid('has an invalid name', 'a name without spaces or "+"', name.slice(0, 80));
  if (!/^[0-9a-f]{8}$/.test(hash)) invalid('has an invalid key ID', '8 lower-case hex digits', hash.slice(0, 40));
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data, 'witness vkey key', 64);
  } catch {
    return invalid('key is not base64', 'standard base64', data.slice(0, 80));
  }
  if (bytes[0] !== COSIGNATURE_V1 || bytes.length !== 33) {
    invalid('is not a cosignature/v1 Ed25519 key', 'type 0x04 followed by a 32-byte Ed25519 key', `type 0x${(bytes[0] ?? 0).toString(16).padStart(2, '0')}, ${bytes.length - 1} key bytes`);
  }
  const raw = bytes.subarray(1);
  const keyId = toHex(await cosignerKeyId(name, raw));
  if (keyId !== hash) invalid(`"${name.slice(0, 80)}" does not match its key ID`, keyId, hash);
  return { name, keyId, key: parsePublicKey(concatBytes(ED25519_SPKI_PREFIX, raw), `witness ${name}`), vkey: vkey.trim() };
}

// The policy for the given vkeys: duplicates count once; the threshold defaults to every key given.
export async function witnessPolicy(vkeys: readonly string[], threshold?: number): Promise<WitnessPolicy> {
  const keys: WitnessKey[] = [];
  for (const k of await Promise.all(vkeys.map(parseWitnessKey))) {
    if (!keys.some((o) => o.name === k.name && bytesEqual(o.key.spki, k.key.spki))) keys.push(k);
  }
  const t = threshold ?? keys.length;
  if (!Number.isInteger(t) || t < 1 || t > keys.length) {
    throw new VerifyError('WITNESS_KEY_INVALID', `the witness threshold must be between 1 and the ${keys.length} witness keys given`, { expected: `1 to ${keys.length}`, found: String(threshold), where: 'witness threshold' });
  }
  return { keys, threshold: t };
}

/** One witness's cosignature found valid. */
export interface Cosigned {
  name: string;
  keyId: string;
  /** When the witness cosigned, seconds since the epoch. */
  time: number;
}

// Verify the cosignatures of a signed checkpoint: every line with a given witness's name and key ID must be a
// valid cosignature/v1 (u64 timestamp ‖ Ed25519 signature over "cosignature/v1\ntime <t>\n" ‖ note), and at least
// `threshold` distinct witnesses must have cosigned (C2SP tlog-cosignature, tlog-witness).
export async function verifyCosignatures(checkpointText: string, policy: WitnessPolicy, nowSeconds: number, where: string): Promise<{ cosigned: Cosigned[]; evidence: Evidence[] }> {
  const checkpoint = parseCheckpoint(checkpointText, where);
  const cosigned: Cosigned[] = [];
  const missing: string[] = [];
  for (const witness of policy.keys) {
    const lines = checkpoint.signatures.filter((s) => s.name === witness.name && s.keyHint === witness.keyId);
    if (lines.length === 0) {
      missing.push(`${witness.name} (key ID ${witness.keyId})`);
      continue;
    }
    for (const line of lines) {
      const bad = (message: string, expected: string, found: string): never => {
        throw new VerifyError('WITNESS_SIGNATURE_INVALID', `the cosignature of ${witness.name.slice(0, 80)} ${message}`, { expected, found, where: `${where}, line "— ${witness.name.slice(0, 80)}"` });
      };
      if (line.signature.length !== 8 + 64) bad('is not a timestamped Ed25519 signature', '72 bytes (u64 timestamp ‖ 64-byte signature)', `${line.signature.length} bytes`);
      const high = new DataView(line.signature.buffer, line.signature.byteOffset, 8).getUint32(0);
      const time = high * 2 ** 32 + new DataView(line.signature.buffer, line.signature.byteOffset, 8).getUint32(4);
      if (high >= 0x80000000 || !Number.isSafeInteger(time)) bad('has a timestamp out of range', 'at most 2^63 - 1', `0x${toHex(line.signature.subarray(0, 8))}`);
      if (time > nowSeconds + FUTURE_SKEW_SECONDS) bad('is dated in the future', `a time before ${new Date((nowSeconds + FUTURE_SKEW_SECONDS) * 1000).toISOString()}`, new Date(time * 1000).toISOString());
      const message = utf8(`cosignature/v1\ntime ${time}\n${checkpoint.note}`);
      if (!(await verifySignature(witness.key, line.signature.subarray(8), message))) {
        bad('does not verify with its key', `an Ed25519 signature by ${witness.vkey.slice(0, 120)}`, toHex(line.signature.subarray(8)));
      }
      if (!cosigned.some((c) => c.name === witness.name && c.keyId === witness.keyId)) cosigned.push({ name: witness.name, keyId: witness.keyId, time });
    }
  }
  if (cosigned.length < policy.threshold) {
    const seen = checkpoint.signatures.map((s) => `${s.name} ${s.keyHint}`).join(', ');
    throw new VerifyError('WITNESS_THRESHOLD', `${cosigned.length} of the ${policy.threshold} witness cosignatures required are on today’s checkpoint`, {
      expected: `${policy.threshold} of ${policy.keys.map((k) => `${k.name} (key ID ${k.keyId})`).join(', ')}`,
      found: `${cosigned.length} valid; no cosignature from ${missing.join(', ')}; lines present: ${seen || 'none'}`.slice(0, 600),
      where,
    });
  }
  const evidence: Evidence[] = [
    { kind: 'text', label: 'threshold', value: `${cosigned.length} of ${policy.keys.length} witnesses cosigned; ${policy.threshold} required` },
    ...cosigned.map((c): Evidence => ({ kind: 'time', label: `cosigned by ${c.name} (key ID ${c.keyId})`, value: new Date(c.time * 1000).toISOString() })),
    ...(missing.length > 0 ? [{ kind: 'text' as const, label: 'no cosignature from', value: missing.join(', ') }] : []),
  ];
  return { cosigned, evidence };
}
