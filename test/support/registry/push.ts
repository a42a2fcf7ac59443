// An OCI push client over fetch: the "Push" workflow of the OCI distribution spec v1.1, plus the tag-schema fallbacks.
import { describeBytes, type BuiltManifest, type Bytes, type Descriptor } from './descriptor';
import { OCI_INDEX } from './media-types';
import { addReferrer, buildCosignManifest, cosignTagOf, referrersTagOf, type CosignLayer } from './signature-builders';

// What a manifest PUT answered: the registry's digest and, when it has a referrers API, the OCI-Subject header.
export interface PushedManifest {
  digest: string;
  ociSubject: string | null;
}

// The error thrown when the registry answers a status the spec does not allow at that step.
async function unexpected(response: Response, step: string): Promise<Error> {
  return new Error(`${step}: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
}

// A push client bound to one registry base URL (`http://127.0.0.1:PORT`), over fetchFn (one that trusts the
// registry's CA when it speaks HTTPS); by default the global fetch as it is at each call.
export function pushClient(baseUrl: string, fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
  // distribution spec "Checking if content exists in the registry": HEAD answers 200 when the blob is there.
  async function blobExists(repo: string, digest: string): Promise<boolean> {
    const response = await fetchFn(`${baseUrl}/v2/${repo}/blobs/${digest}`, { method: 'HEAD' });
    return response.status === 200;
  }

  // distribution spec "Pushing a blob monolithically", POST then PUT: obtain an upload URL, then PUT all bytes with ?digest=.
  async function pushBlob(repo: string, bytes: Bytes, mediaType = 'application/octet-stream'): Promise<Descriptor> {
    const descriptor = describeBytes(mediaType, bytes);
    if (await blobExists(repo, descriptor.digest)) return descriptor;
    const opened = await fetchFn(`${baseUrl}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    const location = opened.headers.get('location');
    if (opened.status !== 202 || location === null) throw await unexpected(opened, `POST blob upload to ${repo}`);
    const upload = new URL(location, baseUrl);
    upload.searchParams.set('digest', descriptor.digest);
    const put = await fetchFn(upload, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
    if (put.status !== 201) throw await unexpected(put, `PUT blob ${descriptor.digest}`);
    return descriptor;
  }

  // distribution spec "Pushing Manifests": PUT /v2/<name>/manifests/<reference> with the manifest's media type.
  async function pushManifest(repo: string, reference: string, bytes: Bytes, mediaType: string): Promise<PushedManifest> {
    const response = await fetchFn(`${baseUrl}/v2/${repo}/manifests/${reference}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body: bytes });
    const digest = response.headers.get('docker-content-digest');
    if (response.status !== 201 || digest === null) throw await unexpected(response, `PUT manifest ${repo}:${reference}`);
    return { digest, ociSubject: response.headers.get('oci-subject') };
  }

  // Points a tag at a manifest: a manifest PUT whose reference is the tag.
  function tag(repo: string, tagName: string, manifest: Pick<BuiltManifest, 'bytes' | 'mediaType'>): Promise<PushedManifest> {
    return pushManifest(repo, tagName, manifest.bytes, manifest.mediaType);
  }

  // Pushes a manifest after everything it references (blobs, then child manifests by digest), optionally tagging it.
  async function push(repo: string, manifest: BuiltManifest, tagName?: string): Promise<PushedManifest> {
    for (const blob of manifest.blobs) await pushBlob(repo, blob);
    for (const child of manifest.children) await push(repo, child);
    const pushed = await pushManifest(repo, manifest.digest, manifest.bytes, manifest.mediaType);
    return tagName === undefined ? pushed : tag(repo, tagName, manifest);
  }

  // The image index at a tag, or undefined when the tag does not exist yet.
  async function readIndex(repo: string, tagName: string): Promise<{ manifests: Descriptor[] } | undefined> {
    const response = await fetchFn(`${baseUrl}/v2/${repo}/manifests/${tagName}`, { headers: { Accept: OCI_INDEX } });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await unexpected(response, `GET index ${repo}:${tagName}`);
    return (await response.json()) as { manifests: Descriptor[] };
  }

  // distribution spec "Pushing Manifests with Subject" without a referrers API: read-modify-write the `<alg>-<ref>` index.
  async function pushReferrerViaTagSchema(repo: string, subjectDigest: string, referrer: Descriptor): Promise<BuiltManifest> {
    const tagName = referrersTagOf(subjectDigest);
    const index = addReferrer(await readIndex(repo, tagName), referrer);
    await tag(repo, tagName, index);
    return index;
  }

  // cosign's legacy layout: one manifest at `sha256-<hex>.sig` (or `.att`) holding every signature as a layer.
  async function pushCosignTag(repo: string, subjectDigest: string, kind: 'sig' | 'att', layers: CosignLayer[]): Promise<BuiltManifest> {
    const manifest = buildCosignManifest(layers);
    await push(repo, manifest, cosignTagOf(subjectDigest, kind));
    return manifest;
  }

  return { blobExists, pushBlob, pushManifest, tag, push, pushReferrerViaTagSchema, pushCosignTag };
}
