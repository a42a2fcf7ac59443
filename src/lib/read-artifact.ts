// Turns a chosen file into the engine's artifact input without holding a large file in memory: hashed with every
// algorithm the bundle names, in chunks, in the worker.
import { createIncrementalDigest, digest, type ArtifactInput, type HashAlg } from '../core';
import { algorithmsToHash, matchingDigest, type NamedDigests } from './named-digests';

/** Files up to `whole` bytes are read whole (WebCrypto verifies over the bytes); larger ones are hashed `chunk` bytes at a time. */
export const READ_SIZES = { whole: 64 * 1024 * 1024, chunk: 8 * 1024 * 1024 };

// Read or hash a file, reporting progress; returns the input and the digest that matched (algorithm:hex) for display and share links.
export async function readArtifact(file: Blob, named: NamedDigests, onProgress: (done: number, total: number) => void, sizes = READ_SIZES): Promise<{ input: ArtifactInput; digest: string }> {
  const algorithms = algorithmsToHash(named);
  if (file.size <= sizes.whole) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    onProgress(file.size, file.size);
    const computed = new Map(await Promise.all(algorithms.map(async (a) => [a, await digest(a, bytes)] as const)));
    return { input: { kind: 'bytes', bytes }, digest: matchingDigest(computed, named).label };
  }
  const hashers = algorithms.map((a) => [a, createIncrementalDigest(a)] as const);
  for (let at = 0; at < file.size; at += sizes.chunk) {
    const chunk = new Uint8Array(await file.slice(at, at + sizes.chunk).arrayBuffer());
    for (const [, h] of hashers) h.update(chunk);
    onProgress(Math.min(file.size, at + sizes.chunk), file.size);
  }
  const computed = new Map<HashAlg, Uint8Array>(hashers.map(([a, h]) => [a, h.digest()]));
  const { algorithm, value, label } = matchingDigest(computed, named);
  return { input: { kind: 'digest', algorithm, value }, digest: label };
}
