// The whole engine on bundles made at test time: every step passes on a good bundle and fails, alone
// or first, on a bundle broken in exactly that one way.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseTrustedRootJson, verifyBundle, type ArtifactInput, type StepId, type VerificationPolicy, type VerificationResult } from '../../src/core';
import { createTestInstance, DEFAULT_IDENTITY, githubWorkflowIdentity, inTotoStatement, type FaultName, type SignOptions, type SignResult } from '../support/sigstore';

const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const artifact = new TextEncoder().encode('signet test artifact\n');
const artifactSha256 = createHash('sha256').update(artifact).digest('hex');
const identity = (DEFAULT_IDENTITY.san as { uri: string }).uri;
const identityPolicy: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: identity }, issuer: { exact: DEFAULT_IDENTITY.issuer } } };

async function verify(signed: SignResult, opts: { policy?: VerificationPolicy; artifact?: ArtifactInput | null; thresholds?: { tlog?: number; timestamps?: number }; now?: number } = {}) {
  return verifyBundle({
    bundle: JSON.stringify(signed.bundle),
    artifact: opts.artifact === undefined ? { kind: 'bytes', bytes: artifact } : opts.artifact,
    policy: opts.policy ?? identityPolicy,
    trustedRoot,
    ...(opts.thresholds ? { thresholds: opts.thresholds } : {}),
    now: opts.now ?? instance.now().getTime(),
  });
}

const statuses = (r: VerificationResult) => Object.fromEntries(r.steps.map((s) => [s.id, s.status]));
const failure = (r: VerificationResult) => {
  const step = r.steps.find((s) => s.id === r.failedStep);
  return { verdict: r.verdict, step: r.failedStep, code: step?.code };
};
const dsse = (o: SignOptions = {}) => instance.signDsse(inTotoStatement([{ name: 'artifact.txt', digest: { sha256: artifactSha256 } }]), o);

describe('bundles that must verify', () => {
  const cases: Array<[string, () => SignResult]> = [
    ['v0.1 message, Rekor v1', () => instance.signMessage(artifact, { bundleVersion: '0.1' })],
    ['v0.2 message, leaf only', () => instance.signMessage(artifact, { bundleVersion: '0.2' })],
    ['v0.3 message', () => instance.signMessage(artifact, { bundleVersion: '0.3' })],
    ['v0.3 message, older media type', () => instance.signMessage(artifact, { legacyMediaType: true })],
    ['v0.3 message with a TSA timestamp too', () => instance.signMessage(artifact, { tsa: true })],
    ['v0.3 DSSE, dsse 0.0.1', () => dsse()],
    ['v0.3 DSSE, intoto 0.0.2', () => dsse({ entryKind: 'intoto' })],
    ['Rekor v2 hashedrekord 0.0.2 with TSA', () => instance.signMessage(artifact, { rekor: 'v2' })],
    ['Rekor v2 dsse 0.0.2 with TSA', () => dsse({ rekor: 'v2' })],
    ['Rekor v2 hashedrekord over DSSE', () => dsse({ rekor: 'v2', entryKind: 'hashedrekord' })],
    ['TSA token without embedded certificate', () => instance.signMessage(artifact, { rekor: 'v2', tsaEmbedCertificate: false })],
    ['SCT with extensions', () => instance.signMessage(artifact, { sctExtensions: Uint8Array.of(1, 2, 3) })],
    ['P-384 leaf key', () => instance.signMessage(artifact, { keyAlgorithm: 'ecdsa-p384' })],
    ['P-521 leaf key', () => instance.signMessage(artifact, { keyAlgorithm: 'ecdsa-p521' })],
    ['RSA-3072 PKCS#1 leaf key', () => instance.signMessage(artifact, { keyAlgorithm: 'rsa-pkcs1-3072' })],
    ['RSA-2048 PSS leaf key', () => instance.signMessage(artifact, { keyAlgorithm: 'rsa-pss-2048' })],
    ['Ed25519 leaf key', () => instance.signMessage(artifact, { keyAlgorithm: 'ed25519' })],
    ['a duplicated log entry, counted once', () => instance.signMessage(artifact, { faults: { duplicateTlogEntry: true } })],
  ];
  for (const [name, sign] of cases) {
    it(name, async () => {
      const r = await verify(sign());
      expect(r.headline).toMatch(/^Verified/);
      expect(r.verdict).toBe('verified');
      expect(r.steps.filter((s) => s.required).every((s) => s.status === 'pass')).toBe(true);
    });
  }

  it('every step of a Rekor v1 DSSE bundle with a timestamp is shown, in catalogue order', async () => {
    const r = await verify(dsse({ tsa: true }), { policy: { ...identityPolicy, predicateType: 'https://slsa.dev/provenance/v1' } });
    expect(r.verdict).toBe('verified');
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      'bundle.parse:pass', 'artifact.bind:pass', 'cert.decode:pass', 'cert.chain:pass', 'cert.sct:pass', 'signature:pass',
      'tlog.body:pass', 'tlog.set:pass', 'tlog.inclusion:pass', 'tlog.checkpoint:pass', 'timestamp.rfc3161:pass',
      'time.validity:pass', 'policy.identity:pass', 'policy.attestation:pass',
    ]);
    const inclusion = r.steps.find((s) => s.id === 'tlog.inclusion')!.evidence.find((e) => e.kind === 'merkle-path');
    expect(inclusion && inclusion.kind === 'merkle-path' && inclusion.value.computedRoot).toBe(inclusion && inclusion.kind === 'merkle-path' && inclusion.value.expectedRoot);
  });

  it('a message signature verifies against a digest alone (no artifact bytes)', async () => {
    const r = await verify(instance.signMessage(artifact), { artifact: { kind: 'digest', algorithm: 'SHA-256', value: Uint8Array.from(Buffer.from(artifactSha256, 'hex')) } });
    expect(r.verdict).toBe('verified');
    expect(r.steps.find((s) => s.id === 'signature')!.evidence.some((e) => e.kind === 'text' && e.value.includes('@noble/curves'))).toBe(true);
  });

  for (const keyAlgorithm of ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-pkcs1-2048', 'ed25519'] as const) {
    it(`key-based signature with ${keyAlgorithm}`, async () => {
      const signed = instance.signMessage(artifact, { material: 'publicKey', keyAlgorithm });
      const r = await verify(signed, { policy: { kind: 'key', publicKey: signed.publicKeyPem } });
      expect(r.verdict).toBe('verified');
      expect(statuses(r)).toMatchObject({ 'cert.decode': 'skip', 'cert.chain': 'skip', 'time.validity': 'skip', 'policy.identity': 'pass' });
    });
  }
});

