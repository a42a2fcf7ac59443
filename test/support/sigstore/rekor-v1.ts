// A Rekor v1 log: RFC 6962 tree, checkpoints signed with ECDSA P-256 in the Rekor v1 note
// layout (origin "<host> - <treeID>"), and signed entry timestamps over the RFC 8785 payload.
import { canonicalJson } from './canonical-json.ts';
import { generateKey, b64, hex, sha256, utf8Bytes, type TestKey } from './keys.ts';
import { MerkleTree } from './merkle.ts';
import type { RekorBody } from './rekor-v1-bodies.ts';
import { ecdsaNoteSignature, ed25519NoteSignature } from './signed-note.ts';
import { inclusionProof, prefill, type ProofFaults, type TestLog, type TlogEntryJson } from './transparency-log.ts';

export interface RekorV1Options {
  readonly host?: string;
  /** The name the log signs checkpoints with; default its host. Private instances (sigstore scaffolding) sign as their pod. */
  readonly signerName?: string;
  readonly treeId?: string;
  /** Global index of this shard's first leaf (public-good logIndex counts across shards). */
  readonly logIndexOffset?: number;
  /** Filler leaves before the first real entry. */
  readonly prefill?: number;
  /** Add the "Timestamp: <ns>" line older Rekor checkpoints carried. */
  readonly checkpointTimestampLine?: boolean;
}

export interface RekorV1Faults extends ProofFaults {
  /** The SET signs a payload with another log index. */
  readonly badSet?: boolean;
  /** The entry has no inclusion promise. */
  readonly noInclusionPromise?: boolean;
}

/** A Rekor v1 log; its logId is the SHA-256 of the DER SPKI. */
export interface RekorV1Log extends TestLog {
  /** Integrates a body at `integratedTime` (seconds) and returns its bundle entry. */
  append(body: RekorBody, integratedTime: number, faults?: RekorV1Faults): TlogEntryJson;
}

// The SET: signature over canonical {body, integratedTime, logID, logIndex} (Rekor v1 verification payload).
function signedEntryTimestamp(key: TestKey, bodyB64: string, integratedTime: number, logIdHex: string, logIndex: number): Uint8Array {
  const payload = canonicalJson({ body: bodyB64, integratedTime, logID: logIdHex, logIndex });
  return key.sign(utf8Bytes(payload), 'sha256');
}

// Creates a Rekor v1 log with a fresh P-256 key.
export function createRekorV1(options: RekorV1Options = {}): RekorV1Log {
  const key = generateKey('ecdsa-p256');
  const impostorKey = generateKey('ecdsa-p256');
  const foreignKey = generateKey('ed25519');
  const host = options.host ?? 'rekor.signet.test';
  const signer = options.signerName ?? host;
  const origin = `${signer} - ${options.treeId ?? '4618235531977183207'}`;
  const logId = sha256(key.spki);
  const offset = options.logIndexOffset ?? 0;
  const tree = new MerkleTree();
  prefill(tree, options.prefill ?? 5);
  const signing = {
    origin,
    sign: (text: string) => ecdsaNoteSignature(signer, key, text),
    impostor: (text: string) => ({ ...ecdsaNoteSignature(signer, impostorKey, text), keyHint: logId.subarray(0, 4) }),
    foreign: (text: string) => ed25519NoteSignature('witness.foreign.test', foreignKey, text),
    cosignatures: () => [],
    extraLines: (t: number) => (options.checkpointTimestampLine ? [`Timestamp: ${BigInt(t) * 1_000_000_000n}`] : []),
  };
  return {
    key,
    logId,
    host,
    baseUrl: `https://${host}`,
    origin,
    tree,
    append(body, integratedTime, faults = {}) {
      const leafIndex = tree.append(body.bytes);
      const logIndex = offset + leafIndex;
      const bodyB64 = b64(body.bytes);
      const set = signedEntryTimestamp(key, bodyB64, integratedTime, hex(logId), faults.badSet ? logIndex + 1 : logIndex);
      return {
        logIndex: String(logIndex),
        logId: { keyId: b64(logId) },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        integratedTime: String(integratedTime),
        ...(faults.noInclusionPromise ? {} : { inclusionPromise: { signedEntryTimestamp: b64(set) } }),
        ...(faults.noInclusionProof ? {} : { inclusionProof: inclusionProof(tree, leafIndex, signing, integratedTime, faults) }),
        canonicalizedBody: bodyB64,
      };
    },
  };
}

/** The Rekor bundle cosign stores beside a signature (cosign pkg/cosign/bundle.RekorBundle). */
export interface CosignRekorBundleJson {
  SignedEntryTimestamp?: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

// The same entry in cosign's legacy form: SET plus the payload the SET signs, logID in hex; no inclusion proof.
export function cosignRekorBundle(entry: TlogEntryJson): CosignRekorBundleJson {
  return {
    ...(entry.inclusionPromise ? { SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp } : {}),
    Payload: {
      body: entry.canonicalizedBody,
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: hex(new Uint8Array(Buffer.from(entry.logId.keyId, 'base64'))),
    },
  };
}
