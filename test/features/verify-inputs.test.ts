// The app's verification inputs: digest labels, Trust choices into engine options, files hashed with every
// algorithm the bundle names, and the notice for a trusted root without logs.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTrustedRootJson, verifyBundle, type ArtifactInput } from '../../src/core';
import { DEFAULT_WEAKENING, describePolicy, EMPTY_FORM, formProblem, verifierOptionsOf, weakeningFlags, type VerifyForm } from '../../src/lib/verify-form';
import { namedDigests, matchingDigest } from '../../src/lib/named-digests';
import { readArtifact } from '../../src/lib/read-artifact';
import { missingLogAdvice } from '../../src/lib/missing-log-advice';
import { summarizeTrustedRoot } from '../../src/lib/trust-summary';
import { createTestInstance, DEFAULT_IDENTITY, inTotoStatement } from '../support/sigstore';

const hex = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');
const bundleForm: VerifyForm = { ...EMPTY_FORM, bundleText: '{}', identity: 'a@example.com' };

describe('the digest field', () => {
  it('takes sha256:, sha384: and sha512: hex of the right length, in either case', () => {
    for (const [alg, bytes] of [['sha256', 32], ['sha384', 48], ['sha512', 64]] as const) {
      expect(formProblem({ ...bundleForm, artifact: { kind: 'digest', text: `${alg}:${'aB'.repeat(bytes)}` } })).toBeNull();
      expect(formProblem({ ...bundleForm, artifact: { kind: 'digest', text: `${alg}:${'ab'.repeat(bytes - 1)}` } })).toMatch(/sha512: and 128/);
    }
    expect(formProblem({ ...bundleForm, artifact: { kind: 'digest', text: `sha1:${'ab'.repeat(20)}` } })).toMatch(/sha256:/);
    expect(formProblem({ ...bundleForm, artifact: { kind: 'digest', text: `sha512:${'ab'.repeat(32)}` } })).not.toBeNull();
  });
});

describe('Trust choices', () => {
  it('are the defaults until changed, and then map to the engine options and the CLI flags', () => {
    expect(verifierOptionsOf(bundleForm)).toEqual({ thresholds: {}, useSignedTimestamps: false });
    expect(weakeningFlags(DEFAULT_WEAKENING)).toEqual([]);
    const github = { ...bundleForm, weakening: { tlog: 0, sct: 0, timestamps: 1, useSignedTimestamps: true } };
    expect(verifierOptionsOf(github)).toEqual({ thresholds: { tlog: 0, sct: 0 }, useSignedTimestamps: true });
    expect(weakeningFlags(github.weakening)).toEqual(['--insecure-ignore-tlog', '--insecure-ignore-sct', '--use-signed-timestamps']);
    expect(weakeningFlags({ tlog: 2, sct: 3, timestamps: 0, useSignedTimestamps: false })).toEqual(['--tlog-threshold 2', '--ctlog-threshold 3', '--timestamp-threshold 0']);
    expect(describePolicy(github)).toBe('identity a@example.com, issuer https://token.actions.githubusercontent.com; verifier options --insecure-ignore-tlog --insecure-ignore-sct --use-signed-timestamps (each waived check is a warn step)');
    expect(describePolicy(bundleForm)).not.toContain('verifier options');
  });

  it('refuse counts that are not whole numbers from 0 to 16', () => {
    for (const bad of [-1, 17, 1.5, Number.NaN]) expect(formProblem({ ...bundleForm, weakening: { ...DEFAULT_WEAKENING, sct: bad } })).toMatch(/0 to 16/);
    expect(formProblem({ ...bundleForm, weakening: { ...DEFAULT_WEAKENING, timestamps: 16 } })).toBeNull();
  });
});