describe('each fault fails at its own step', () => {
  const faults: Array<[FaultName, SignOptions, StepId, string]> = [
    ['leafExpiredAtLogTime', {}, 'time.validity', 'CERT_NOT_VALID_AT_TIME'],
    ['sctFromUnknownLog', {}, 'cert.sct', 'SCT_LOG_UNKNOWN'],
    ['badSctSignature', {}, 'cert.sct', 'SCT_SIGNATURE_INVALID'],
    ['noSct', {}, 'cert.sct', 'SCT_MISSING'],
    ['badSignature', {}, 'signature', 'SIGNATURE_INVALID'],
    ['bodyMismatch', {}, 'tlog.body', 'TLOG_BODY_MISMATCH'],
    ['badSet', {}, 'tlog.set', 'TLOG_SET_INVALID'],
    ['badInclusionProof', {}, 'tlog.inclusion', 'TLOG_INCLUSION_INVALID'],
    ['checkpointRootMismatch', {}, 'tlog.checkpoint', 'CHECKPOINT_ROOT_MISMATCH'],
    ['badCheckpointSignature', {}, 'tlog.checkpoint', 'CHECKPOINT_SIGNATURE_INVALID'],
    ['checkpointForeignOriginOnly', {}, 'tlog.checkpoint', 'CHECKPOINT_NO_KNOWN_SIGNATURE'],
    ['noInclusionProof', { bundleVersion: '0.2' }, 'bundle.parse', 'BUNDLE_VERSION_REQUIREMENT'],
    ['noInclusionPromise', { bundleVersion: '0.1' }, 'bundle.parse', 'BUNDLE_VERSION_REQUIREMENT'],
    ['tsaUntrusted', { rekor: 'v2' }, 'timestamp.rfc3161', 'TSA_UNTRUSTED'],
    ['tsaImprintMismatch', { rekor: 'v2' }, 'timestamp.rfc3161', 'TSA_IMPRINT_MISMATCH'],
    ['tsaTimeOutsideCert', { rekor: 'v2' }, 'time.validity', 'CERT_NOT_VALID_AT_TIME'],
    ['integratedTimeInFuture', {}, 'tlog.set', 'TLOG_INTEGRATED_TIME_FUTURE'],
    ['messageDigestMismatch', {}, 'artifact.bind', 'ARTIFACT_DIGEST_MISMATCH'],
  ];
  for (const [fault, options, step, code] of faults) {
    it(`${fault} → ${step} ${code}`, async () => {
      const r = await verify(instance.signMessage(artifact, { ...options, faults: { [fault]: true } }));
      expect(failure(r)).toEqual({ verdict: 'failed', step, code });
    });
  }

  it('wrongCaKey → cert.chain', async () => {
    const r = await verify(instance.signMessage(artifact, { faults: { wrongCaKey: true } }));
    expect(r.failedStep).toBe('cert.chain');
    expect(['CHAIN_SIGNATURE_INVALID', 'CHAIN_UNTRUSTED']).toContain(failure(r).code);
  });

  it('dsseSubjectMismatch → artifact.bind ARTIFACT_NOT_IN_SUBJECTS, naming the digest looked for', async () => {
    const r = await verify(dsse({ faults: { dsseSubjectMismatch: true } }));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'artifact.bind', code: 'ARTIFACT_NOT_IN_SUBJECTS' });
    expect(r.steps.find((s) => s.id === 'artifact.bind')!.detail!.expected).toBe(`sha256:${artifactSha256}`);
  });

  it('a chain that carries its own root is refused: trust comes only from the trusted root', async () => {
    const r = await verify(instance.signMessage(artifact, { bundleVersion: '0.2', material: 'chain' }));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'cert.decode', code: 'CHAIN_CONTAINS_ROOT' });
  });

  it('a duplicated log entry never counts twice toward a threshold of two', async () => {
    const r = await verify(instance.signMessage(artifact, { faults: { duplicateTlogEntry: true } }), { thresholds: { tlog: 2 } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'tlog.body', code: 'TLOG_THRESHOLD' });
  });

  it('a duplicated timestamp never counts twice toward a threshold of two', async () => {
    const signed = instance.signMessage(artifact, { rekor: 'v2', faults: { duplicateTimestamp: true } });
    expect((await verify(signed)).verdict).toBe('verified');
    const r = await verify(signed, { thresholds: { timestamps: 2 } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'time.validity', code: 'TIMESTAMP_THRESHOLD' });
  });

  it('a bundle with no log entry fails the log threshold', async () => {
    const r = await verify(instance.signMessage(artifact, { rekor: 'none', tsa: true }));
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'tlog.body', code: 'TLOG_ENTRY_MISSING' });
  });

  it('a negative threshold is refused before anything is checked', async () => {
    const r = await verify(instance.signMessage(artifact), { thresholds: { tlog: -1 } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'bundle.parse', code: 'UNSAFE_OPTION' });
  });
});

