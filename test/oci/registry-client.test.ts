// The registry client against an in-memory registry: resolution with digest checks, the token flow
// and its cache, credentials, multi-platform indexes, size caps and the registry's failures.
import { describe, expect, it } from 'vitest';
import { createRegistryClient, OCI_LIMITS, parseImageReference, type RegistryClientOptions } from '../../src/oci';
import { buildManifest, jsonBytes, sha256Digest } from '../support/registry/descriptor';
import { buildIndex } from '../support/registry/image-builders';
import { OCI_INDEX, OCI_MANIFEST } from '../support/registry/media-types';
import { image } from './support/artifacts';
import { FakeRegistry, type FakeRegistryOptions } from './support/fake-registry';
import { rejection } from '../support/error-code';

const REPO = 'team/app';
const REF = parseImageReference(`registry.test/${REPO}:v1`);
const TOKEN_PATH = 'auth.test/token';

// A registry holding one image tagged v1, and a client over it sharing a settable clock.
function setup(options: FakeRegistryOptions = {}, client: Partial<RegistryClientOptions> = {}) {
  const clock = { ms: 0 };
  const registry = new FakeRegistry({ now: () => clock.ms, ...options });
  const built = image('app');
  registry.push(REPO, built, 'v1');
  return { clock, registry, built, client: createRegistryClient({ fetch: registry.fetch, now: () => clock.ms, ...client }) };
}

