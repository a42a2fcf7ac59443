// The engine on attestations: the record carries the predicate's view, policy.attestation compares a
// provenance with the signing certificate, and an oversized statement is refused with the limit.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { LIMITS, parseTrustedRootJson, verifyBundle, type VerificationPolicy } from '../../../src/core';
import { createTestInstance, githubWorkflowIdentity, inTotoStatement } from '../../support/sigstore';
import { githubProvenance, npmSbom, SOURCE } from '../../support/attestations/predicates';

const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const artifact = new TextEncoder().encode('release tarball\n');
const subject = [{ name: 'octo-app.tgz', digest: { sha256: createHash('sha256').update(artifact).digest('hex') } }];
const identity = githubWorkflowIdentity(SOURCE);
const policy: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: (identity.san as { uri: string }).uri }, issuer: { exact: identity.issuer } } };

const verify = (statement: Record<string, unknown>, p: VerificationPolicy = policy) =>
  verifyBundle({ bundle: JSON.stringify(instance.signDsse(statement, { identity }).bundle), artifact: { kind: 'bytes', bytes: artifact }, policy: p, trustedRoot, now: instance.now().getTime() });

describe('attestations in the engine', () => {
  it('a provenance that agrees with the certificate verifies, and its view is on the record', async () => {
    const r = await verify(inTotoStatement(subject, 'https://slsa.dev/provenance/v1', githubProvenance()));
    expect(r.verdict).toBe('verified');
    const step = r.steps.find((s) => s.id === 'policy.attestation')!;
    expect([step.status, step.required]).toEqual(['pass', false]);
    expect(r.attestation).toMatchObject({ predicateType: 'https://slsa.dev/provenance/v1', alias: 'slsaprovenance1', typeName: 'SLSA provenance v1', totalSubjects: 1 });
    expect(r.attestation!.view).toMatchObject({ kind: 'provenance', sourceCommit: SOURCE.sha });
  });

  it('a provenance naming another repository than the certificate warns with both values', async () => {
    const forked = inTotoStatement(subject, 'https://slsa.dev/provenance/v1', githubProvenance({ ...SOURCE, repository: 'mallory/octo-app' }));
    const r = await verify(forked);
    const step = r.steps.find((s) => s.id === 'policy.attestation')!;
    expect(step.status).toBe('warn');
    expect(step.summary).toContain('git+https://github.com/mallory/octo-app@refs/heads/main');
    expect(step.summary).toContain('https://github.com/octo-org/octo-app');
    expect(r.verdict).toBe('verified');
    // Asked for provenance, the disagreement keeps the verdict from "verified".
    const asked = await verify(forked, { ...policy, predicateType: 'slsaprovenance1' });
    expect([asked.verdict, asked.steps.find((s) => s.id === 'policy.attestation')!.status]).toEqual(['incomplete', 'warn']);
  });

  it('an SBOM attestation of a file carries its package table', async () => {
    const r = await verify(inTotoStatement(subject, 'https://spdx.dev/Document', npmSbom('spdx')), { ...policy, predicateType: 'spdxjson' });
    expect(r.verdict).toBe('verified');
    expect(r.attestation!.view).toMatchObject({ kind: 'sbom', format: 'SPDX' });
  });

  // A signed bundle whose envelope payload is replaced (the checks that matter here run before the signature's).
  const withPayload = (statement: string) => {
    const bundle = instance.signDsse(inTotoStatement(subject, 'https://example.com/p', {}), { identity }).bundle as unknown as { dsseEnvelope: { payload: string } };
    bundle.dsseEnvelope.payload = Buffer.from(statement).toString('base64');
    return verifyBundle({ bundle: JSON.stringify(bundle), artifact: { kind: 'bytes', bytes: artifact }, policy, trustedRoot, now: instance.now().getTime() });
  };

  it('a statement over the attestation limit is refused at bundle.parse, naming the limit', async () => {
    const r = await withPayload(JSON.stringify(inTotoStatement(subject, 'https://example.com/p', { blob: 'x'.repeat(LIMITS.attestationBytes) })));
    const parse = r.steps[0]!;
    expect([r.verdict, parse.id, parse.code]).toEqual(['failed', 'bundle.parse', 'LIMIT_EXCEEDED']);
    expect(parse.summary).toMatch(/attestations of up to 64 MiB are read/);
  }, 60_000);

  it('100,000 subjects are refused with a clear limit error', async () => {
    const r = await withPayload(JSON.stringify(inTotoStatement(Array.from({ length: 100_000 }, (_, i) => ({ name: `f${i}`, digest: { sha256: 'ab'.repeat(32) } })), 'https://example.com/p', {})));
    const bind = r.steps.find((s) => s.id === 'artifact.bind')!;
    expect([bind.status, bind.code]).toEqual(['fail', 'LIMIT_EXCEEDED']);
    expect(r.attestation).toBeUndefined();
  }, 60_000);
});
