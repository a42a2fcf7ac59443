// Image verification against a real registry process (CNCF distribution 2.8, no referrers API): images
// pushed and signed at test time in every format, verified through the same path the CLI takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseTrustedRootJson, type VerificationPolicy } from '../../src/core';
import { createRegistryClient } from '../../src/oci';
import { verifyImage } from '../../src/image';
import { createTestInstance, DEFAULT_IDENTITY } from '../support/sigstore';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../support/registry/start-registry';
import { pushSignedImages, type SignedImages } from '../support/registry/signed-images';

const missing = registryMissingReason();
const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const SAN = (DEFAULT_IDENTITY.san as { uri: string }).uri;
const identity: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: SAN }, issuer: { exact: DEFAULT_IDENTITY.issuer } } };

describe.skipIf(missing)(missing ? `SKIPPED: ${missing}` : 'images on a real registry', () => {
  let registry: RunningRegistry;
  let digests: SignedImages['digests'];
  let keyPem = '';
  let rootFile = '';

  const verify = (tag: string, policy: VerificationPolicy = identity) =>
    verifyImage({ reference: `${registry.host}/app:${tag}`, client: createRegistryClient({ fetch: (url, init) => fetch(url, init) }), policy, trustedRoot });

  beforeAll(async () => {
    registry = await startRegistry();
    ({ digests, keyPem } = await pushSignedImages(registry.url, registry.host, instance));
    rootFile = join(mkdtempSync(join(tmpdir(), 'signet-root-')), 'trusted_root.json');
    writeFileSync(rootFile, JSON.stringify(instance.trustedRoot()));
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  it('a keyless legacy .sig verifies, found at its cosign tag, with the tag resolved to the digest received', async () => {
    const r = await verify('keyless-sig');
    expect(r.verdict).toBe('verified');
    expect(r.digest).toBe(digests['keyless-sig']);
    expect(r.signatures.map((s) => [s.source, s.format, s.result.verdict])).toEqual([['cosign-sig-tag', 'cosign-simplesigning', 'verified']]);
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['image.resolve:warn', 'image.discover:pass']);
    expect(r.steps[0]!.summary).toContain(`This is a tag, which can later point to another image: the digest verified is ${digests['keyless-sig']}`);
  });

  it('by digest, image.resolve passes without the tag warning', async () => {
    const r = await verify(`keyless-sig@${digests['keyless-sig']}`);
    expect(r.verdict).toBe('verified');
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['image.resolve:pass', 'image.discover:pass']);
  });

  it('a keyed legacy .sig verifies with the given key, and not under an identity policy', async () => {
    expect((await verify('keyed-sig', { kind: 'key', publicKey: keyPem })).verdict).toBe('verified');
    const r = await verify('keyed-sig');
    expect(r.verdict).toBe('failed');
    expect(r.signatures[0]!.result.failedStep).toBe('signature');
  });

  it('a v0.3 bundle referrer is found through the referrers tag schema (this registry has no referrers API)', async () => {
    const r = await verify('bundle');
    expect(r.verdict).toBe('verified');
    expect(r.signatures.map((s) => [s.source, s.format])).toEqual([['referrers-tag', 'sigstore-bundle']]);
    expect(r.searched.find((s) => s.source === 'referrers-api')?.outcome).toMatch(/not supported/);
  });

  it('a .att attestation verifies with the image digest as its in-toto subject', async () => {
    const r = await verify('att', { ...identity, predicateType: 'https://slsa.dev/provenance/v1' });
    expect(r.verdict).toBe('verified');
    expect(r.signatures[0]!.format).toBe('cosign-dsse');
  });

  it('an unsigned image fails at image.discover, saying where it looked', async () => {
    const r = await verify('unsigned');
    expect(r.verdict).toBe('failed');
    const discover = r.steps.find((s) => s.id === 'image.discover')!;
    expect([discover.status, discover.code]).toEqual(['fail', 'OCI_NO_SIGNATURES']);
    expect(r.searched.map((s) => s.source).sort()).toEqual(['cosign-att-tag', 'cosign-sbom-tag', 'cosign-sig-tag', 'referrers-api', 'referrers-tag']);
  });

  it('a signature copied from another image is found and refused at artifact.bind', async () => {
    const r = await verify('tampered');
    expect(r.verdict).toBe('failed');
    expect(r.headline).toMatch(/^Signatures found, none verified/);
    const sig = r.signatures[0]!.result;
    expect([sig.failedStep, sig.steps.find((s) => s.id === sig.failedStep)?.code]).toEqual(['artifact.bind', 'IMAGE_BINDING_MISMATCH']);
  });

  it('a signature by the wrong identity fails at policy.identity naming both', async () => {
    const r = await verify('wrong-identity');
    expect(r.verdict).toBe('failed');
    const sig = r.signatures[0]!.result;
    expect(sig.failedStep).toBe('policy.identity');
    expect(sig.headline).toContain('mallory@example.com');
    expect(sig.headline).toContain(SAN);
  });

  it('a multi-arch index: every platform listed, flagged when only the index is signed', async () => {
    const r = await verify('multi');
    expect(r.verdict).toBe('verified');
    expect(r.platforms.map((p) => [p.platform, p.verdict])).toEqual([
      ['linux/amd64', 'unsigned'],
      ['linux/arm64/v8', 'unsigned'],
    ]);
    expect(r.onlyIndexSigned).toBe(true);
  });

  it('a platform whose signatures cannot be looked up is reported as unchecked, never as unsigned', async () => {
    const client = createRegistryClient({ fetch: (url, init) => fetch(url, init) });
    const index = await client.resolve({ registry: registry.host, repository: 'app', tag: 'multi', canonical: `${registry.host}/app:multi` });
    const failing = index.platforms![1]!.digest;
    const flaky = { ...client, listSignatures: (at: Parameters<typeof client.listSignatures>[0], digest: string) => (digest === failing ? Promise.reject(new Error('registry unavailable')) : client.listSignatures(at, digest)) };
    const r = await verifyImage({ reference: `${registry.host}/app:multi`, client: flaky, policy: identity, trustedRoot });
    expect(r.platforms.map((p) => [p.platform, p.verdict])).toEqual([
      ['linux/amd64', 'unsigned'],
      ['linux/arm64/v8', 'unknown'],
    ]);
    expect(r.platforms[1]!.error).toContain('registry unavailable');
    expect(r.onlyIndexSigned).toBe(false);
  });

  it('the CLI verifies like cosign verify: exit 0 only when verified, JSON on request', async () => {
    const run = promisify(execFile);
    const cli = (args: string[]) => run(process.execPath, ['bin/signet.mjs', 'verify', ...args]).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );
    const ok = await cli([`${registry.host}/app:keyless-sig`, '--certificate-identity', SAN, '--certificate-oidc-issuer', DEFAULT_IDENTITY.issuer, '--trusted-root', rootFile]);
    expect(ok.code).toBe(0);
    expect(ok.err).toContain('VERIFIED');
    expect(ok.err).toContain('cosign-sig-tag');
    const unsigned = await cli([`${registry.host}/app:unsigned`, '--certificate-identity', SAN, '--certificate-oidc-issuer', DEFAULT_IDENTITY.issuer, '--trusted-root', rootFile, '--json']);
    expect(unsigned.code).toBe(1);
    expect(JSON.parse(unsigned.out).steps[1].code).toBe('OCI_NO_SIGNATURES');
  }, 60_000);
});
