// Attestations on a real registry process: SBOMs made by `npm sbom`, GitHub-shaped provenance, OpenVEX and a
// Trivy scan, attested with the test Sigstore instance and stored as `.att` layers and as v0.3 referrers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedRootJson, type VerificationPolicy } from '../../src/core';
import { createRegistryClient } from '../../src/oci';
import { verifyImage } from '../../src/image';
import { createTestInstance } from '../support/sigstore';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../support/registry/start-registry';
import { ATTESTER, ATTESTER_SAN, PREDICATE, pushAttestedImages, type AttestedImages } from '../support/registry/attested-images';
import { SOURCE } from '../support/attestations/predicates';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli';

const missing = registryMissingReason();
const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const policy: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: ATTESTER_SAN }, issuer: { exact: ATTESTER.issuer } } };

describe.skipIf(missing)(missing ? `SKIPPED: ${missing}` : 'attestations on a real registry', () => {
  let registry: RunningRegistry;
  let images: AttestedImages;
  let rootFile = '';
  const identityFlags = () => ['--certificate-identity', ATTESTER_SAN, '--certificate-oidc-issuer', ATTESTER.issuer, '--trusted-root', rootFile];
  const cli = (...args: string[]) => runCli(args, { env: { SIGNET_FROM_SOURCE: '1', NO_COLOR: '1' } });
  const verify = (tag: string, p: VerificationPolicy = policy) =>
    verifyImage({ reference: `${registry.host}/attested:${tag}`, client: createRegistryClient({ fetch: (url, init) => fetch(url, init) }), policy: p, trustedRoot });

  beforeAll(async () => {
    registry = await startRegistry();
    images = await pushAttestedImages(registry.url, registry.host, instance);
    rootFile = join(mkdtempSync(join(tmpdir(), 'signet-root-')), 'trusted_root.json');
    writeFileSync(rootFile, JSON.stringify(instance.trustedRoot()));
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  it('lists every attestation in both formats, each with its own verified timeline, and the v3 signature as a signature', async () => {
    const r = await verify('attested');
    expect(r.verdict).toBe('verified');
    const rows = r.signatures.map((s) => [s.source, s.kind, s.predicateType, s.result.verdict]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(rows).toEqual([
      ['cosign-att-tag', 'attestation', PREDICATE.vuln, 'verified'],
      ['referrers-tag', 'attestation', PREDICATE.cyclonedx, 'verified'],
      ['cosign-att-tag', 'attestation', PREDICATE.openvex, 'verified'],
      ['referrers-tag', 'signature', PREDICATE.sign, 'verified'],
      ['referrers-tag', 'attestation', PREDICATE.slsa1, 'verified'],
      ['cosign-att-tag', 'attestation', PREDICATE.spdx, 'verified'],
    ]);
    for (const s of r.signatures) {
      expect(s.result.steps.map((st) => st.id)).toContain('tlog.inclusion');
      expect(s.result.steps.find((st) => st.id === 'artifact.bind')!.status).toBe('pass');
    }
    expect(r.sboms).toHaveLength(1);
    expect(r.sboms[0]!.view).toMatchObject({ kind: 'sbom', format: 'SPDX' });
    expect(r.referrers.map((x) => x.annotations['dev.sigstore.bundle.predicateType']).sort()).toEqual([PREDICATE.cyclonedx, PREDICATE.slsa1, PREDICATE.sign].sort());
  });

  it('each predicate reads into its view: SBOM packages, provenance agreeing with the certificate, VEX, scan', async () => {
    const r = await verify('attested');
    const view = (type: string) => r.signatures.find((s) => s.predicateType === type)!.result.attestation!.view;
    expect(view(PREDICATE.spdx)).toMatchObject({ kind: 'sbom', format: 'SPDX' });
    expect(view(PREDICATE.cyclonedx)).toMatchObject({ kind: 'sbom', format: 'CycloneDX' });
    expect(view(PREDICATE.slsa1)).toMatchObject({ kind: 'provenance', sourceCommit: SOURCE.sha, buildTypeName: 'GitHub Actions workflow' });
    expect(view(PREDICATE.openvex)).toMatchObject({ kind: 'openvex', totalStatements: 4 });
    expect(view(PREDICATE.vuln)).toMatchObject({ kind: 'vuln', resultFormat: 'Trivy JSON', totalFindings: 4 });
    const provenance = r.signatures.find((s) => s.predicateType === PREDICATE.slsa1)!;
    expect(provenance.result.steps.find((s) => s.id === 'policy.attestation')!.status).toBe('pass');
  });

  it('--type picks attestations by cosign alias; a wrong type names what was found', async () => {
    expect((await verify('attested', { ...policy, predicateType: 'spdxjson' })).verdict).toBe('verified');
    expect((await verify('attested', { ...policy, predicateType: 'slsaprovenance1' })).verdict).toBe('verified');
    const wrong = await verify('attested', { ...policy, predicateType: 'slsaprovenance' });
    expect(wrong.verdict).toBe('failed');
    expect(wrong.headline).toMatch(/^none of the attestations matched the predicate type: slsaprovenance, found: /);
    for (const t of [PREDICATE.spdx, PREDICATE.cyclonedx, PREDICATE.slsa1, PREDICATE.openvex, PREDICATE.vuln]) expect(wrong.headline).toContain(t);
    expect(wrong.headline).not.toContain(PREDICATE.sign);
  });

  it('a provenance whose source repository differs from the certificate warns, naming both', async () => {
    const r = await verify('forked');
    const step = r.signatures[0]!.result.steps.find((s) => s.id === 'policy.attestation')!;
    expect(step.status).toBe('warn');
    expect(step.summary).toContain('mallory/octo-app');
    expect(step.summary).toContain(`https://github.com/${SOURCE.repository}`);
  });

  it('a platform manifest\'s own attestations are listed under that platform, verified, and not counted as its signatures', async () => {
    const r = await verify('multi-attested');
    expect(r.verdict).toBe('verified');
    expect(r.signatures.map((s) => [s.kind, s.predicateType])).toEqual([['signature', PREDICATE.sign]]);
    const rows = r.platforms.map((p) => ({ platform: p.platform, digest: p.digest, verdict: p.verdict, signatures: p.signatures, attestations: p.attestations.map((a) => [a.typeName, a.predicateType, a.verdict]).sort() }));
    expect(rows).toEqual([
      { platform: 'linux/amd64', digest: images.multi.amd64, verdict: 'unsigned', signatures: 0, attestations: [['SLSA provenance v1', PREDICATE.slsa1, 'verified'], ['SPDX SBOM', PREDICATE.spdx, 'verified']] },
      { platform: 'linux/arm64/v8', digest: images.multi.arm64, verdict: 'unsigned', signatures: 0, attestations: [] },
    ]);
    expect(r.platforms[0]!.attestations.map((a) => a.where).join(' ')).toContain(images.multi.amd64.replace(':', '-'));
    // An attestation of one platform does not verify another: its subject names its own manifest.
    expect(r.onlyIndexSigned).toBe(true);
    const out = await cli('verify', `${registry.host}/attested:multi-attested`, ...identityFlags());
    expect(out.stderr).toMatch(/linux\/amd64 +sha256:[0-9a-f]{64} {2}unsigned\n/);
    expect(out.stderr).toContain('attestation SLSA provenance v1 (https://slsa.dev/provenance/v1): verified');
    expect(out.stderr).toContain('attestation SPDX SBOM (https://spdx.dev/Document): verified');
  });

  it('reports the bytes received of a large attestation blob as it downloads, up to its declared size', async () => {
    const reports: { digest: string; received: number; total: number }[] = [];
    const client = createRegistryClient({ fetch: (url, init) => fetch(url, init), onBlobProgress: (p) => reports.push(p) });
    const r = await verifyImage({ reference: `${registry.host}/attested:big-sbom`, client, policy, trustedRoot });
    expect(r.verdict).toBe('verified');
    expect(reports.length).toBeGreaterThan(1);
    const [digest] = new Set(reports.map((p) => p.digest));
    expect(reports.every((p) => p.digest === digest && p.total >= 1 << 20)).toBe(true);
    expect(reports.map((p) => p.received)).toEqual([...reports.map((p) => p.received)].sort((a, b) => a - b));
    expect(reports.at(-1)!.received).toBe(reports.at(-1)!.total);
  });

  it('reads a 20,000-package SBOM attestation', async () => {
    const r = await verify('big-sbom', { ...policy, predicateType: 'cyclonedx' });
    expect(r.verdict).toBe('verified');
    expect(r.signatures[0]!.result.attestation!.view).toMatchObject({ kind: 'sbom', totalPackages: 20_000 });
    expect(images.bigSbom).toBe(r.digest);
  });

  it('signet verify-attestation prints the checks and signer on stderr and one verified envelope per line on stdout', async () => {
    const ok = await cli('verify-attestation', `${registry.host}/attested:attested`, '--type', 'slsaprovenance1', ...identityFlags());
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('The following checks were performed on each of these signatures:');
    expect(ok.stderr).toContain(`Certificate subject: ${ATTESTER_SAN}`);
    expect(ok.stderr).toContain(`GitHub Workflow Repository: ${SOURCE.repository}`);
    const lines = ok.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const envelope = JSON.parse(lines[0]!) as { payloadType: string; payload: string };
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { predicateType: string; subject: { digest: { sha256: string } }[] };
    expect([statement.predicateType, `sha256:${statement.subject[0]!.digest.sha256}`]).toEqual([PREDICATE.slsa1, images.attested]);

    const wrong = await cli('verify-attestation', `${registry.host}/attested:attested`, '--type', 'slsaprovenance', ...identityFlags());
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Error: none of the attestations matched the predicate type: slsaprovenance, found: .*https:\/\/slsa\.dev\/provenance\/v1/);
    expect(wrong.stdout).toBe('');
  }, 90_000);

  it('signet tree lists signatures, attestations with their predicate types, the attached SBOM and the referrers', async () => {
    const r = await cli('tree', `${registry.host}/attested:attested`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('└── Signatures (1)');
    expect(r.stdout).toContain('└── Attestations (5)');
    expect(r.stdout).toContain('└── SBOMs (cosign attach sbom) (1)');
    expect(r.stdout).toContain('└── Referrers (3)');
    for (const t of [PREDICATE.spdx, PREDICATE.cyclonedx, PREDICATE.slsa1, PREDICATE.openvex, PREDICATE.vuln]) expect(r.stdout).toContain(t);
    expect(r.stdout).toContain('text/spdx+json');
  }, 60_000);

  it('signet download attestation prints the verified envelopes of one type as JSON lines', async () => {
    const all = await cli('download', 'attestation', `${registry.host}/attested:attested`, ...identityFlags());
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split('\n')).toHaveLength(5);
    const sboms = await cli('download', 'attestation', `${registry.host}/attested:attested`, '--predicate-type', 'spdxjson', ...identityFlags());
    const lines = sboms.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(Buffer.from((JSON.parse(lines[0]!) as { payload: string }).payload, 'base64').toString('utf8')).predicateType).toBe(PREDICATE.spdx);
    const stranger = await cli('download', 'attestation', `${registry.host}/attested:attested`, '--certificate-identity', 'someone@else.example', '--certificate-oidc-issuer', ATTESTER.issuer, '--trusted-root', rootFile);
    expect([stranger.code, stranger.stdout]).toEqual([1, '']);
  }, 90_000);
});
