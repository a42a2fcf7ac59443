// Predicate readers on documents real producers write: npm's SPDX and CycloneDX SBOMs of this project,
// GitHub's and slsa-github-generator's provenance, OpenVEX, Trivy and SARIF scans; and hostile predicates.
import { describe, expect, it } from 'vitest';
import { readAttestation, type FulcioClaims, type JsonTreeNode, type PredicateView } from '../../../src/core';
import { inTotoStatement } from '../../support/sigstore';
import { generatedCycloneDx, generatorProvenanceV02, githubProvenance, npmSbom, openVexDocument, SOURCE, sarifVuln, trivyVuln } from '../../support/attestations/predicates';

const SUBJECT = [{ name: 'registry.test/app', digest: { sha256: 'ab'.repeat(32) } }];
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const read = (predicateType: string, predicate: unknown, claims?: FulcioClaims) => readAttestation(encode(inTotoStatement(SUBJECT, predicateType, predicate as Record<string, unknown>)), claims);
function as<K extends PredicateView['kind']>(view: PredicateView, kind: K): Extract<PredicateView, { kind: K }> {
  expect(view.kind).toBe(kind);
  return view as Extract<PredicateView, { kind: K }>;
}

const CLAIMS: FulcioClaims = {
  sourceRepositoryUri: `https://github.com/${SOURCE.repository}`,
  sourceRepositoryDigest: SOURCE.sha,
  sourceRepositoryRef: SOURCE.ref,
  buildConfigUri: `https://github.com/${SOURCE.repository}/${SOURCE.workflowPath}@${SOURCE.ref}`,
};

describe('SBOM readers', () => {
  it('reads npm sbom SPDX 2.3 output: every package, its purl, ecosystem, declared license', () => {
    const doc = npmSbom('spdx');
    const packages = doc.packages as { name: string; versionInfo: string; licenseDeclared: string }[];
    const view = as(read('https://spdx.dev/Document', doc).view, 'sbom');
    expect([view.format, view.specVersion, view.embeddedAsString]).toEqual(['SPDX', 'SPDX-2.3', false]);
    expect(view.totalPackages).toBe(packages.length);
    expect(view.packages.length).toBe(packages.length);
    const react = view.packages.find((p) => p.name === 'react')!;
    expect(react).toMatchObject({ version: packages.find((p) => p.name === 'react')!.versionInfo, purl: expect.stringMatching(/^pkg:npm\/react@/), ecosystem: 'npm', licenseDeclared: 'MIT' });
    expect(view.ecosystems).toEqual([{ name: 'npm', count: packages.length }]);
    const noLicense = packages.filter((p) => !p.licenseDeclared || p.licenseDeclared === 'NOASSERTION' || p.licenseDeclared === 'NONE').length;
    expect(view.withoutLicense).toBe(noLicense);
    expect(view.licenses.reduce((n, l) => n + l.count, 0)).toBe(packages.length - noLicense);
    expect(view.creators[0]).toMatch(/^Tool: npm\/cli-/);
  });

  it('reads npm sbom CycloneDX output, and cosign --type spdx predicates that are JSON strings', () => {
    const doc = npmSbom('cyclonedx');
    const view = as(read('https://cyclonedx.org/bom', doc).view, 'sbom');
    expect([view.format, view.specVersion]).toEqual(['CycloneDX', doc.specVersion]);
    expect(view.totalPackages).toBe((doc.components as unknown[]).length);
    expect(view.packages.find((p) => p.name === 'react')).toMatchObject({ ecosystem: 'npm', licenseDeclared: 'MIT' });
    const embedded = as(read('https://spdx.dev/Document', JSON.stringify(npmSbom('spdx'))).view, 'sbom');
    expect([embedded.format, embedded.embeddedAsString, embedded.totalPackages]).toEqual(['SPDX', true, (npmSbom('spdx').packages as unknown[]).length]);
  });

  it('counts ecosystems, licenses and gaps of 20,000 generated components', () => {
    const view = as(read('https://cyclonedx.org/bom', generatedCycloneDx(20_000)).view, 'sbom');
    expect(view.totalPackages).toBe(20_000);
    expect(view.ecosystems).toEqual(['deb', 'golang', 'maven', 'npm', 'pypi'].map((name) => ({ name, count: 4000 })));
    expect(view.withoutLicense).toBe(Math.ceil(20_000 / 7));
    expect(view.withoutVersion).toBe(Math.ceil(20_000 / 11));
    expect(view.licenses.find((l) => l.name === '(MIT OR Apache-2.0)')?.count).toBeGreaterThan(0);
  });
});

