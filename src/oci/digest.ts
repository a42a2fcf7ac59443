// Content digests (OCI image spec, descriptor.md#digests): computed over the exact bytes received.
import { sha256 } from '../core/crypto/digest';
import { toHex } from '../core/encoding/hex';
import { VerifyError } from '../core/errors';

const SHA256_DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
/** The general grammar `algorithm ":" encoded` of the OCI image spec. */
const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

// Whether text is a sha256 digest in the registered form: 64 lower-case hex digits.
export function isSha256Digest(text: string): boolean {
  return SHA256_DIGEST_PATTERN.test(text);
}

// Whether text follows the general digest grammar (any algorithm).
export function isDigest(text: string): boolean {
  return text.length <= 1024 && DIGEST_PATTERN.test(text);
}

// The sha256 digest of bytes, as `sha256:<hex>`.
export async function digestOf(bytes: Uint8Array): Promise<string> {
  return `sha256:${toHex(await sha256(bytes))}`;
}

// Throw OCI_DIGEST_MISMATCH unless the bytes hash to the expected digest.
export async function assertDigest(bytes: Uint8Array, expected: string, where: string): Promise<string> {
  const found = await digestOf(bytes);
  if (found !== expected) {
    throw new VerifyError('OCI_DIGEST_MISMATCH', `${where}: the bytes received hash to ${found}, not ${expected}`, { where, expected, found });
  }
  return found;
}
