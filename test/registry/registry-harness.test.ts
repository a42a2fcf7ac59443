// The test registry harness against a real CNCF distribution 2.x: pushes images, indexes and signatures, reads them back.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Digest, type Bytes, type Descriptor } from '../support/registry/descriptor';
import { buildImage, buildIndex } from '../support/registry/image-builders';
import { COSIGN_SIMPLESIGNING, DSSE_ENVELOPE, OCI_EMPTY_DIGEST, OCI_INDEX, OCI_MANIFEST, SIGSTORE_BUNDLE_V03 } from '../support/registry/media-types';
import { pushClient } from '../support/registry/push';
import { DSSE_BUNDLE_ANNOTATIONS, buildBundleReferrer, cosignTagOf, referrersTagOf, type CosignLayer } from '../support/registry/signature-builders';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../support/registry/start-registry';

const REPO = 'signet/app';
const BUNDLE = readFileSync(new URL('../../src/features/verify/examples/dockerhub-buildkittest.sigstore.json', import.meta.url));
const RECORDED_REFERRER = JSON.parse(readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle-artifact-manifest.json', 'utf8')) as unknown;
const RECORDED_REFERRERS_INDEX = JSON.parse(readFileSync('../shared/fixtures/dockerhub-buildkittest/referrers-index.json', 'utf8')) as { manifests: unknown[] };
// UTF-8 bytes of a string.
const encode = (text: string): Bytes => new TextEncoder().encode(text);
const image = buildImage({ architecture: 'amd64', os: 'linux' }, encode('layer of a tiny image'));
const armImage = buildImage({ architecture: 'arm64', os: 'linux', variant: 'v8' }, encode('layer of the arm64 image'));
const index = buildIndex([image, armImage]);

interface Fetched {
  status: number;
  bytes: Bytes;
  headers: Headers;
}

// The structure of a JSON value: the same keys in the same order, with each leaf replaced by its type.
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  return typeof value;
}

// Parses fetched JSON bytes.
function json<T>(fetched: Fetched): T {
  return JSON.parse(new TextDecoder().decode(fetched.bytes)) as T;
}