describe('resolve', () => {
  it('resolves a tag to the sha256 of the manifest bytes, after one token exchange', async () => {
    const { registry, built, client } = setup();
    const resolved = await client.resolve(REF);
    expect(resolved).toMatchObject({ reference: REF, digest: built.digest, mediaType: OCI_MANIFEST, manifest: { kind: 'manifest' } });
    expect(resolved.bytes).toEqual(built.bytes);
    expect(resolved.platforms).toBeUndefined();
    expect(registry.log).toEqual([
      `https://registry.test/v2/${REPO}/manifests/v1`,
      `https://auth.test/token?service=registry.test&scope=repository%3A${encodeURIComponent(REPO)}%3Apull`,
      `https://registry.test/v2/${REPO}/manifests/v1`,
    ]);
  });

  it('fetches by digest when the reference has one, keeping the tag for display', async () => {
    const { registry, built, client } = setup();
    const ref = parseImageReference(`registry.test/${REPO}:v1@${built.digest}`);
    expect((await client.resolve(ref)).digest).toBe(built.digest);
    expect(registry.count(`/manifests/${built.digest}`)).toBe(2);
    expect(registry.count('/manifests/v1')).toBe(0);
  });

  it('refuses a Docker-Content-Digest that is not the digest of the bytes', async () => {
    const { registry, client } = setup();
    registry.intercept((url) => (url.pathname.endsWith('/manifests/v1') ? new Response(image('other').bytes, { headers: { 'Content-Type': OCI_MANIFEST, 'Docker-Content-Digest': image('app').digest } }) : undefined));
    expect((await rejection(client.resolve(REF))).code).toBe('OCI_DIGEST_MISMATCH');
  });

  it('refuses other bytes than the digest asked for, even with a matching header', async () => {
    const { registry, built, client } = setup();
    const other = image('other');
    registry.intercept((url) => (url.pathname.endsWith(built.digest) ? new Response(other.bytes, { headers: { 'Content-Type': OCI_MANIFEST, 'Docker-Content-Digest': built.digest } }) : undefined));
    const err = await rejection(client.resolve(parseImageReference(`registry.test/${REPO}@${built.digest}`)));
    expect(err.code).toBe('OCI_DIGEST_MISMATCH');
    expect(err.detail).toMatchObject({ expected: built.digest, found: other.digest });
  });

  it('lists the platforms of a multi-platform index, leaving out BuildKit attestation manifests', async () => {
    const { registry, client } = setup();
    const amd = image('amd', { os: 'linux', architecture: 'amd64' });
    const arm = image('arm', { os: 'linux', architecture: 'arm64', variant: 'v8' });
    const attestation = image('attestation', { os: 'unknown', architecture: 'unknown' });
    attestation.descriptor.annotations = { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': amd.digest };
    registry.push(REPO, buildIndex([amd, arm, attestation]), 'multi');
    const resolved = await client.resolve(parseImageReference(`registry.test/${REPO}:multi`));
    expect(resolved.mediaType).toBe(OCI_INDEX);
    expect(resolved.platforms).toEqual([
      { digest: amd.digest, platform: { os: 'linux', architecture: 'amd64' } },
      { digest: arm.digest, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    ]);
  });

  it('says OCI_NOT_FOUND for an unknown tag, OCI_REQUEST_FAILED for a server error or a network failure', async () => {
    const { registry, client } = setup();
    expect((await rejection(client.resolve(parseImageReference(`registry.test/${REPO}:missing`)))).code).toBe('OCI_NOT_FOUND');
    registry.intercept((url) => (url.pathname.endsWith('/boom') ? new Response('{"errors":[{"code":"UNKNOWN","message":"disk on fire"}]}', { status: 500 }) : undefined));
    const err = await rejection(client.resolve(parseImageReference(`registry.test/${REPO}:boom`)));
    expect(err.code).toBe('OCI_REQUEST_FAILED');
    expect(err.message).toContain('disk on fire');
    expect((await rejection(client.resolve(parseImageReference('elsewhere.test/app:v1')))).code).toBe('OCI_REQUEST_FAILED');
  });

  it('refuses manifests that read as both an index and an image, or disagree with their Content-Type', async () => {
    const { registry, client } = setup();
    const both = buildManifest(OCI_MANIFEST, { schemaVersion: 2, mediaType: OCI_MANIFEST, config: image('x').descriptor, layers: [], manifests: [] }, []);
    registry.putManifest(REPO, both.bytes, OCI_MANIFEST, 'both');
    registry.putManifest(REPO, image('y').bytes, OCI_INDEX, 'served-as-index');
    registry.putManifest(REPO, jsonBytes({ schemaVersion: 1, name: REPO }), OCI_MANIFEST, 'schema1');
    for (const tag of ['both', 'served-as-index', 'schema1']) {
      expect((await rejection(client.resolve(parseImageReference(`registry.test/${REPO}:${tag}`)))).code).toBe('OCI_MANIFEST_INVALID');
    }
  });

  it('refuses a manifest over the cap, whether announced by Content-Length or only streamed', async () => {
    const { registry, client } = setup();
    const huge = new Uint8Array(OCI_LIMITS.manifestBytes + 1).fill(0x20);
    registry.intercept((url) => (url.pathname.endsWith('/announced') ? new Response(huge, { headers: { 'Content-Length': String(huge.length) } }) : undefined));
    registry.intercept((url) => (url.pathname.endsWith('/streamed') ? new Response(new Blob([huge]).stream()) : undefined));
    for (const tag of ['announced', 'streamed']) {
      expect((await rejection(client.resolve(parseImageReference(`registry.test/${REPO}:${tag}`)))).code).toBe('LIMIT_EXCEEDED');
    }
  });
});

describe('authentication', () => {
  it('caches a token per registry and scope until expires_in, then fetches a new one', async () => {
    const { registry, clock, client } = setup({ tokenSeconds: 60 });
    await client.resolve(REF);
    await client.resolve(REF);
    expect(registry.count(TOKEN_PATH)).toBe(1);
    expect(registry.count('/manifests/v1')).toBe(3);
    registry.push('team/other', image('other'), 'v1');
    await client.resolve(parseImageReference('registry.test/team/other:v1'));
    expect(registry.count(TOKEN_PATH)).toBe(2);
    clock.ms = 61_000;
    await client.resolve(REF);
    expect(registry.count(TOKEN_PATH)).toBe(3);
  });

  it('shares one token between requests made at the same time', async () => {
    const { registry, client } = setup();
    await Promise.all([client.resolve(REF), client.resolve(REF), client.resolve(REF)]);
    expect(registry.count(TOKEN_PATH)).toBe(1);
  });

  it('fetches a new token when the registry stops accepting the cached one', async () => {
    const { registry, client } = setup();
    await client.resolve(REF);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="https://auth.test/token",service="registry.test"' };
    registry.intercept((_url, init) => (init.headers.Authorization === 'Bearer token-1' ? new Response(null, { status: 401, headers: challenge }) : undefined));
    await client.resolve(REF);
    expect(registry.count(TOKEN_PATH)).toBe(2);
  });

  it('reads access_token as well as token', async () => {
    const { client } = setup({ tokenField: 'access_token' });
    expect((await client.resolve(REF)).manifest.kind).toBe('manifest');
  });

  it('sends credentials to the token realm, and reports the registry refusing them', async () => {
    const users = { alice: 'pa:ss' };
    const good = setup({ users }, { credentials: (registry) => (registry === 'registry.test' ? { username: 'alice', password: 'pa:ss' } : undefined) });
    expect((await good.client.resolve(REF)).digest).toBe(good.built.digest);

    const anonymous = setup({ users });
    expect((await rejection(anonymous.client.resolve(REF))).code).toBe('OCI_AUTH_FAILED');

    const wrong = setup({ users }, { credentials: () => ({ username: 'alice', password: 'nope' }) });
    const err = await rejection(wrong.client.resolve(REF));
    expect(err.code).toBe('OCI_AUTH_FAILED');
    expect(err.message).toContain('incorrect username or password');
  });

  it('answers a Basic challenge with credentials, then sends them up front', async () => {
    const { registry, client } = setup({ auth: 'basic', users: { bob: 'secret' } }, { credentials: () => ({ username: 'bob', password: 'secret' }) });
    await client.resolve(REF);
    await client.resolve(REF);
    expect(registry.count('/manifests/v1')).toBe(3);
    expect(registry.count(TOKEN_PATH)).toBe(0);
    const without = setup({ auth: 'basic', users: { bob: 'secret' } });
    expect((await rejection(without.client.resolve(REF))).code).toBe('OCI_AUTH_FAILED');
  });

  it('needs no token from an anonymous registry', async () => {
    const { registry, client } = setup({ auth: 'anonymous' });
    await client.resolve(REF);
    expect(registry.log).toEqual([`https://registry.test/v2/${REPO}/manifests/v1`]);
  });

  it('refuses a plain-http token realm for an https registry, and a 401 without a usable challenge', async () => {
    const http = setup({ realm: 'http://auth.test/token' });
    expect((await rejection(http.client.resolve(REF))).code).toBe('OCI_AUTH_FAILED');
    expect(http.registry.count('auth.test/token')).toBe(0);
    const bare = setup();
    bare.registry.intercept(() => new Response(null, { status: 401 }));
    expect((await rejection(bare.client.resolve(REF))).code).toBe('OCI_AUTH_FAILED');
  });
});

describe('fetchBlob', () => {
  const target = { registry: 'registry.test', repository: REPO };

  it('returns blob bytes checked against the descriptor', async () => {
    const { built, client } = setup();
    const config = built.blobs[0]!;
    expect(await client.fetchBlob(target, { digest: sha256Digest(config), size: config.length }, 1024)).toEqual(config);
  });

  it('refuses bytes that do not hash to the digest, or not of the declared size', async () => {
    const { registry, client } = setup();
    const digest = sha256Digest(jsonBytes('real'));
    registry.putBlob(REPO, digest, jsonBytes('fake'));
    expect((await rejection(client.fetchBlob(target, { digest, size: 6 }, 1024))).code).toBe('OCI_DIGEST_MISMATCH');
    registry.putBlob(REPO, digest, jsonBytes('real'));
    expect((await rejection(client.fetchBlob(target, { digest, size: 5 }, 1024))).code).toBe('OCI_DIGEST_MISMATCH');
  });

  it('refuses a blob declared or served over the cap, without reading past it', async () => {
    const { registry, client } = setup();
    const digest = sha256Digest(jsonBytes('big'));
    expect((await rejection(client.fetchBlob(target, { digest, size: 2049 }, 2048))).code).toBe('LIMIT_EXCEEDED');
    expect(registry.count('/blobs/')).toBe(0);
    registry.putBlob(REPO, digest, new Uint8Array(4096));
    expect((await rejection(client.fetchBlob(target, { digest, size: 100 }, 2048))).code).toBe('LIMIT_EXCEEDED');
  });
});
