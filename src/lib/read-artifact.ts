// Turns a dropped file into the engine's artifact input without holding a large file in memory.
import { createIncrementalDigest, sha256, toHex, type ArtifactInput } from '../core';

/** Files up to this size are read whole (WebCrypto verifies over the bytes); larger ones are hashed in chunks. */
export const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;
const CHUNK = 8 * 1024 * 1024;

// Read or hash a file, reporting progress; returns the input and its sha256 for display and share links.
export async function readArtifact(file: File, onProgress: (done: number, total: number) => void): Promise<{ input: ArtifactInput; sha256: string }> {
  if (file.size <= WHOLE_FILE_LIMIT) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    onProgress(file.size, file.size);
    const digest = await sha256(bytes);
    return { input: { kind: 'bytes', bytes }, sha256: `sha256:${toHex(digest)}` };
  }
  const hasher = createIncrementalDigest('SHA-256');
  for (let at = 0; at < file.size; at += CHUNK) {
    hasher.update(new Uint8Array(await file.slice(at, at + CHUNK).arrayBuffer()));
    onProgress(Math.min(file.size, at + CHUNK), file.size);
  }
  const value = hasher.digest();
  return { input: { kind: 'digest', algorithm: 'SHA-256', value }, sha256: `sha256:${toHex(value)}` };
}
