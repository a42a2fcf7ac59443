// Signature discovery against an in-memory registry: referrers API (pages, artifactType filter),
// the referrers tag schema when the API is absent, cosign's legacy .sig/.att tags, caps and mismatches.
import { describe, expect, it } from 'vitest';
import { createRegistryClient, OCI_LIMITS, type SearchRecord } from '../../src/oci';
import { jsonBytes, sha256Digest, type Bytes } from '../support/registry/descriptor';
import { COSIGN_SIMPLESIGNING, DSSE_ENVELOPE, SIGSTORE_BUNDLE_V03 } from '../support/registry/media-types';
import { addReferrer, buildBundleReferrer, buildCosignManifest, cosignTagOf, referrersTagOf } from '../support/registry/signature-builders';
import { blob, buildReferrer, image } from './support/artifacts';
import { FakeRegistry, type FakeRegistryOptions } from './support/fake-registry';

const REPO = 'team/app';
const TARGET = { registry: 'registry.test', repository: REPO };
const BUNDLE_V02 = 'application/vnd.dev.sigstore.bundle+json;version=0.2';
const SBOM = 'application/spdx+json';

// A registry with one image, and a client over it.
function setup(options: FakeRegistryOptions = {}) {
  const registry = new FakeRegistry(options);
  const subject = image('app');
  registry.push(REPO, subject, 'v1');
  return { registry, subject, client: createRegistryClient({ fetch: registry.fetch }) };
}

// The search records reduced to source and outcome (or code), in order.
function outcomes(searched: SearchRecord[]): string[] {
  return searched.map((s) => `${s.source}: ${s.code ?? s.outcome}`);
}

const NO_LEGACY = ['cosign-sig-tag: none', 'cosign-att-tag: none', 'cosign-sbom-tag: none'];

