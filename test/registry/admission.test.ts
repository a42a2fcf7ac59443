// Admission dry-run against a real registry: Kyverno and policy-controller policies written in the shape of each
// controller's documentation and test data, evaluated over images pushed and signed at test time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseTrustedRootJson, publicGoodTrustedRoot, toPem, fromBase64, type NoMatchPolicy, type TrustedRoot } from '../../src/core';
import { createRegistryClient } from '../../src/oci';
import { runAdmission, verifyImage } from '../../src/image';
import { pinIdentity } from '../../src/features/pin';
import { createTestInstance } from '../support/sigstore';
import { keylessEntry, kyvernoKeylessPolicy } from '../support/kyverno-policy';
import { attestImageLayer, signImageLayer, type CosignLayerJson } from '../support/sigstore/cosign-legacy';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../support/registry/start-registry';
import { pushSignedImages, type SignedImages } from '../support/registry/signed-images';
import { pushClient } from '../support/registry/push';
import { buildImage } from '../support/registry/image-builders';
import type { Bytes } from '../support/registry/descriptor';

const missing = registryMissingReason();
const instance = createTestInstance();
const rootJson = instance.trustedRoot();
const testRoot = parseTrustedRootJson(rootJson as never, { name: 'test instance', description: 'loaded by the user' });
const MALLORY = { san: { email: 'mallory@example.com' }, issuer: 'https://accounts.google.com' };
const BUILDER = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v1.9.0';
const layerOf = (l: CosignLayerJson) => ({ mediaType: l.mediaType, bytes: l.payload as Bytes, annotations: l.annotations });

