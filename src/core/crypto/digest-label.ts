// "algorithm:hex" digest labels (sha256:, sha384:, sha512:), as OCI descriptors, in-toto subjects and users write them.
import { fromHex } from '../encoding/hex';
import { HASH_LENGTH, type HashAlg } from './hash-algorithms';

/** Label prefixes of the SHA-2 digests a Sigstore bundle can name (client spec algorithm registry). */
export const DIGEST_LABELS: Readonly<Record<string, HashAlg>> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

// Parse "sha256:<64 hex>", "sha384:<96 hex>" or "sha512:<128 hex>" (hex in either case); null when it is not one.
export function parseDigestLabel(text: string): { algorithm: HashAlg; value: Uint8Array } | null {
  const m = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text);
  if (!m) return null;
  const algorithm = DIGEST_LABELS[m[1]!]!;
  if (m[2]!.length !== HASH_LENGTH[algorithm] * 2) return null;
  return { algorithm, value: fromHex(m[2]!, 'digest') };
}

// The label prefix of an algorithm: SHA-512 → sha512.
export function digestLabelName(algorithm: HashAlg): string {
  return algorithm.replace('-', '').toLowerCase();
}