describe('policy', () => {
  const signed = instance.signMessage(artifact, { identity: githubWorkflowIdentity({ repository: 'acme/app', workflowPath: '.github/workflows/release.yml', ref: 'refs/tags/v1.0.0', sha: 'a'.repeat(40), trigger: 'push' }) });
  const san = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.0.0';
  const issuer = { exact: DEFAULT_IDENTITY.issuer };

  it('a wrong identity fails at policy.identity naming both identities', async () => {
    const r = await verify(signed, { policy: { kind: 'identity', identity: { identity: { exact: 'mallory@example.com' }, issuer } } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'policy.identity', code: 'POLICY_IDENTITY_MISMATCH' });
    expect(r.headline).toContain('mallory@example.com');
    expect(r.headline).toContain(san);
    expect(r.steps.filter((s) => s.status === 'fail').map((s) => s.id)).toEqual(['policy.identity']);
  });

  it('regular expressions and workflow claims with cosign semantics', async () => {
    const ok = await verify(signed, { policy: { kind: 'identity', identity: { identity: { regexp: 'https://github\\.com/acme/app/.+' }, issuer, claims: { githubWorkflowRepository: 'acme/app', githubWorkflowTrigger: 'push', githubWorkflowSha: 'a'.repeat(40) } } } });
    expect(ok.verdict).toBe('verified');
    const claim = await verify(signed, { policy: { kind: 'identity', identity: { identity: { exact: san }, issuer, claims: { githubWorkflowRef: 'refs/heads/main' } } } });
    expect(failure(claim)).toEqual({ verdict: 'failed', step: 'policy.identity', code: 'POLICY_CLAIM_MISMATCH' });
    const wrongIssuer = await verify(signed, { policy: { kind: 'identity', identity: { identity: { exact: san }, issuer: { exact: 'https://accounts.google.com' } } } });
    expect(failure(wrongIssuer).code).toBe('POLICY_ISSUER_MISMATCH');
  });

  it('inspect-only runs every check but can only be incomplete, and says identity was not checked', async () => {
    const r = await verify(signed, { policy: { kind: 'inspect' } });
    expect(r.verdict).toBe('incomplete');
    expect(r.steps.find((s) => s.id === 'policy.identity')!.status).toBe('warn');
    expect(r.headline).toContain('Identity was not checked');
  });

  it('no artifact at all is incomplete, never verified', async () => {
    const r = await verify(signed, { artifact: null, policy: { kind: 'identity', identity: { identity: { exact: san }, issuer } } });
    expect(r.verdict).toBe('incomplete');
    expect(r.steps.find((s) => s.id === 'artifact.bind')!.status).toBe('warn');
  });

  it('the attestation predicate type is enforced when asked for', async () => {
    const r = await verify(dsse(), { policy: { ...identityPolicy, predicateType: 'https://spdx.dev/Document' } });
    expect(failure(r)).toEqual({ verdict: 'failed', step: 'policy.attestation', code: 'POLICY_PREDICATE_MISMATCH' });
    expect(r.steps.find((s) => s.id === 'policy.attestation')!.summary).toBe('none of the attestations matched the predicate type: https://spdx.dev/Document, found: https://slsa.dev/provenance/v1');
  });

  it('cosign --type aliases select the predicate type', async () => {
    expect((await verify(dsse(), { policy: { ...identityPolicy, predicateType: 'slsaprovenance1' } })).verdict).toBe('verified');
    expect(failure(await verify(dsse(), { policy: { ...identityPolicy, predicateType: 'slsaprovenance' } })).code).toBe('POLICY_PREDICATE_MISMATCH');
    expect(failure(await verify(dsse(), { policy: { ...identityPolicy, predicateType: 'not a type' } })).code).toBe('POLICY_INVALID');
  });

  it('a key-signed bundle under an identity policy, and a certificate under another key, both fail', async () => {
    const keyed = instance.signMessage(artifact, { material: 'publicKey' });
    expect(failure(await verify(keyed)).code).toBe('KEY_MISSING');
    const other = instance.signMessage(artifact, { material: 'publicKey' });
    const wrongKey = await verify(keyed, { policy: { kind: 'key', publicKey: other.publicKeyPem } });
    expect(failure(wrongKey)).toMatchObject({ verdict: 'failed', step: 'signature', code: 'SIGNATURE_INVALID' });
  });

  it('a certificate bundle under --key is checked with the key given, never only with the certificate\'s own', async () => {
    const signed = instance.signMessage(artifact);
    const other = instance.signMessage(artifact, { material: 'publicKey' });
    const r = await verify(signed, { policy: { kind: 'key', publicKey: other.publicKeyPem } });
    expect(statuses(r)).toMatchObject({ 'cert.decode': 'pass', signature: 'fail', 'policy.identity': 'fail' });
    expect(r.steps.find((s) => s.id === 'policy.identity')!.code).toBe('KEY_MISMATCH');
  });

  it('a SAN holding markup is carried as plain text, never interpreted', async () => {
    const xss = '<img src=x onerror=alert(1)>@example.com';
    const r = await verify(instance.signMessage(artifact, { identity: { san: { email: xss }, issuer: 'https://accounts.google.com' } }), {
      policy: { kind: 'identity', identity: { identity: { exact: xss }, issuer: { exact: 'https://accounts.google.com' } } },
    });
    expect(r.verdict).toBe('verified');
    expect(r.steps.find((s) => s.id === 'cert.decode')!.evidence).toContainEqual({ kind: 'text', label: 'SAN (email)', value: xss });
  });
});