describe.skipIf(missing)(missing ? `SKIPPED: ${missing}` : 'admission dry-run on a real registry', () => {
  let registry: RunningRegistry;
  let signed: SignedImages;
  let host = '';
  let noTlogKey = '';
  const client = () => createRegistryClient({ fetch: (url, init) => fetch(url, init) });
  const img = (tag: string) => `${host}/app:${tag}`;
  const run = (policy: string, images: string[], o: { trust?: TrustedRoot; noMatch?: NoMatchPolicy } = {}) =>
    runAdmission({ policies: [{ name: 'policy.yaml', text: policy }], images, client: client(), trustedRoot: o.trust ?? testRoot, noMatchPolicy: o.noMatch ?? 'deny' });
  const only = async (policy: string, image: string, o: { trust?: TrustedRoot; noMatch?: NoMatchPolicy } = {}) => {
    const report = await run(policy, [image], o);
    expect(report.rows).toHaveLength(1);
    return report.rows[0]!;
  };

  beforeAll(async () => {
    registry = await startRegistry();
    host = registry.host;
    signed = await pushSignedImages(registry.url, registry.host, instance);
    const push = pushClient(registry.url);
    const named = (digest: string) => ({ digest, repository: `${host}/app` });
    // An image with a SLSA v0.2 provenance attestation naming its builder, and one signed (.sig) by the wrong identity.
    const slsa = buildImage({ os: 'linux', architecture: 'amd64' }, new TextEncoder().encode('layer of slsa') as Bytes);
    await push.push('app', slsa, 'slsa');
    const provenance = attestImageLayer(instance, named(slsa.digest), { predicateType: 'https://slsa.dev/provenance/v0.2', predicate: { builder: { id: BUILDER }, buildType: 'https://github.com/slsa-framework/slsa-github-generator/container@v1' } });
    await push.pushCosignTag('app', slsa.digest, 'att', [layerOf(provenance.layer)]);
    const mallory = buildImage({ os: 'linux', architecture: 'amd64' }, new TextEncoder().encode('layer of mallory') as Bytes);
    await push.push('app', mallory, 'mallory-sig');
    await push.pushCosignTag('app', mallory.digest, 'sig', [layerOf(signImageLayer(instance, named(mallory.digest), { identity: MALLORY }).layer)]);
    // A keyed signature never uploaded to a log (cosign sign --tlog-upload=false).
    const untlogged = buildImage({ os: 'linux', architecture: 'amd64' }, new TextEncoder().encode('layer of no-tlog') as Bytes);
    await push.push('app', untlogged, 'no-tlog');
    const sig = signImageLayer(instance, named(untlogged.digest), { keyed: true, rekor: 'none' });
    noTlogKey = sig.signed.publicKeyPem;
    await push.pushCosignTag('app', untlogged.digest, 'sig', [layerOf(sig.layer)]);
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  // The Kyverno docs' keyless example, pointed at this registry's app images.
  const kyvernoKeyless = (attestors: string, extra = '', action: 'Enforce' | 'Audit' = 'Enforce') => kyvernoKeylessPolicy({ imageReferences: `${host}/app:*`, attestors, extra, action });
  const keyless = (subject: string, issuer: string) => keylessEntry(subject, issuer, true);

  it('Kyverno keyless: admits the signed image, with the tag resolved to the digest it would mutate to', async () => {
    const row = await only(kyvernoKeyless(`entries:\n                - ${keyless('https://github.com/signet-test/*', signed.issuer)}`), img('keyless-sig'));
    expect(row.status).toBe('admit');
    expect(row.matchedAs).toBe(`${host}/app:keyless-sig`);
    expect(row.mutatedImage).toBe(`${host}/app:keyless-sig@${signed.digests['keyless-sig']}`);
    expect(row.reason).toContain(`verified image signatures for ${host}/app:keyless-sig`);
    expect(row.timelines.length).toBeGreaterThan(0);
  });

  it('Kyverno keyed (publicKeys): admits the keyed image and denies the unsigned one with "no signatures found"', async () => {
    const keyed = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: check-image
spec:
  validationFailureAction: Enforce
  rules:
    - name: check-image
      match:
        any:
          - resources:
              kinds: [Pod]
      verifyImages:
        - imageReferences: ["${host}/*"]
          attestors:
            - count: 1
              entries:
                - keys:
                    publicKeys: |-
${signed.keyPem.trim().split('\n').map((l) => `                      ${l}`).join('\n')}
`;
    const report = await run(keyed, [img('keyed-sig'), img('unsigned')]);
    expect(report.rows.map((r) => r.status)).toEqual(['admit', 'deny']);
    expect(report.rows[1]!.reason).toContain(`failed to verify image ${host}/app:unsigned: .attestors[0].entries[0].keys: no signatures found`);
    expect(report.rows[1]!.outcomes[0]!.signet?.code).toBe('OCI_NO_SIGNATURES');
    expect(report.containers.map((c) => c.status)).toEqual(['admit', 'deny']);
  });

  it('Kyverno keys with rekor.ignoreTlog admit a signature that has no log entry; without it the entry is required', async () => {
    const policy = (ignoreTlog: boolean) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: check-image-no-tlog
spec:
  validationFailureAction: Enforce
  rules:
    - name: check-image
      match:
        any:
          - resources:
              kinds: [Pod]
      verifyImages:
        - imageReferences: ["${host}/*"]
          attestors:
            - entries:
                - keys:
                    publicKeys: |-
${noTlogKey.trim().split('\n').map((l) => `                      ${l}`).join('\n')}
                    rekor:
                      ignoreTlog: ${ignoreTlog}
`;
    const strict = await only(policy(false), img('no-tlog'));
    expect(strict.status).toBe('deny');
    expect(strict.outcomes[0]!.signet?.step).toMatch(/^tlog\./);
    const relaxed = await only(policy(true), img('no-tlog'));
    expect(relaxed.status).toBe('admit');
    // The user's verifier options (the app's Trust choices, the CLI's --insecure-ignore-tlog) reach every image
    // verification: the strict policy admits, the waived check is a warn step, and the report records the options.
    const waived = await runAdmission({ policies: [{ name: 'policy.yaml', text: policy(false) }], images: [img('no-tlog')], client: client(), trustedRoot: testRoot, noMatchPolicy: 'deny', thresholds: { tlog: 0 } });
    expect(waived.rows[0]!.status).toBe('admit');
    expect(waived.verifierOptions).toEqual({ thresholds: { tlog: 0 }, useSignedTimestamps: false });
    expect(waived.timelines[0]!.result.signatures[0]!.result.steps.find((s) => s.id === 'tlog.body')?.status).toBe('warn');
    expect((await run(policy(false), [img('no-tlog')])).verifierOptions).toEqual({ thresholds: {}, useSignedTimestamps: false });
    const dir = mkdtempSync(join(tmpdir(), 'signet-policy-'));
    writeFileSync(join(dir, 'strict.yaml'), policy(false));
    writeFileSync(join(dir, 'root.json'), JSON.stringify(rootJson));
    const cli = (extra: string[]) =>
      promisify(execFile)(process.execPath, ['bin/signet.mjs', 'policy', 'check', '--policy', join(dir, 'strict.yaml'), '--trusted-root', join(dir, 'root.json'), ...extra, img('no-tlog')], { env: { ...process.env, NO_COLOR: '1' } }).then(
        (r) => ({ code: 0, err: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
      );
    expect((await cli([])).code).toBe(1);
    const flagged = await cli(['--insecure-ignore-tlog']);
    expect(flagged.code).toBe(0);
    expect(flagged.err).toContain('verifier options for every image verification: --insecure-ignore-tlog (');
  }, 60_000);

  it('Kyverno: a wrong subject and a wrong issuer are denied in Kyverno\'s words, then Signet\'s evidence', async () => {
    const subject = await only(kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`), img('mallory-sig'));
    expect(subject.status).toBe('deny');
    expect(subject.reason).toContain(`.attestors[0].entries[0].keyless: subject mismatch: expected ${signed.san}, received mallory@example.com`);
    expect(subject.outcomes[0]!.signet).toMatchObject({ step: 'policy.identity', detail: { expected: signed.san, found: 'mallory@example.com' } });
    const issuer = await only(kyvernoKeyless(`entries:\n                - ${keyless(signed.san, 'https://accounts.google.com')}`), img('keyless-sig'));
    expect(issuer.status).toBe('deny');
    expect(issuer.reason).toContain(`issuer mismatch: expected https://accounts.google.com, received ${signed.issuer}`);
  });

  it('Kyverno count: 1 of two entries admits when one entry matches; without count every entry must', async () => {
    const two = `entries:\n                - ${keyless('https://github.com/someone-else/*', signed.issuer)}\n                - ${keyless(signed.san, signed.issuer)}`;
    const withCount = await only(kyvernoKeyless(`count: 1\n              ${two}`), img('keyless-sig'));
    expect(withCount.status).toBe('admit');
    expect(withCount.outcomes.map((o) => o.status)).toEqual(['fail', 'pass']);
    const all = await only(kyvernoKeyless(two), img('keyless-sig'));
    expect(all.status).toBe('deny');
    expect(all.reason).toContain('.attestors[0].entries[0].keyless: subject mismatch');
  });

  it('Kyverno subjectRegExp is unanchored RE2, as Kyverno passes it to cosign', async () => {
    const entry = `entries:\n                - keyless:\n                    subjectRegExp: "signet-test/widget"\n                    issuerRegExp: "actions\\\\.githubusercontent"`;
    expect((await only(kyvernoKeyless(entry), img('keyless-sig'))).status).toBe('admit');
    const wrong = await only(kyvernoKeyless(`entries:\n                - keyless:\n                    subjectRegExp: "^mallory"`), img('keyless-sig'));
    expect(wrong.reason).toContain('none of the expected identities matched what was in the certificate, got subjects');
  });

  it('Kyverno attestation conditions on the SLSA builder.id (mirrors the docs\' slsa-provenance check)', async () => {
    const policy = (builder: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: check-slsa-attestations
spec:
  validationFailureAction: Enforce
  rules:
    - name: check-builder-id
      match:
        any:
          - resources:
              kinds: [Pod]
      verifyImages:
        - imageReferences: ["${host}/app:slsa"]
          attestations:
            - type: https://slsa.dev/provenance/v0.2
              attestors:
                - entries:
                    - keyless:
                        subject: "https://github.com/signet-test/*"
                        issuer: "${signed.issuer}"
              conditions:
                - all:
                    - key: "{{ builder.id }}"
                      operator: Equals
                      value: "${builder}"
`;
    const ok = await only(policy('https://github.com/slsa-framework/slsa-github-generator/*'), img('slsa'));
    expect(ok.status).toBe('admit');
    expect(ok.reason).toContain(`verified image attestations for ${host}/app:slsa`);
    const bad = await only(policy('https://example.com/other-builder'), img('slsa'));
    expect(bad.status).toBe('deny');
    expect(bad.reason).toContain(`attestation checks failed for ${host}/app:slsa and predicate https://slsa.dev/provenance/v0.2`);
    expect(bad.outcomes.at(-1)!.signet?.summary).toContain('found "https://github.com/slsa-framework/slsa-github-generator/');
  });

  it('Kyverno skipImageReferences: a skipped image is not decided by the policy', async () => {
    const policy = kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`, `          skipImageReferences: ["${host}/app:unsigned"]\n`);
    const report = await run(policy, [img('unsigned'), img('keyless-sig')]);
    expect(report.rows.map((r) => r.status)).toEqual(['not-applicable', 'admit']);
    expect(report.containers[0]!.status).toBe('not-applicable');
  });

  it('Kyverno Audit admits with a warning what Enforce denies', async () => {
    const row = await only(kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`, '', 'Audit'), img('mallory-sig'));
    expect(row.status).toBe('warn');
  });

  it('Kyverno roots, rekor.pubkey and ctlog.pubkey configure a private instance entirely in the policy', async () => {
    const pemOf = (b64: string, label: string) => toPem(fromBase64(b64), label);
    const indent = (pem: string, n: number) => pem.trim().split('\n').map((l) => `${' '.repeat(n)}${l}`).join('\n');
    const roots = rootJson.certificateAuthorities[0]!.certChain.certificates.map((c) => pemOf(c.rawBytes, 'CERTIFICATE')).join('');
    const entry = `entries:
                - keyless:
                    subject: "${signed.san}"
                    issuer: "${signed.issuer}"
                    roots: |-
${indent(roots, 22)}
                    rekor:
                      url: ${rootJson.tlogs[0]!.baseUrl}
                      pubkey: |-
${indent(pemOf(rootJson.tlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY'), 24)}
                    ctlog:
                      pubkey: |-
${indent(pemOf(rootJson.ctlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY'), 24)}`;
    // The index `multi` carries a keyless .sig without an RFC 3161 timestamp (the policy names no TSA).
    const row = await only(kyvernoKeyless(entry), img('multi'), { trust: publicGoodTrustedRoot() });
    expect(row.status).toBe('admit');
    const without = await only(kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`), img('multi'), { trust: publicGoodTrustedRoot() });
    expect(without.status).toBe('deny');
    expect(without.outcomes[0]!.signet?.step).toBe('cert.chain');
  });

  // Mirrors policy-controller's test data (test/testdata/policy-controller/e2e: cip-keyless, cip-static-fail).
  const cip = (name: string, glob: string, authorities: string, mode = '') => `apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata:
  name: ${name}
spec:
${mode}  images:
    - glob: "${glob}"
  authorities:
${authorities}`;
  const pcKeyless = (subject: string) => `    - keyless:
        url: https://fulcio.sigstore.dev
        identities:
          - issuer: ${signed.issuer}
            subject: ${subject}
      ctlog:
        url: https://rekor.sigstore.dev
`;

  it('policy-controller keyless and key authorities admit, matched on the digest form of the image', async () => {
    const row = await only(cip('image-policy-keyless', `${host}/app**`, pcKeyless(signed.san)), img('keyless-sig'));
    expect(row.status).toBe('admit');
    expect(row.matchedAs).toBe(`${host}/app@${signed.digests['keyless-sig']}`);
    const keyed = `    - key:
        data: |
${signed.keyPem.trim().split('\n').map((l) => `          ${l}`).join('\n')}
`;
    expect((await only(cip('image-policy-key', `${host}/**`, keyed), img('keyed-sig'))).status).toBe('admit');
  });

  it('policy-controller: a wrong identity is denied in its words; mode: warn admits with a warning', async () => {
    const deny = await only(cip('image-policy-keyless', `${host}/**`, pcKeyless(signed.san)), img('mallory-sig'));
    expect(deny.status).toBe('deny');
    expect(deny.reason).toContain(`failed policy: image-policy-keyless: spec.containers[0].image ${host}/app@${await digestOf('mallory-sig')} signature keyless validation failed for authority authority-0`);
    expect(deny.reason).toContain('no matching signatures: none of the expected identities matched what was in the certificate, got subjects [mallory@example.com] with issuer https://accounts.google.com');
    const warn = await only(cip('image-policy-keyless', `${host}/**`, pcKeyless(signed.san), '  mode: warn\n'), img('mallory-sig'));
    expect(warn.status).toBe('warn');
  });

  it('policy-controller attestations: predicateType by cosign alias; a Rego policy is reported as not evaluated, never guessed', async () => {
    const withAttestation = (policy: string) => cip('image-policy-attestations', `${host}/**`, `${pcKeyless(signed.san)}      attestations:
        - name: provenance
          predicateType: slsaprovenance1
${policy}`);
    expect((await only(withAttestation(''), img('att'))).status).toBe('admit');
    const rego = await only(withAttestation('          policy:\n            type: rego\n            data: |\n              package sigstore\n              default isCompliant = true\n'), img('att'));
    expect(rego.status).toBe('not-evaluated');
    expect(rego.outcomes[0]!.message).toContain('not evaluated: rego policy');
    const wrongType = await only(cip('image-policy-vuln', `${host}/**`, `${pcKeyless(signed.san)}      attestations:\n        - name: vuln\n          predicateType: vuln\n`), img('att'));
    expect([wrongType.status, wrongType.outcomes[0]!.message]).toEqual(['deny', 'no matching attestations with type https://cosign.sigstore.dev/attestation/vuln/v1']);
  });

  it('policy-controller static: fail denies ("disallowed by static policy"); static: pass admits', async () => {
    const fail = await only(cip('image-policy-static-fail', '**', '    - static:\n        action: fail\n'), img('keyless-sig'));
    expect([fail.status, fail.reason]).toEqual(['deny', expect.stringContaining('disallowed by static policy')]);
    expect((await only(cip('image-policy-static-pass', '**', '    - static:\n        action: pass\n'), img('unsigned'))).status).toBe('admit');
  });

  it('policy-controller: a glob that does not match leaves the image to the no-match-policy', async () => {
    const policy = cip('only-ghcr', 'ghcr.io/other/**', '    - static:\n        action: fail\n');
    for (const [noMatch, status] of [['allow', 'admit'], ['warn', 'warn'], ['deny', 'deny']] as const) {
      const row = await only(policy, img('unsigned'), { noMatch });
      expect([row.policy, row.status]).toEqual(['no matching policy', status]);
      expect(row.reason).toContain(`no-match-policy ${noMatch} applied`);
    }
  });

  it('policy-controller: a TrustRoot with sigstoreKeys, named by trustRootRef, is the only trust the authority uses', async () => {
    const pemB64 = (b64: string, label: string) => Buffer.from(toPem(fromBase64(b64), label)).toString('base64');
    const ca = rootJson.certificateAuthorities[0]!;
    const trustRoot = `apiVersion: policy.sigstore.dev/v1alpha1
kind: TrustRoot
metadata:
  name: private-instance
spec:
  sigstoreKeys:
    certificateAuthorities:
      - subject: {organization: signet, commonName: test}
        uri: ${ca.uri}
        certChain: ${Buffer.from(ca.certChain.certificates.map((c) => toPem(fromBase64(c.rawBytes), 'CERTIFICATE')).join('')).toString('base64')}
    tLogs:
      - baseURL: ${rootJson.tlogs[0]!.baseUrl}
        hashAlgorithm: sha-256
        publicKey: ${pemB64(rootJson.tlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY')}
    ctLogs:
      - baseURL: ${rootJson.ctlogs[0]!.baseUrl}
        hashAlgorithm: sha-256
        publicKey: ${pemB64(rootJson.ctlogs[0]!.publicKey.rawBytes, 'PUBLIC KEY')}
    timestampAuthorities:
      - subject: {organization: signet, commonName: tsa}
        uri: ${rootJson.timestampAuthorities[0]!.uri}
        certChain: ${Buffer.from(rootJson.timestampAuthorities[0]!.certChain.certificates.map((c) => toPem(fromBase64(c.rawBytes), 'CERTIFICATE')).join('')).toString('base64')}
---
${cip('private', '**', `    - keyless:\n        url: https://fulcio.example\n        trustRootRef: private-instance\n        identities:\n          - issuer: ${signed.issuer}\n            subject: ${signed.san}\n      ctlog:\n        url: https://rekor.example\n        trustRootRef: private-instance\n`)}`;
    const row = await only(trustRoot, img('keyless-sig'), { trust: publicGoodTrustedRoot() });
    expect(row.status).toBe('admit');
  });

  it('a two-container Deployment: one container admitted, one denied, each with its own row', async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${img('keyless-sig')}
        - name: sidecar
          image: ${img('unsigned')}
`;
    const report = await runAdmission({ policies: [{ name: 'p.yaml', text: kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`) }], manifest, client: client(), trustedRoot: testRoot, noMatchPolicy: 'deny' });
    expect(report.containers.map((c) => [c.container.resource, c.container.path, c.status])).toEqual([
      ['Deployment/web', 'spec.template.spec.containers[0]', 'admit'],
      ['Deployment/web', 'spec.template.spec.containers[1]', 'deny'],
    ]);
  });

  it('round trip: every policy Pin identity emits admits its own image and denies the wrong-identity image', async () => {
    const verified = await verifyImage({ reference: img('keyless-sig'), client: client(), policy: { kind: 'identity', identity: { identity: { exact: signed.san }, issuer: { exact: signed.issuer } } }, trustedRoot: testRoot });
    expect(verified.verdict).toBe('verified');
    for (const form of ['exact', 'regexp'] as const) {
      const pinned = pinIdentity(verified.signatures[0]!.result, { form })!;
      for (const text of [pinned.kyverno, pinned.policyController]) {
        const report = await run(text, [img('keyless-sig'), img('mallory-sig')]);
        expect(report.containers.map((c) => c.status), `${form}: ${text}`).toEqual(['admit', 'deny']);
      }
    }
  });

  it('signet policy check: exit 0 when all admitted, 1 when any denied, 2 on bad input; --json carries the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-policy-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const policy = file('policy.yaml', kyvernoKeyless(`entries:\n                - ${keyless(signed.san, signed.issuer)}`));
    const root = file('trusted_root.json', JSON.stringify(rootJson));
    const manifest = file('deploy.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: app, image: ${img('keyless-sig')}}\n        - {name: sidecar, image: ${img('unsigned')}}\n`);
    const cli = (args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/signet.mjs', 'policy', 'check', ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    const ok = await cli(['--policy', policy, '--trusted-root', root, img('keyless-sig')]);
    expect([ok.code, ok.err]).toEqual([0, expect.stringContaining('✔ ADMIT')]);
    const denied = await cli(['--policy', policy, '--trusted-root', root, '-f', manifest, '--json']);
    expect(denied.code).toBe(1);
    expect(denied.err).toContain('✘ DENY  Deployment/web spec.template.spec.containers[1] (sidecar)');
    expect(JSON.parse(denied.out).containers.map((c: { status: string }) => c.status)).toEqual(['admit', 'deny']);
    const bad = await cli(['--policy', file('bomb.yaml', 'a: &a [1]\nb: !!python/object x\n'), img('keyless-sig')]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('YAML_INVALID')]);
    expect((await cli(['--policy', policy])).code).toBe(2);
  }, 60_000);

  // The digest a tag points at, read from the registry.
  async function digestOf(tag: string): Promise<string> {
    const r = await client().resolve({ registry: host, repository: 'app', tag, canonical: img(tag) });
    return r.digest;
  }
});
