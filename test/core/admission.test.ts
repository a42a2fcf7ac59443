// The admission dry-run's pure parts: safe YAML against hostile input, each controller's pattern semantics, manifests,
// Kyverno conditions, and the policies' typed models with what they refuse.
import { describe, expect, it } from 'vitest';
import { compileGlob, containerRegistryName, kyvernoImageName, parseAdmissionPolicies, parseManifest, parseYamlDocuments, splitImageName, wildcardMatch } from '../../src/core';
import { evaluateConditions } from '../../src/core/policy/admission/kyverno-conditions';
import { codeOf } from '../support/error-code';

const expectCode = (fn: () => unknown, code: string) => expect(codeOf(fn)).toBe(code);

describe('safe YAML', () => {
  it('reads multi-document streams in the core schema (no YAML 1.1 booleans, no merge keys)', () => {
    expect(parseYamlDocuments('a: yes\nb: 0x1f\n---\n<<: {c: 1}\n', 't')).toEqual([{ a: 'yes', b: 31 }, { '<<': { c: 1 } }]);
  });

  it('refuses custom tags, duplicate keys and syntax errors with stable codes', () => {
    expectCode(() => parseYamlDocuments('a: !!python/object:os.system x\n', 't'), 'YAML_INVALID');
    expectCode(() => parseYamlDocuments('a: !secret x\n', 't'), 'YAML_INVALID');
    expectCode(() => parseYamlDocuments('a: 1\na: 2\n', 't'), 'YAML_INVALID');
    expectCode(() => parseYamlDocuments('a: [1, 2\n', 't'), 'YAML_INVALID');
  });

  it('refuses a billion-laughs alias bomb without expanding it', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 9; i++) bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]\n`;
    expectCode(() => parseYamlDocuments(bomb, 't'), 'LIMIT_EXCEEDED');
    // Few aliases but a huge expansion is refused too.
    expectCode(() => parseYamlDocuments(`a: &a [${Array(5000).fill('"x"').join(',')}]\nb: [${Array(50).fill('*a').join(',')}]\n`, 't'), 'LIMIT_EXCEEDED');
  });

  it('refuses 10 MB documents before parsing, and 1,000-deep nesting in block and flow styles', () => {
    expectCode(() => parseYamlDocuments(`a: "${'x'.repeat(10 * 1024 * 1024)}"\n`, 't'), 'INPUT_TOO_LARGE');
    expectCode(() => parseYamlDocuments(`${'['.repeat(1000)}${']'.repeat(1000)}`, 't'), 'LIMIT_EXCEEDED');
    expectCode(() => parseYamlDocuments(Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), 't'), 'LIMIT_EXCEEDED');
    expectCode(() => parseYamlDocuments(`${'- '.repeat(1000)}x\n`, 't'), 'LIMIT_EXCEEDED');
    // 100 levels pass the pre-scan but not the depth bound.
    expectCode(() => parseYamlDocuments(`${'['.repeat(100)}${']'.repeat(100)}`, 't'), 'LIMIT_EXCEEDED');
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const [doc] = parseYamlDocuments('__proto__: {polluted: true}\n', 't') as [Record<string, unknown>];
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });
});

describe('image names as each controller matches them', () => {
  it('Kyverno: docker.io without library/, latest by default, the digest form when a digest is given', () => {
    expect(kyvernoImageName(splitImageName('nginx'))).toBe('docker.io/nginx:latest');
    expect(kyvernoImageName(splitImageName('ghcr.io/org/app:v1'))).toBe('ghcr.io/org/app:v1');
    expect(kyvernoImageName(splitImageName(`localhost:5000/app:v1@sha256:${'a'.repeat(64)}`))).toBe(`localhost:5000/app@sha256:${'a'.repeat(64)}`);
  });

  it('policy-controller: index.docker.io and library/ for Docker Hub (go-containerregistry)', () => {
    expect(containerRegistryName(splitImageName('nginx'))).toBe('index.docker.io/library/nginx:latest');
    expect(containerRegistryName(splitImageName('docker.io/org/app@sha256:' + 'b'.repeat(64)))).toBe(`index.docker.io/org/app@sha256:${'b'.repeat(64)}`);
  });

  it('refuses what is not a reference', () => {
    for (const bad of ['', 'UPPER/case', 'a b', `x:${'t'.repeat(200)}`, 'app@sha256:short']) expectCode(() => splitImageName(bad), 'OCI_REFERENCE_INVALID');
  });
});

describe("Kyverno's wildcards and policy-controller's globs", () => {
  it('wildcard: * spans "/" and nothing, ? is one character', () => {
    expect(wildcardMatch('ghcr.io/org/*', 'ghcr.io/org/a/b:v1')).toBe(true);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('app:v?', 'app:v1')).toBe(true);
    expect(wildcardMatch('app:v?', 'app:v10')).toBe(false);
    expect(wildcardMatch('a*b*c', 'axxbyyc')).toBe(true);
    expect(wildcardMatch('a*b*c', 'axxbyy')).toBe(false);
    // Linear, not exponential: a pathological pattern over a long name answers at once.
    expect(wildcardMatch(`${'a*'.repeat(30)}b`, 'a'.repeat(5000))).toBe(false);
  });

  it('glob: ** any characters, * no "/", "*" and "*/*" mean Docker Hub, invalid globs refused', () => {
    expect(compileGlob('ghcr.io/org/**', 'g').matches('ghcr.io/org/a/b@sha256:x')).toBe(true);
    expect(compileGlob('ghcr.io/org/*', 'g').matches('ghcr.io/org/a/b')).toBe(false);
    expect(compileGlob('*', 'g').regexp).toBe('^index\\.docker\\.io/library/[^/]*$');
    expect(compileGlob('*/*', 'g').matches('index.docker.io/org/app:latest')).toBe(true);
    expect(compileGlob('ghcr.io/org/app', 'g').matches('ghcr.ioXorg/app')).toBe(false);
    expectCode(() => compileGlob('ghcr.io/(a|b)', 'g'), 'ADMISSION_POLICY_INVALID');
  });
});

describe('manifests', () => {
  const deployment = (containers: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n${containers}`;

  it('reads initContainers, containers and ephemeralContainers of every workload kind, Lists and multi-document YAML', () => {
    const text = `${deployment('      initContainers: [{name: init, image: busybox}]\n      containers: [{name: app, image: nginx:1}]\n')}---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: job, image: ghcr.io/o/job:v1}]}}}}}
---
apiVersion: v1
kind: List
items:
  - {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: a}], ephemeralContainers: [{name: debug, image: b}]}}
  - {apiVersion: v1, kind: Service, metadata: {name: svc}, spec: {}}
`;
    const m = parseManifest(text);
    expect(m.containers.map((c) => `${c.resource} ${c.path} ${c.image}`)).toEqual([
      'Deployment/web spec.template.spec.initContainers[0] busybox',
      'Deployment/web spec.template.spec.containers[0] nginx:1',
      'CronJob/nightly spec.jobTemplate.spec.template.spec.containers[0] ghcr.io/o/job:v1',
      'Pod/p spec.containers[0] a',
      'Pod/p spec.ephemeralContainers[0] b',
    ]);
    expect(m.skipped).toEqual(['Service/svc']);
    expect(m.kinds['CronJob/nightly']).toBe('CronJob');
  });

  it('refuses a manifest of 10,000 containers with a clear limit, and one that runs nothing', () => {
    const many = deployment(`      containers:\n${Array.from({ length: 10_000 }, (_, i) => `        - {name: c${i}, image: nginx}`).join('\n')}\n`);
    expectCode(() => parseManifest(many), 'LIMIT_EXCEEDED');
    expectCode(() => parseManifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'), 'MANIFEST_INVALID');
    expectCode(() => parseManifest(deployment('      containers: [{name: app}]\n')), 'MANIFEST_INVALID');
  });
});

