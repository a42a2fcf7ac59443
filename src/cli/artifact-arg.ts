// FILE_OR_DIGEST of the conformance client protocol: a digest iff sha256:<64 hex> and not an existing path.
import { existsSync, readFileSync } from 'node:fs';
import { fromHex, type ArtifactInput } from '../core';

// Resolve the positional artifact argument to bytes or a digest.
export function readArtifactArg(arg: string): ArtifactInput {
  const m = /^sha256:([0-9a-fA-F]{64})$/.exec(arg);
  if (m && !existsSync(arg)) return { kind: 'digest', algorithm: 'SHA-256', value: fromHex(m[1]!) };
  return { kind: 'bytes', bytes: new Uint8Array(readFileSync(arg)) };
}