describe('provenance reader', () => {
  it('reads GitHub workflow provenance (v1) and finds it agrees with the certificate', () => {
    const v = as(read('https://slsa.dev/provenance/v1', githubProvenance(), CLAIMS).view, 'provenance');
    expect(v).toMatchObject({
      slsaVersion: 'v1',
      buildTypeName: 'GitHub Actions workflow',
      sourceRepository: `git+https://github.com/${SOURCE.repository}@${SOURCE.ref}`,
      sourceCommit: SOURCE.sha,
      workflowPath: SOURCE.workflowPath,
      workflowRef: SOURCE.ref,
      trigger: 'push',
      runnerEnvironment: 'github-hosted',
      invocation: `https://github.com/${SOURCE.repository}/actions/runs/1234567890/attempts/1`,
      totalMaterials: 1,
    });
    expect(v.agreement.map((a) => [a.field, a.agrees])).toEqual([['source repository', true], ['source commit', true], ['source ref', true], ['workflow', true]]);
  });

  it('names both values when the provenance source differs from the certificate', () => {
    const v = as(read('https://slsa.dev/provenance/v1', githubProvenance({ ...SOURCE, repository: 'mallory/fork' }), CLAIMS).view, 'provenance');
    expect(v.agreement.find((a) => a.field === 'source repository')).toEqual({
      field: 'source repository',
      provenance: 'git+https://github.com/mallory/fork@refs/heads/main',
      certificate: 'https://github.com/octo-org/octo-app',
      claim: 'Source Repository URI (1.3.6.1.4.1.57264.1.12)',
      agrees: false,
    });
  });

  it('reads slsa-github-generator v0.2 provenance', () => {
    const v = as(read('https://slsa.dev/provenance/v0.2', generatorProvenanceV02(), CLAIMS).view, 'provenance');
    expect(v).toMatchObject({ slsaVersion: 'v0.2', buildTypeName: 'slsa-github-generator', sourceCommit: SOURCE.sha, workflowPath: SOURCE.workflowPath, trigger: 'push', startedOn: '2026-11-30T10:00:00Z', finishedOn: '2026-11-30T10:04:12Z', invocation: '42-1' });
    expect(v.agreement.every((a) => a.agrees)).toBe(true);
  });
});

describe('VEX and vulnerability readers', () => {
  it('reads OpenVEX statements with status, justification and impact', () => {
    const att = read('https://openvex.dev/ns/v0.2.0', openVexDocument('pkg:oci/app@sha256:ab'));
    const v = as(att.view, 'openvex');
    expect(att.typeName).toBe('OpenVEX');
    expect(v.statements.map((s) => s.status)).toEqual(['not_affected', 'affected', 'fixed', 'under_investigation']);
    expect(v.statements[0]).toMatchObject({ vulnerability: 'CVE-2023-44487', aliases: ['GHSA-qppj-fm5r-hxr3'], justification: 'vulnerable_code_not_in_execute_path', impactStatement: 'The HTTP/2 server is never started.', products: ['pkg:oci/app@sha256:ab › pkg:golang/golang.org/x/net@v0.7.0'] });
  });

  it('summarises Trivy JSON and SARIF results by severity', () => {
    const trivy = as(read('https://cosign.sigstore.dev/attestation/vuln/v1', trivyVuln()).view, 'vuln');
    expect(trivy).toMatchObject({ scanner: 'pkg:github/aquasecurity/trivy@0.58.1', databaseVersion: '2026-11-30T06:12:44Z', resultFormat: 'Trivy JSON', totalFindings: 4, scanStartedOn: '2026-11-30T12:00:00Z' });
    expect(trivy.bySeverity).toEqual([{ name: 'HIGH', count: 2 }, { name: 'CRITICAL', count: 1 }, { name: 'LOW', count: 1 }]);
    const sarif = as(read('https://cosign.sigstore.dev/attestation/vuln/v1', sarifVuln()).view, 'vuln');
    expect([sarif.resultFormat, sarif.bySeverity]).toEqual(['SARIF', [{ name: 'MEDIUM', count: 2 }, { name: 'CRITICAL', count: 1 }]]);
  });
});

describe('everything else, and hostile predicates', () => {
  it('shows an in-toto link as a JSON tree with copyable paths', () => {
    const att = read('https://in-toto.io/Link/v1', { name: 'build', materials: { 'src/main.go': { sha256: 'aa' } }, byproducts: { 'return-value': 0 } });
    const tree = as(att.view, 'json');
    expect([att.typeName, att.alias]).toEqual(['in-toto link', 'link']);
    const paths = (n: JsonTreeNode): string[] => [n.path, ...(n.children ?? []).flatMap(paths)];
    expect(paths(tree.root)).toEqual(['$.predicate', '$.predicate.name', '$.predicate.materials', '$.predicate.materials["src/main.go"]', '$.predicate.materials["src/main.go"].sha256', '$.predicate.byproducts', '$.predicate.byproducts["return-value"]']);
  });

  it('cuts a 50 MB string, keeps HTML as inert text, and bounds a huge tree', () => {
    const big = 'A'.repeat(50 * 1024 * 1024);
    const att = read('https://example.com/p/v1', { note: big, html: '<img src=x onerror=alert(1)>' });
    const tree = as(att.view, 'json');
    const note = tree.root.children!.find((c) => c.key === 'note')!;
    expect([note.length, note.value!.length]).toEqual([big.length, 2001]);
    expect(tree.root.children!.find((c) => c.key === 'html')!.value).toBe('<img src=x onerror=alert(1)>');
    const wide = as(read('https://example.com/p/v1', { list: Array.from({ length: 100_000 }, (_, i) => ({ i })) }).view, 'json');
    expect(wide.root.children![0]!.children!.length).toBe(1000);
    expect(wide.omitted).toBe(99_000);
  });

  it('an SBOM whose fields are HTML or huge reads as bounded text; an SBOM that is not one falls back with a note', () => {
    const doc = generatedCycloneDx(3);
    (doc.components as Record<string, unknown>[])[0]!.name = `<script>alert(1)</script>${'x'.repeat(100_000)}`;
    const view = as(read('https://cyclonedx.org/bom', doc).view, 'sbom');
    expect(view.packages[0]!.name.startsWith('<script>alert(1)</script>')).toBe(true);
    expect(view.packages[0]!.name.length).toBe(1025);
    const notSbom = read('https://spdx.dev/Document', 'not json at all');
    expect(notSbom.view.kind).toBe('json');
    expect(notSbom.notes[0]).toMatch(/not a JSON SBOM/);
  });
});