describe('Kyverno conditions (JMESPath and the documented operators)', () => {
  const predicate = { builder: { id: 'https://github.com/slsa-framework/gen@refs/tags/v1.9.0' }, materials: [{ uri: 'git+https://github.com/o/r' }], count: 3, age: '90s', version: '1.10.2' };
  const holds = (key: string, operator: string, value: unknown) => evaluateConditions([{ all: [{ key, operator, value: value as never }], any: [] }], predicate, 'c') === undefined;

  it('substitutes {{ }} variables and applies each operator', () => {
    expect(holds('{{ builder.id }}', 'Equals', 'https://github.com/slsa-framework/*')).toBe(true);
    expect(holds('{{ builder.id }}', 'NotEquals', 'https://github.com/slsa-framework/*')).toBe(false);
    expect(holds('{{ materials[].uri }}', 'AnyIn', ['git+https://github.com/o/*'])).toBe(true);
    expect(holds('{{ materials[].uri }}', 'AllNotIn', ['x'])).toBe(true);
    expect(holds('{{ count }}', 'AnyIn', ['1-5'])).toBe(true);
    expect(holds('{{ count }}', 'GreaterThan', 2)).toBe(true);
    expect(holds('{{ count }}', 'LessThanOrEquals', 2)).toBe(false);
    expect(holds('{{ age }}', 'DurationLessThan', '2m')).toBe(true);
    expect(holds('{{ version }}', 'GreaterThanOrEquals', '1.9.0')).toBe(true);
    expect(holds('builder {{ builder.id }}', 'Equals', 'builder https://github.com/*')).toBe(true);
  });

  it('any blocks need one; a missing variable fails; unknown operators and functions are not evaluated, never guessed', () => {
    expect(evaluateConditions([{ all: [], any: [{ key: '{{ count }}', operator: 'Equals', value: 1 }, { key: '{{ count }}', operator: 'Equals', value: 3 }] }], predicate, 'c')).toBeUndefined();
    expect(evaluateConditions([{ all: [{ key: '{{ nothing.here }}', operator: 'Equals', value: 'x' }], any: [] }], predicate, 'c')?.notEvaluated).toBeUndefined();
    expect(evaluateConditions([{ all: [{ key: '{{ count }}', operator: 'Matches', value: 'x' }], any: [] }], predicate, 'c')?.notEvaluated).toBe(true);
    expect(evaluateConditions([{ all: [{ key: '{{ time_since(`x`) }}', operator: 'Equals', value: 'x' }], any: [] }], predicate, 'c')?.notEvaluated).toBe(true);
  });
});

