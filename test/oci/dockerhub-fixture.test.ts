// Signature discovery on the recorded Docker Hub answers for docker.io/kasisubbarayudu/buildkittest
// (referrers API index, bundle referrer manifest, Sigstore bundle), served by the in-memory registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRegistryClient, parseImageReference } from '../../src/oci';
import { publicGoodTrustedRoot } from '../../src/core';
import { verifyDiscoveredSignature } from '../../src/image';
import { jsonBytes, sha256Digest, type Bytes } from '../support/registry/descriptor';
import { OCI_INDEX, OCI_MANIFEST, SIGSTORE_BUNDLE_V03 } from '../support/registry/media-types';
import { FakeRegistry } from './support/fake-registry';

const FIXTURES = '../shared/fixtures/dockerhub-buildkittest';
// One recorded file's bytes, exactly as stored.
const read = (name: string): Bytes => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
const REFERRERS_INDEX = read('referrers-index.json');
const BUNDLE_MANIFEST = read('bundle-artifact-manifest.json');
const BUNDLE = read('bundle.sigstore.json');

const IMAGE = parseImageReference('kasisubbarayudu/buildkittest');
const SUBJECT = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const BUNDLE_MANIFEST_DIGEST = 'sha256:07dc49a44fb2ef30e67e2f50cf5485ae12b1b62ddb91cfc1fb24d9f604bd7689';
const RECORDED_LAYER_DIGEST = 'sha256:4e5a76ee7871b1349693013c23483305239cacd9e2e9b838aa6988a39ce65e3c';

interface RecordedManifest {
  layers: { mediaType: string; size: number; digest: string }[];
  subject: { digest: string };
}

// Docker Hub as the client sees it: registry-1.docker.io behind auth.docker.io tokens.
function dockerHub(): FakeRegistry {
  return new FakeRegistry({ origin: 'https://registry-1.docker.io', realm: 'https://auth.docker.io/token', service: 'registry.docker.io' });
}

describe('recorded Docker Hub referrers (kasisubbarayudu/buildkittest)', () => {
  it('has a referrer manifest whose bytes hash to the digest the referrers index lists', () => {
    const index = JSON.parse(new TextDecoder().decode(REFERRERS_INDEX)) as { manifests: { digest: string; size: number }[] };
    expect(IMAGE).toMatchObject({ registry: 'docker.io', repository: 'kasisubbarayudu/buildkittest' });
    expect(sha256Digest(BUNDLE_MANIFEST)).toBe(BUNDLE_MANIFEST_DIGEST);
    expect(index.manifests).toMatchObject([{ digest: BUNDLE_MANIFEST_DIGEST, size: BUNDLE_MANIFEST.length }]);
    expect(sha256Digest(BUNDLE)).not.toBe(RECORDED_LAYER_DIGEST);
  });

  it('accepts the recorded manifest, then refuses the re-serialised bundle as OCI_DIGEST_MISMATCH', async () => {
    const registry = dockerHub();
    registry.intercept((url) => (url.pathname === `/v2/${IMAGE.repository}/referrers/${SUBJECT}` ? new Response(REFERRERS_INDEX, { headers: { 'Content-Type': OCI_INDEX } }) : undefined));
    registry.putManifest(IMAGE.repository, BUNDLE_MANIFEST, OCI_MANIFEST);
    // The README says bundle.sigstore.json was re-serialised: served under the recorded layer digest, its bytes do not hash to it.
    registry.putBlob(IMAGE.repository, RECORDED_LAYER_DIGEST, BUNDLE);

    const { signatures, searched } = await createRegistryClient({ fetch: registry.fetch }).listSignatures(IMAGE, SUBJECT);
    expect(signatures).toEqual([]);
    expect(searched.filter((s) => s.source === 'referrers-api')).toEqual([
      { source: 'referrers-api', where: `referrers API: manifest ${BUNDLE_MANIFEST_DIGEST}`, outcome: expect.stringMatching(/^error: /), code: 'OCI_DIGEST_MISMATCH' },
    ]);
    // The manifest passed its digest, size and subject checks: only then is its layer downloaded.
    expect(registry.count(`/manifests/${BUNDLE_MANIFEST_DIGEST}`)).toBe(1);
    expect(registry.count(`/blobs/${RECORDED_LAYER_DIGEST}`)).toBe(1);
    expect(registry.count('auth.docker.io/token')).toBe(1);
  });

  it('returns the bundle when the layer descriptor names the re-serialised bytes', async () => {
    // The recorded bytes cannot be served as they are (the layer digest no longer matches the file), so this
    // registry holds the recorded manifest with its layer descriptor rewritten to the re-serialised bundle's
    // digest and size. That changes the manifest's own digest, so the recorded referrers index (which names
    // sha256:07dc…) no longer applies: the registry lists the rewritten manifest from its subject, as Docker Hub would.
    const manifest = JSON.parse(new TextDecoder().decode(BUNDLE_MANIFEST)) as RecordedManifest;
    manifest.layers[0] = { ...manifest.layers[0]!, digest: sha256Digest(BUNDLE), size: BUNDLE.length };
    const registry = dockerHub();
    const rewritten = registry.putManifest(IMAGE.repository, jsonBytes(manifest), OCI_MANIFEST);
    registry.putBlob(IMAGE.repository, sha256Digest(BUNDLE), BUNDLE);

    const { signatures, searched } = await createRegistryClient({ fetch: registry.fetch }).listSignatures(IMAGE, SUBJECT);
    expect(searched.map((s) => `${s.source}: ${s.outcome}`)).toEqual(['referrers-api: found 1', 'cosign-sig-tag: none', 'cosign-att-tag: none', 'cosign-sbom-tag: none']);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      source: 'referrers-api',
      format: 'sigstore-bundle',
      manifestDigest: rewritten,
      where: `referrers API: manifest ${rewritten}, layer 0`,
      layer: { mediaType: SIGSTORE_BUNDLE_V03, digest: sha256Digest(BUNDLE), size: BUNDLE.length, annotations: {} },
    });
    expect(signatures[0]!.layer.bytes).toEqual(BUNDLE);
    expect(manifest.subject.digest).toBe(SUBJECT);

    // The signature found through the referrers API verifies exactly as `signet verify` and the app verify it.
    const policy = { kind: 'identity' as const, identity: { identity: { exact: 'kasiramkompella@gmail.com' }, issuer: { exact: 'https://accounts.google.com' } } };
    const verified = await verifyDiscoveredSignature(signatures[0]!, IMAGE, SUBJECT, { policy, trustedRoot: publicGoodTrustedRoot() });
    expect([verified.source, verified.result.verdict]).toEqual(['referrers-api', 'verified']);
    const other = await verifyDiscoveredSignature(signatures[0]!, IMAGE, `sha256:${'0'.repeat(64)}`, { policy, trustedRoot: publicGoodTrustedRoot() });
    expect(other.result.failedStep).toBe('artifact.bind');
  });
});
