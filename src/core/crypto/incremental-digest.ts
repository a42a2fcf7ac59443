// Incremental SHA-2 for artifacts too large to hold in memory at once. WebCrypto has no streaming
// digest, so this job goes to @noble/hashes (audited), as do small inputs; large whole inputs go to WebCrypto.
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashAlg } from './digest';

export interface IncrementalDigest {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array;
}

const HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

// A hasher fed chunk by chunk (FIPS 180-4, the same digest WebCrypto computes in one call).
export function createIncrementalDigest(alg: HashAlg): IncrementalDigest {
  const h = HASHES[alg].create();
  return {
    update: (chunk) => void h.update(chunk),
    digest: () => h.digest(),
  };
}
