// Content-addressed reads (OCI distribution spec v1.1 "Pulling manifests", "Pulling blobs"): every
// manifest and blob is checked against the digest it was asked by, and the registry's own claim.
import { VerifyError } from '../core/errors';
import type { AuthorizedGet, RepositoryScope } from './auth';
import { assertDigest, digestOf, isSha256Digest } from './digest';
import { readBody, throwForStatus } from './http';
import { OCI_LIMITS } from './limits';
import { parseManifest, type Descriptor, type Manifest } from './manifest';
import { MANIFEST_ACCEPT } from './media-types';
import { isTag } from './reference';

export interface FetchedManifest {
  /** sha256 of the bytes received. */
  digest: string;
  mediaType: string;
  bytes: Uint8Array;
  manifest: Manifest;
}

export interface ContentReader {
  /** The URL of an API path (`/v2/…`) on a repository's registry. */
  apiUrl(target: RepositoryScope, path: string): string;
  /** A manifest or index by tag or sha256 digest. */
  fetchManifest(target: RepositoryScope, tagOrDigest: string): Promise<FetchedManifest>;
  /** A blob, refused over maxBytes, checked against the descriptor's size and sha256 digest. */
  fetchBlob(target: RepositoryScope, descriptor: Pick<Descriptor, 'digest' | 'size'>, maxBytes: number): Promise<Uint8Array>;
}

// Manifest and blob reads over the authorised GET.
/** Bytes of a blob received so far, against the size its descriptor declares. */
export type BlobProgress = (progress: { digest: string; received: number; total: number }) => void;

// Blobs smaller than this download without progress reports.
const PROGRESS_FROM_BYTES = 1 << 20;

export function createContentReader(get: AuthorizedGet, apiBase: (registry: string) => string, onBlobProgress?: BlobProgress): ContentReader {
  // The URL of a repository's API path on its registry.
  const apiUrl = (target: RepositoryScope, path: string) => `${apiBase(target.registry)}/v2/${target.repository}/${path}`;

  // GET a manifest; its sha256 must equal the digest asked for and any Docker-Content-Digest header.
  const fetchManifest = async (target: RepositoryScope, tagOrDigest: string): Promise<FetchedManifest> => {
    const byDigest = tagOrDigest.includes(':');
    if (byDigest ? !isSha256Digest(tagOrDigest) : !isTag(tagOrDigest)) {
      throw new VerifyError('OCI_REFERENCE_INVALID', `"${tagOrDigest.slice(0, 100)}" is neither a tag nor a sha256 digest`, { where: 'manifest reference', found: tagOrDigest.slice(0, 300) });
    }
    const where = `manifest ${target.registry}/${target.repository}${byDigest ? '@' : ':'}${tagOrDigest}`;
    const response = await get(target, apiUrl(target, `manifests/${tagOrDigest}`), MANIFEST_ACCEPT, where);
    if (!response.ok) return throwForStatus(response, where);
    const claimed = response.headers.get('docker-content-digest');
    const bytes = await readBody(response, OCI_LIMITS.manifestBytes, where);
    const digest = byDigest ? await assertDigest(bytes, tagOrDigest, where) : await digestOf(bytes);
    if (claimed !== null && claimed.trim() !== digest) {
      throw new VerifyError('OCI_DIGEST_MISMATCH', `${where}: the bytes received hash to ${digest}, but the registry's Docker-Content-Digest says ${claimed.slice(0, 100)}`, {
        where,
        expected: claimed.slice(0, 300),
        found: digest,
      });
    }
    const manifest = parseManifest(bytes, response.headers.get('content-type'), where);
    return { digest, mediaType: manifest.mediaType, bytes, manifest };
  };

  // GET a blob within a size cap; its length and sha256 must match the descriptor.
  const fetchBlob = async (target: RepositoryScope, descriptor: Pick<Descriptor, 'digest' | 'size'>, maxBytes: number): Promise<Uint8Array> => {
    const where = `blob ${descriptor.digest}`;
    if (!isSha256Digest(descriptor.digest)) {
      throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: Signet checks sha256 digests only`, { where, found: descriptor.digest.slice(0, 100) });
    }
    if (descriptor.size > maxBytes) {
      throw new VerifyError('LIMIT_EXCEEDED', `${where} is declared as ${descriptor.size} bytes, over the limit of ${maxBytes}`, {
        where,
        expected: `at most ${maxBytes} bytes`,
        found: String(descriptor.size),
      });
    }
    const response = await get(target, apiUrl(target, `blobs/${descriptor.digest}`), '*/*', where);
    if (!response.ok) return throwForStatus(response, where);
    const report = onBlobProgress && descriptor.size >= PROGRESS_FROM_BYTES ? onBlobProgress : undefined;
    const bytes = await readBody(response, maxBytes, where, report && ((received) => report({ digest: descriptor.digest, received, total: descriptor.size })));
    await assertDigest(bytes, descriptor.digest, where);
    if (bytes.length !== descriptor.size) {
      throw new VerifyError('OCI_DIGEST_MISMATCH', `${where} is ${bytes.length} bytes, but its descriptor says ${descriptor.size}`, {
        where,
        expected: String(descriptor.size),
        found: String(bytes.length),
      });
    }
    return bytes;
  };

  return { apiUrl, fetchManifest, fetchBlob };
}
