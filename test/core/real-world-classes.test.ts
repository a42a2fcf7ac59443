// Each class of real-world bundle (sha512 subjects, P-384 over SHA-256, Rekor v2 public keys, DSSE as hashedrekord,
// private-instance checkpoints, proofs without checkpoints, no-log instances, otherName SANs, thresholds) passes,
// and fails at exactly its step, on bundles the test Sigstore instance makes.
import { describe, expect, it } from 'vitest';
import { parseDigestLabel, parseTrustedRootJson, verifyBundle, type ArtifactInput, type VerificationResult } from '../../src/core';
import { buildClassCases, type ClassCase } from '../support/real-world-classes';

// The artifact a case gives, as the CLI or app would hand it over.
function artifactOf(c: ClassCase): ArtifactInput | null {
  if (!c.artifact) return null;
  if ('hex' in c.artifact) return { kind: 'bytes', bytes: new Uint8Array(Buffer.from(c.artifact.hex, 'hex')) };
  return { kind: 'digest', ...parseDigestLabel(c.artifact.digest)! };
}

async function run(c: ClassCase): Promise<VerificationResult> {
  return verifyBundle({
    bundle: c.bundle,
    artifact: artifactOf(c),
    policy: { kind: 'identity', identity: { identity: { exact: c.identity }, issuer: { exact: c.issuer } } },
    trustedRoot: parseTrustedRootJson(c.trustedRoot as never, { name: 'test instance', description: 'built in code' }),
    ...(c.thresholds ? { thresholds: c.thresholds } : {}),
    ...(c.useSignedTimestamps ? { useSignedTimestamps: true } : {}),
  });
}

// What a result says, in the shape of a case's expectation.
export function outcome(r: VerificationResult): ClassCase['expect'] {
  const failed = r.steps.find((s) => s.id === r.failedStep);
  const warn = r.steps.filter((s) => s.status === 'warn' && !s.required).map((s) => s.id);
  return { verdict: r.verdict as 'verified' | 'failed', ...(failed ? { step: failed.id, code: failed.code } : {}), ...(warn.length ? { warn } : {}) };
}

const cases = buildClassCases();

describe('real-world bundle classes', () => {
  for (const c of cases) {
    it(`${c.kind}: ${c.name}`, async () => {
      expect(outcome(await run(c))).toEqual(c.expect);
    });
  }

  it('a threshold failure adds to tlog.body: what it checked stays in the record', async () => {
    const c = cases.find((x) => x.expect.code === 'TLOG_THRESHOLD')!;
    const step = (await run(c)).steps.find((s) => s.id === 'tlog.body')!;
    const passing = (await run({ ...c, thresholds: {} })).steps.find((s) => s.id === 'tlog.body')!;
    expect(passing.evidence.length).toBeGreaterThan(3);
    expect(step.evidence.map((e) => e.label)).toEqual(passing.evidence.map((e) => e.label));
    expect(step.detail).toMatchObject({ expected: 'at least 2 distinct verified entries', found: '1' });
  });

  it('each waived check says what was not checked, and the headline names it', async () => {
    const c = cases.find((x) => x.expect.warn)!;
    const r = await run(c);
    expect(r.steps.find((s) => s.id === 'tlog.body')!.summary).toMatch(/nothing shows this signature was ever made public/);
    expect(r.steps.find((s) => s.id === 'cert.sct')!.summary).toMatch(/Certificate Transparency/);
    expect(r.headline).toMatch(/Not checked, as the verifier options asked: cert\.sct, tlog\.body\./);
  });

  it('thresholds outside 0 to 16 are refused at bundle.parse', async () => {
    for (const tlog of [-1, 1.5, 17]) {
      const r = await run({ ...cases[0]!, thresholds: { tlog } });
      expect(outcome(r)).toEqual({ verdict: 'failed', step: 'bundle.parse', code: 'UNSAFE_OPTION' });
    }
  });
});
