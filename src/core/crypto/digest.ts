// Message digests: WebCrypto for large inputs, @noble/hashes synchronously for small ones.
import { sha256 as nobleSha256, sha384 as nobleSha384, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { bufferSource } from '../encoding/bytes';
import type { HashAlg } from './hash-algorithms';

export { HASH_LENGTH, type HashAlg } from './hash-algorithms';

// Object identifiers of the SHA-2 digests (RFC 5754 §2).
export const HASH_OIDS: Readonly<Record<string, HashAlg>> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

// The subtle crypto of the running platform (browser, worker or Node ≥ 20).
export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available in this environment');
  return s;
}

/** Inputs up to this size (Merkle nodes and leaves, checkpoints, small PAEs) are hashed synchronously: an
 *  asynchronous WebCrypto round trip costs tens of microseconds, more than hashing a few KB. */
export const SMALL_HASH_BYTES = 4096;

const SMALL: Record<HashAlg, (data: Uint8Array) => Uint8Array> = { 'SHA-256': nobleSha256, 'SHA-384': nobleSha384, 'SHA-512': nobleSha512 };

// Hash bytes with the named algorithm.
export async function digest(alg: HashAlg, data: Uint8Array): Promise<Uint8Array> {
  if (data.length <= SMALL_HASH_BYTES) return SMALL[alg](data);
  return new Uint8Array(await subtle().digest(alg, bufferSource(data)));
}

// SHA-256 of a small input (a Merkle node: 65 bytes), synchronously with @noble/hashes: no promise per level
// of a 30-level audit path.
export function sha256Small(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

// SHA-256, the digest most of Sigstore is built on.
export function sha256(data: Uint8Array): Promise<Uint8Array> {
  return digest('SHA-256', data);
}
