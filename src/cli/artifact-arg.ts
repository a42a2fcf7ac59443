// FILE_OR_DIGEST of the conformance client protocol: a digest iff sha256:/sha384:/sha512: hex of the right length and not an existing path.
import { existsSync, readFileSync } from 'node:fs';
import { parseDigestLabel } from '../core/crypto';
import type { ArtifactInput } from '../core/verify';

// Resolve the positional artifact argument to bytes or a digest.
export function readArtifactArg(arg: string): ArtifactInput {
  const digest = existsSync(arg) ? null : parseDigestLabel(arg);
  if (digest) return { kind: 'digest', ...digest };
  return { kind: 'bytes', bytes: new Uint8Array(readFileSync(arg)) };
}