describe('a chosen file', () => {
  const instance = createTestInstance();
  const root = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test', description: 'test instance' });
  const policy = { kind: 'identity' as const, identity: { identity: { exact: (DEFAULT_IDENTITY.san as { uri: string }).uri }, issuer: { exact: DEFAULT_IDENTITY.issuer } } };
  // Past the whole-file size given to the reader, so the file is hashed in chunks (10 of them here).
  const large = Uint8Array.from({ length: 40_000 }, (_, i) => i % 251);
  const sizes = { whole: 1024, chunk: 4096 };
  const small = new TextEncoder().encode('npm package\n');
  const sha512Subject = (b: Uint8Array) => JSON.stringify(instance.signDsse(inTotoStatement([{ name: 'pkg.tgz', digest: { sha512: hex('sha512', b) } }])).bundle);
  const verify = (bundle: string, artifact: ArtifactInput) => verifyBundle({ bundle, artifact, policy, trustedRoot: root });

  it('is compared under each algorithm the bundle names: subjects, message digest, hashedrekord entry', () => {
    const message = instance.signMessage(small, { messageHash: 'sha384' });
    const named = namedDigests(JSON.stringify(message.bundle));
    expect([...named.keys()]).toEqual(['SHA-384']);
    expect([...named.get('SHA-384')!]).toEqual([hex('sha384', small)]);
    // A legacy form without messageDigest still names the algorithm through its hashedrekord entry.
    const noDigest = structuredClone(message.bundle) as { messageSignature: { messageDigest?: unknown } };
    delete noDigest.messageSignature.messageDigest;
    expect([...namedDigests(JSON.stringify(noDigest)).get('SHA-384')!]).toEqual([hex('sha384', small)]);
    expect([...namedDigests(sha512Subject(small)).keys()]).toEqual(['SHA-512']);
    expect(namedDigests('not a bundle').size).toBe(0);
  });

  it('small: read whole, so the engine verifies over the bytes; the digest shown is the one that matched', async () => {
    const bundle = sha512Subject(small);
    const read = await readArtifact(new Blob([small]), namedDigests(bundle), () => {});
    expect(read.input.kind).toBe('bytes');
    expect(read.digest).toBe(`sha512:${hex('sha512', small)}`);
    expect((await verify(bundle, read.input)).verdict).toBe('verified');
  });

  it('large: hashed in chunks with SHA-512 for a sha512-only subject, and verifies; another file fails at artifact.bind', async () => {
    const bundle = sha512Subject(large);
    const progress: number[] = [];
    const read = await readArtifact(new Blob([large]), namedDigests(bundle), (done) => progress.push(done), sizes);
    expect(read.input).toMatchObject({ kind: 'digest', algorithm: 'SHA-512' });
    expect(read.digest).toBe(`sha512:${hex('sha512', large)}`);
    expect(progress.at(-1)).toBe(large.length);
    expect(progress.length).toBe(10);
    expect((await verify(bundle, read.input)).verdict).toBe('verified');
    const other = sha512Subject(small);
    const wrong = await readArtifact(new Blob([large]), namedDigests(other), () => {}, sizes);
    const r = await verify(other, wrong.input);
    expect(r.failedStep).toBe('artifact.bind');
    expect(r.steps.find((s) => s.id === 'artifact.bind')!.code).toBe('ARTIFACT_NOT_IN_SUBJECTS');
  });

  it('picks the algorithm whose value the bundle names, else the strongest computed', () => {
    const computed = new Map([
      ['SHA-256', Uint8Array.of(1)],
      ['SHA-512', Uint8Array.of(2)],
    ] as const);
    expect(matchingDigest(computed, new Map([['SHA-256', new Set(['01'])], ['SHA-512', new Set(['ff'])]])).label).toBe('sha256:01');
    expect(matchingDigest(computed, new Map([['SHA-512', new Set(['ff'])]])).label).toBe('sha512:02');
  });
});

describe('a trusted root without logs', () => {
  const root = createTestInstance().trustedRoot();
  const summary = (r: object) => summarizeTrustedRoot(JSON.stringify(r));

  it('is named before verifying, with the choices that make its bundles verify', () => {
    const github = missingLogAdvice(summary({ ...root, tlogs: [], ctlogs: [] }), DEFAULT_WEAKENING)!;
    expect(github.sentences[0]).toMatch(/no transparency log and no Certificate Transparency log/);
    expect(github.sentences.at(-1)).toMatch(/Ignore the transparency log.*Ignore SCTs.*Require a signed timestamp/);
    expect(github.choose).toEqual({ tlog: 0, sct: 0, useSignedTimestamps: true });
    // Once chosen, the notice stays but offers nothing more.
    expect(missingLogAdvice(summary({ ...root, tlogs: [], ctlogs: [] }), { ...DEFAULT_WEAKENING, ...github.choose })!.choose).toBeNull();
    expect(missingLogAdvice(summary({ ...root, ctlogs: [] }), DEFAULT_WEAKENING)!.choose).toEqual({ sct: 0 });
    expect(missingLogAdvice(summary({ ...root, tlogs: [], timestampAuthorities: [] }), DEFAULT_WEAKENING)!.choose).toEqual({ tlog: 0, timestamps: 0 });
    expect(missingLogAdvice(summary(root), DEFAULT_WEAKENING)).toBeNull();
  });

  it('in a mode with no verifier options, names what the root lacks and points to the Verify mode\'s choices, offering none', () => {
    const advice = missingLogAdvice(summary({ ...root, ctlogs: [] }), null)!;
    expect(advice.sentences[0]).toBe(missingLogAdvice(summary({ ...root, ctlogs: [] }), DEFAULT_WEAKENING)!.sentences[0]);
    expect(advice.sentences.at(-1)).toMatch(/no verifier options.*Verify mode, with “Ignore SCTs” under Trust’s Verifier options/);
    expect(advice.choose).toBeNull();
    expect(missingLogAdvice(summary(root), null)).toBeNull();
  });

  it('a root that does not parse says why', () => {
    const s = summarizeTrustedRoot('{"mediaType": "nope"}');
    expect(s.ok).toBe(false);
    expect(missingLogAdvice(s, DEFAULT_WEAKENING)).toBeNull();
  });
});