describe('policy models', () => {
  it('reads Kyverno and policy-controller documents together, noting what needs the cluster', () => {
    const p = parseAdmissionPolicies([
      {
        name: 'p.yaml',
        text: `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: k}
spec:
  rules:
    - name: r
      match: {any: [{resources: {kinds: [Pod], namespaces: [prod]}}]}
      verifyImages:
        - imageReferences: ["*"]
          attestors: [{entries: [{keys: {kms: "gcpkms://x"}}, {keys: {publicKeys: "-----BEGIN PUBLIC KEY-----\\nAA==\\n-----END PUBLIC KEY-----\\n-----BEGIN PUBLIC KEY-----\\nAA==\\n-----END PUBLIC KEY-----"}}]}]
---
apiVersion: policy.sigstore.dev/v1beta1
kind: ClusterImagePolicy
metadata: {name: c}
spec:
  images: [{glob: "**"}]
  authorities:
    - keyless: {url: https://fulcio.sigstore.dev, identities: [{issuer: i, subject: s}]}
      attestations: [{name: a, predicateType: slsaprovenance, policy: {type: rego, data: "package sigstore"}}]
`,
      },
    ]);
    const k = p.kyverno[0]!;
    expect(k.rules[0]!.verifyImages[0]!.failureAction).toBe('Audit');
    expect(k.rules[0]!.verifyImages[0]!.attestors[0]!.entries.map((e) => e.kind)).toEqual(['not-evaluable', 'keys', 'keys']);
    expect(k.rules[0]!.notes.join(' ')).toContain('namespaces need the cluster');
    const a = p.policyController[0]!.authorities[0]!;
    expect(a.attestations[0]).toEqual({ name: 'a', predicateType: 'https://slsa.dev/provenance/v0.2', policyType: 'rego' });
  });

  it('refuses documents that are neither controller\'s', () => {
    expectCode(() => parseAdmissionPolicies([{ name: 'x', text: 'apiVersion: v1\nkind: ConfigMap\n' }]), 'ADMISSION_POLICY_INVALID');
    expectCode(() => parseAdmissionPolicies([{ name: 'x', text: '' }]), 'ADMISSION_POLICY_INVALID');
  });
});