describe('referrers API', () => {
  it('returns the bundle layer of every Sigstore-bundle referrer, ignoring other artifact types', async () => {
    const { registry, subject, client } = setup();
    const first = buildBundleReferrer(subject.descriptor, blob('first'));
    const second = buildReferrer(subject.descriptor, BUNDLE_V02, { mediaType: BUNDLE_V02, bytes: blob('second') });
    for (const referrer of [first, second, buildReferrer(subject.descriptor, SBOM, { mediaType: SBOM, bytes: jsonBytes({ spdx: true }) })]) registry.push(REPO, referrer);

    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: found 2', ...NO_LEGACY]);
    expect(signatures.map((s) => [s.source, s.format, s.manifestDigest, s.where])).toEqual([
      ['referrers-api', 'sigstore-bundle', first.digest, `referrers API: manifest ${first.digest}, layer 0`],
      ['referrers-api', 'sigstore-bundle', second.digest, `referrers API: manifest ${second.digest}, layer 0`],
    ]);
    expect(signatures[0]!.layer).toEqual({ mediaType: SIGSTORE_BUNDLE_V03, digest: sha256Digest(blob('first')), size: blob('first').length, annotations: {}, bytes: blob('first') });
    expect(registry.count('/blobs/')).toBe(2);
  });

  it('follows Link: rel="next" through every page, with one token for the whole search', async () => {
    const { registry, subject, client } = setup({ pageSize: 2 });
    for (const label of ['a', 'b', 'c', 'd', 'e']) registry.push(REPO, buildBundleReferrer(subject.descriptor, blob(label)));
    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: found 5', ...NO_LEGACY]);
    expect(signatures).toHaveLength(5);
    expect(registry.log.filter((url) => url.includes('/referrers/') && url.includes('page=')).map((url) => new URL(url).searchParams.get('page'))).toEqual(['2', '3']);
    expect(registry.count('auth.test/token')).toBe(1);
  });

  it(`stops after ${OCI_LIMITS.referrerPages} pages, and never follows a next page to another host`, async () => {
    const paged = setup({ pageSize: 1 });
    for (let i = 0; i <= OCI_LIMITS.referrerPages; i++) paged.registry.push(REPO, buildBundleReferrer(paged.subject.descriptor, blob(`r${i}`)));
    expect(outcomes((await paged.client.listSignatures(TARGET, paged.subject.digest)).searched)).toEqual(['referrers-api: LIMIT_EXCEEDED', ...NO_LEGACY]);

    const hijacked = setup();
    hijacked.registry.intercept((url) =>
      url.pathname.includes('/referrers/') ? new Response(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }), { headers: { Link: '<https://evil.test/v2/x/referrers/y>; rel="next"' } }) : undefined,
    );
    expect(outcomes((await hijacked.client.listSignatures(TARGET, hijacked.subject.digest)).searched)).toEqual(['referrers-api: OCI_REQUEST_FAILED', ...NO_LEGACY]);
    expect(hijacked.registry.count('evil.test')).toBe(0);
  });

  it.each([
    ['the registry filters (OCI-Filters-Applied)', true],
    ['the registry ignores the filter, so the client applies it', false],
  ])('asks for one artifactType: %s', async (_label, filtersArtifactType) => {
    const { registry, subject, client } = setup({ filtersArtifactType });
    const v03 = buildBundleReferrer(subject.descriptor, blob('v03'));
    registry.push(REPO, v03);
    registry.push(REPO, buildReferrer(subject.descriptor, BUNDLE_V02, { mediaType: BUNDLE_V02, bytes: blob('v02') }));
    const { signatures } = await client.listSignatures(TARGET, subject.digest, { artifactType: SIGSTORE_BUNDLE_V03 });
    expect(signatures.map((s) => s.manifestDigest)).toEqual([v03.digest]);
    expect(registry.log.some((url) => url.includes(`artifactType=${encodeURIComponent(SIGSTORE_BUNDLE_V03)}`))).toBe(true);
  });

  it('says "none" when nothing refers to the image', async () => {
    const { subject, client } = setup();
    expect(await client.listSignatures(TARGET, subject.digest)).toEqual({ signatures: [], sboms: [], referrers: [], searched: expect.any(Array) });
    expect(outcomes((await client.listSignatures(TARGET, subject.digest)).searched)).toEqual(['referrers-api: none', ...NO_LEGACY]);
  });

  it('reports a failing API as an error and still reads the legacy tags', async () => {
    const { registry, subject, client } = setup();
    registry.intercept((url) => (url.pathname.includes('/referrers/') ? new Response('upstream timeout', { status: 503 }) : undefined));
    registry.push(REPO, buildCosignManifest([{ mediaType: COSIGN_SIMPLESIGNING, bytes: blob('payload'), annotations: {} }]), cosignTagOf(subject.digest, 'sig'));
    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: OCI_REQUEST_FAILED', 'cosign-sig-tag: found 1', 'cosign-att-tag: none', 'cosign-sbom-tag: none']);
    expect(searched[0]!.outcome).toMatch(/^error: .*HTTP 503/);
    expect(signatures).toHaveLength(1);
  });

  it('keeps the good referrers when one fails, and names the one that failed', async () => {
    const { registry, subject, client } = setup();
    const good = buildBundleReferrer(subject.descriptor, blob('good'));
    const tampered = buildBundleReferrer(subject.descriptor, blob('tampered'));
    const otherSubject = buildBundleReferrer(image('other').descriptor, blob('elsewhere'));
    registry.push(REPO, good);
    registry.push(REPO, tampered);
    registry.putBlob(REPO, sha256Digest(blob('tampered')), blob('swapped!'));
    registry.push(REPO, otherSubject);
    // A registry listing a referrer of another image under this one.
    const listed = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [good.descriptor, tampered.descriptor, otherSubject.descriptor] };
    registry.intercept((url) => (url.pathname.includes('/referrers/') ? new Response(JSON.stringify(listed), { headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' } }) : undefined));

    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(signatures.map((s) => s.manifestDigest)).toEqual([good.digest]);
    expect(searched.filter((s) => s.source === 'referrers-api').map((s) => [s.where, s.code ?? s.outcome])).toEqual([
      ['referrers API', 'found 1'],
      [`referrers API: manifest ${tampered.digest}`, 'OCI_DIGEST_MISMATCH'],
      [`referrers API: manifest ${otherSubject.digest}`, 'OCI_MANIFEST_INVALID'],
    ]);
  });

  it('refuses a bundle over the cap without downloading it', async () => {
    const { registry, subject, client } = setup();
    const referrer = buildBundleReferrer(subject.descriptor, blob('small'));
    const manifest = JSON.parse(new TextDecoder().decode(referrer.bytes)) as { layers: { size: number }[] };
    manifest.layers[0]!.size = OCI_LIMITS.bundleBytes + 1;
    registry.putManifest(REPO, jsonBytes(manifest), referrer.mediaType);
    const { searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: LIMIT_EXCEEDED', ...NO_LEGACY]);
    expect(registry.count('/blobs/')).toBe(0);
  });
});

describe('referrers tag schema', () => {
  it('is read when the referrers API answers 404', async () => {
    const { registry, subject, client } = setup({ referrersApi: false });
    const referrer = buildBundleReferrer(subject.descriptor, blob('tagged'));
    registry.push(REPO, referrer);
    registry.push(REPO, addReferrer(undefined, referrer.descriptor), referrersTagOf(subject.digest));
    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: not supported by this registry', 'referrers-tag: found 1', ...NO_LEGACY]);
    expect(signatures[0]).toMatchObject({ source: 'referrers-tag', format: 'sigstore-bundle', manifestDigest: referrer.digest, where: `referrers tag ${referrersTagOf(subject.digest)}: manifest ${referrer.digest}, layer 0` });
  });

  it('says "none" when the tag does not exist, and errors when it is not an index', async () => {
    const empty = setup({ referrersApi: false });
    expect(outcomes((await empty.client.listSignatures(TARGET, empty.subject.digest)).searched)).toEqual(['referrers-api: not supported by this registry', 'referrers-tag: none', ...NO_LEGACY]);
    const wrong = setup({ referrersApi: false });
    wrong.registry.push(REPO, image('not an index'), referrersTagOf(wrong.subject.digest));
    expect(outcomes((await wrong.client.listSignatures(TARGET, wrong.subject.digest)).searched)).toEqual(['referrers-api: not supported by this registry', 'referrers-tag: OCI_MANIFEST_INVALID', ...NO_LEGACY]);
  });
});

describe("cosign's legacy tags", () => {
  const annotations = (n: number): Record<string, string> => ({
    'dev.cosignproject.cosign/signature': `c2lnbmF0dXJl${n}`,
    'dev.sigstore.cosign/certificate': '-----BEGIN CERTIFICATE-----',
    'dev.sigstore.cosign/chain': '-----BEGIN CERTIFICATE-----',
    'dev.sigstore.cosign/bundle': '{"SignedEntryTimestamp":"","Payload":{}}',
    'dev.sigstore.cosign/rfc3161timestamp': '{"SignedRFC3161Timestamp":""}',
  });

  it('returns each .sig layer as a simple-signing payload and each .att layer as a DSSE envelope, with annotations', async () => {
    const { registry, subject, client } = setup();
    const payloads: Bytes[] = [blob('payload 0'), blob('payload 1')];
    const sig = buildCosignManifest(payloads.map((bytes, i) => ({ mediaType: COSIGN_SIMPLESIGNING, bytes, annotations: annotations(i) })));
    const att = buildCosignManifest([{ mediaType: DSSE_ENVELOPE, bytes: blob('envelope'), annotations: { ...annotations(9), 'dev.cosignproject.cosign/signature': '' } }]);
    registry.push(REPO, sig, cosignTagOf(subject.digest, 'sig'));
    registry.push(REPO, att, cosignTagOf(subject.digest, 'att'));

    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(outcomes(searched)).toEqual(['referrers-api: none', 'cosign-sig-tag: found 2', 'cosign-att-tag: found 1', 'cosign-sbom-tag: none']);
    const hex = subject.digest.slice('sha256:'.length);
    expect(signatures.map((s) => [s.source, s.format, s.where, s.manifestDigest])).toEqual([
      ['cosign-sig-tag', 'cosign-simplesigning', `tag sha256-${hex}.sig, layer 0`, sig.digest],
      ['cosign-sig-tag', 'cosign-simplesigning', `tag sha256-${hex}.sig, layer 1`, sig.digest],
      ['cosign-att-tag', 'cosign-dsse', `tag sha256-${hex}.att, layer 0`, att.digest],
    ]);
    expect(signatures[1]!.layer).toMatchObject({ mediaType: COSIGN_SIMPLESIGNING, annotations: annotations(1), bytes: payloads[1] });
  });

  it('caps payloads at 4 MiB and checks every layer against its digest, layer by layer', async () => {
    const { registry, subject, client } = setup();
    const big = new Uint8Array(OCI_LIMITS.payloadBytes + 1);
    const sig = buildCosignManifest([
      { mediaType: COSIGN_SIMPLESIGNING, bytes: blob('fine'), annotations: {} },
      { mediaType: COSIGN_SIMPLESIGNING, bytes: big, annotations: {} },
      { mediaType: COSIGN_SIMPLESIGNING, bytes: blob('real'), annotations: {} },
    ]);
    registry.push(REPO, sig, cosignTagOf(subject.digest, 'sig'));
    registry.putBlob(REPO, sha256Digest(blob('real')), blob('fake'));
    const { signatures, searched } = await client.listSignatures(TARGET, subject.digest);
    expect(signatures.map((s) => s.where.endsWith('layer 0'))).toEqual([true]);
    expect(searched.filter((s) => s.source === 'cosign-sig-tag').map((s) => `${s.where.replace(subject.digest.slice(7), '<hex>')}: ${s.code ?? s.outcome}`)).toEqual([
      'tag sha256-<hex>.sig: found 1',
      'tag sha256-<hex>.sig, layer 1: LIMIT_EXCEEDED',
      'tag sha256-<hex>.sig, layer 2: OCI_DIGEST_MISMATCH',
    ]);
    expect(registry.count(`/blobs/${sha256Digest(big)}`)).toBe(0);
  });
});

it('refuses a digest that is not sha256', async () => {
  const { client } = setup();
  await expect(client.listSignatures(TARGET, 'sha256:short')).rejects.toMatchObject({ code: 'OCI_REFERENCE_INVALID' });
});
