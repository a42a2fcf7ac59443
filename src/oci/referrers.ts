// Listing the referrers of a manifest (OCI distribution spec v1.1 "Listing Referrers"): the referrers
// API with artifactType filtering and Link pagination, else the referrers tag schema `<alg>-<hex>`.
import { VerifyError } from '../core/errors';
import type { AuthorizedGet, RepositoryScope } from './auth';
import type { ContentReader } from './content';
import { discardBody, readBody, throwForStatus } from './http';
import { OCI_LIMITS } from './limits';
import { nextLink } from './link-header';
import { parseManifest, type Descriptor, type ImageIndex, type Manifest } from './manifest';
import { MEDIA_TYPES } from './media-types';

// The referrers API's descriptors across all pages, or undefined when the registry answers 404 (no API).
export async function referrersFromApi(get: AuthorizedGet, reader: ContentReader, target: RepositoryScope, digest: string, artifactType?: string): Promise<Descriptor[] | undefined> {
  const query = artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`;
  const first = reader.apiUrl(target, `referrers/${digest}${query}`);
  const origin = new URL(first).origin;
  const descriptors: Descriptor[] = [];
  let url: string | undefined = first;
  for (let page = 1; url !== undefined; page++) {
    const where = `referrers of ${digest}, page ${page}`;
    if (page > OCI_LIMITS.referrerPages) throw new VerifyError('LIMIT_EXCEEDED', `${where}: more than ${OCI_LIMITS.referrerPages} pages of referrers`, { where });
    if (new URL(url).origin !== origin) throw new VerifyError('OCI_REQUEST_FAILED', `${where}: the next page ${url.slice(0, 100)} is on another host`, { where, found: url.slice(0, 300) });
    const response = await get(target, url, MEDIA_TYPES.ociIndex, where);
    if (response.status === 404 && page === 1) {
      await discardBody(response);
      return undefined;
    }
    if (!response.ok) return throwForStatus(response, where);
    const index = asIndex(parseManifest(await readBody(response, OCI_LIMITS.manifestBytes, where), response.headers.get('content-type'), where), where);
    // A registry that filtered says so in OCI-Filters-Applied; otherwise the client filters.
    const filtered = response.headers.get('oci-filters-applied')?.split(',').some((f) => f.trim() === 'artifactType') ?? false;
    descriptors.push(...(filtered ? index.manifests : withArtifactType(index.manifests, artifactType)));
    url = nextLink(response.headers.get('link'), url);
  }
  return descriptors;
}

// The referrers tag schema: an index tagged `sha256-<hex>`; a missing tag means no referrers.
export async function referrersFromTag(reader: ContentReader, target: RepositoryScope, tag: string, artifactType?: string): Promise<Descriptor[]> {
  try {
    const { manifest } = await reader.fetchManifest(target, tag);
    return withArtifactType(asIndex(manifest, `referrers tag ${tag}`).manifests, artifactType);
  } catch (err) {
    if (err instanceof VerifyError && err.code === 'OCI_NOT_FOUND') return [];
    throw err;
  }
}

// Require an image index.
function asIndex(manifest: Manifest, where: string): ImageIndex {
  if (manifest.kind !== 'index') throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: expected an image index, found ${manifest.mediaType}`, { where, found: manifest.mediaType });
  return manifest;
}

// Descriptors of the asked artifact type (all when none was asked).
function withArtifactType(descriptors: Descriptor[], artifactType: string | undefined): Descriptor[] {
  return artifactType === undefined ? descriptors : descriptors.filter((d) => d.artifactType === artifactType);
}
