// Message digests through WebCrypto.
import { toArrayBuffer } from '../encoding/bytes';

export type HashAlg = 'SHA-256' | 'SHA-384' | 'SHA-512';

export const HASH_LENGTH: Record<HashAlg, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

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

// Hash bytes with the named algorithm.
export async function digest(alg: HashAlg, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest(alg, toArrayBuffer(data)));
}

// SHA-256, the digest most of Sigstore is built on.
export function sha256(data: Uint8Array): Promise<Uint8Array> {
  return digest('SHA-256', data);
}