const missing = registryMissingReason();
if (missing !== undefined) console.warn(`registry tests skipped: ${missing}`);
describe.skipIf(missing !== undefined)(missing === undefined ? 'a real distribution registry' : `SKIPPED, ${missing}`, { timeout: 120_000 }, () => {
  let registry: RunningRegistry;
  let client: ReturnType<typeof pushClient>;

  // A plain GET against the registry, with the Accept header the distribution spec asks for.
  async function get(path: string, accept?: string): Promise<Fetched> {
    const response = await fetch(`${registry.url}${path}`, { headers: accept === undefined ? {} : { Accept: accept } });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
  }

  // GETs a manifest and checks the registry serves exactly the bytes of the expected digest.
  async function expectManifest(reference: string, accept: string, digest: string): Promise<Fetched> {
    const fetched = await get(`/v2/${REPO}/manifests/${reference}`, accept);
    expect(fetched.status).toBe(200);
    expect(sha256Digest(fetched.bytes)).toBe(digest);
    expect(fetched.headers.get('docker-content-digest')).toBe(digest);
    expect(fetched.headers.get('content-type')).toBe(accept);
    return fetched;
  }

  // GETs every blob and checks each hashes to its digest.
  async function expectBlobs(descriptors: Descriptor[]): Promise<void> {
    for (const descriptor of descriptors) {
      const fetched = await get(`/v2/${REPO}/blobs/${descriptor.digest}`);
      expect(fetched.status).toBe(200);
      expect(sha256Digest(fetched.bytes)).toBe(descriptor.digest);
      expect(fetched.bytes.length).toBe(descriptor.size);
    }
  }

  beforeAll(async () => {
    registry = await startRegistry();
    client = pushClient(registry.url);
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
  });

  it('answers the API version check on 127.0.0.1', async () => {
    expect(registry.url).toBe(`http://${registry.host}`);
    expect(registry.host).toMatch(/^127\.0\.0\.1:\d+$/);
    const fetched = await get('/v2/');
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });

  it('pushes a single-platform image and serves it by tag and by digest', async () => {
    expect(await client.push(REPO, image, 'v1')).toEqual({ digest: image.digest, ociSubject: null });
    const manifest = json<{ config: Descriptor; layers: Descriptor[] }>(await expectManifest('v1', OCI_MANIFEST, image.digest));
    await expectManifest(image.digest, OCI_MANIFEST, image.digest);
    await expectBlobs([manifest.config, ...manifest.layers]);
    const config = json<{ os: string; architecture: string }>(await get(`/v2/${REPO}/blobs/${manifest.config.digest}`));
    expect(config).toMatchObject({ os: 'linux', architecture: 'amd64' });
  });

  it('skips a blob upload when HEAD says the blob exists', async () => {
    const calls = vi.spyOn(globalThis, 'fetch');
    try {
      for (const blob of image.blobs) await client.pushBlob(REPO, blob);
      expect(calls.mock.calls.map(([, init]) => init?.method)).toEqual(image.blobs.map(() => 'HEAD'));
    } finally {
      calls.mockRestore();
    }
    expect(await client.blobExists(REPO, sha256Digest(encode('never pushed')))).toBe(false);
  });

  it('pushes a multi-platform index whose entries resolve to their images', async () => {
    await client.push(REPO, index, 'multi');
    const served = json<{ manifests: Descriptor[] }>(await expectManifest('multi', OCI_INDEX, index.digest));
    expect(served.manifests.map((entry) => entry.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux', variant: 'v8' },
    ]);
    for (const entry of served.manifests) await expectManifest(entry.digest, OCI_MANIFEST, entry.digest);
  });

  it('stores a Sigstore bundle referrer and lists it through the referrers tag schema', async () => {
    const referrer = buildBundleReferrer(image.descriptor, BUNDLE);
    const later = buildBundleReferrer(image.descriptor, BUNDLE, { ...DSSE_BUNDLE_ANNOTATIONS, 'org.opencontainers.image.created': '2026-06-09T00:00:00Z' });
    // distribution 2.x has no referrers API: no OCI-Subject header, so the client must maintain the tag.
    expect((await client.push(REPO, referrer)).ociSubject).toBeNull();
    await client.push(REPO, later);
    await client.pushReferrerViaTagSchema(REPO, image.digest, referrer.descriptor);
    await client.pushReferrerViaTagSchema(REPO, image.digest, later.descriptor);
    const tagIndex = await client.pushReferrerViaTagSchema(REPO, image.digest, referrer.descriptor);

    const listed = json<{ manifests: Descriptor[] }>(await expectManifest(referrersTagOf(image.digest), OCI_INDEX, tagIndex.digest));
    expect(listed.manifests).toEqual([later.descriptor, referrer.descriptor]);
    expect(listed.manifests.map((entry) => entry.artifactType)).toEqual([SIGSTORE_BUNDLE_V03, SIGSTORE_BUNDLE_V03]);

    const served = json<{ config: Descriptor; layers: Descriptor[]; subject: Descriptor }>(await expectManifest(referrer.digest, OCI_MANIFEST, referrer.digest));
    expect(served.subject).toEqual({ mediaType: OCI_MANIFEST, size: image.bytes.length, digest: image.digest });
    expect(served.config).toMatchObject({ digest: OCI_EMPTY_DIGEST, size: 2 });
    expect(shapeOf(served)).toEqual(shapeOf(RECORDED_REFERRER));
    expect(shapeOf(listed.manifests[0])).toEqual(shapeOf(RECORDED_REFERRERS_INDEX.manifests[0]));
    await expectBlobs([served.config, ...served.layers]);

    const referrersApi = await get(`/v2/${REPO}/referrers/${image.digest}`, OCI_INDEX);
    expect(referrersApi.status).toBe(404);
  });

  it('stores cosign signatures and attestations at the sha256-<hex>.sig and .att tags', async () => {
    const payload = encode(JSON.stringify({ critical: { identity: { 'docker-reference': `${registry.host}/${REPO}` }, image: { 'docker-manifest-digest': image.digest }, type: 'cosign container image signature' }, optional: null }));
    const signatures: CosignLayer[] = [
      { mediaType: COSIGN_SIMPLESIGNING, bytes: payload, annotations: { 'dev.cosignproject.cosign/signature': 'c2lnbmF0dXJlIG9uZQ==' } },
      { mediaType: COSIGN_SIMPLESIGNING, bytes: encode(`${new TextDecoder().decode(payload)}\n`), annotations: { 'dev.cosignproject.cosign/signature': 'c2lnbmF0dXJlIHR3bw==', 'dev.sigstore.cosign/certificate': '-----BEGIN CERTIFICATE-----' } },
    ];
    const sig = await client.pushCosignTag(REPO, image.digest, 'sig', signatures);
    const servedSig = json<{ config: Descriptor; layers: Descriptor[] }>(await expectManifest(cosignTagOf(image.digest, 'sig'), OCI_MANIFEST, sig.digest));
    expect(servedSig.layers.map((layer) => [layer.mediaType, layer.annotations])).toEqual(signatures.map((layer) => [layer.mediaType, layer.annotations]));
    await expectBlobs([servedSig.config, ...servedSig.layers]);

    const envelope = { mediaType: DSSE_ENVELOPE, bytes: encode('{"payloadType":"application/vnd.in-toto+json","payload":"","signatures":[]}'), annotations: { predicateType: 'https://slsa.dev/provenance/v1' } };
    const att = await client.pushCosignTag(REPO, image.digest, 'att', [envelope]);
    const servedAtt = json<{ layers: Descriptor[] }>(await expectManifest(cosignTagOf(image.digest, 'att'), OCI_MANIFEST, att.digest));
    expect(servedAtt.layers[0]).toMatchObject({ mediaType: DSSE_ENVELOPE, annotations: envelope.annotations });
  });

  it('stops: the process exits and the temp dir is gone', async () => {
    await registry.stop();
    expect(registry.child.exitCode !== null || registry.child.signalCode !== null).toBe(true);
    expect(existsSync(registry.dir)).toBe(false);
    await expect(fetch(`${registry.url}/v2/`)).rejects.toThrow();
  });
});
