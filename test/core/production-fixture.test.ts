// The real production bundle (Docker Hub, public-good Sigstore, June 2026) against the embedded root.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { publicGoodTrustedRoot, verifyBundle, type VerificationPolicy } from '../../src/core';

const BUNDLE = readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json', 'utf8');
const IMAGE_DIGEST = Uint8Array.from(Buffer.from('20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', 'hex'));
const GOOGLE = 'https://accounts.google.com';

const verify = (policy: VerificationPolicy) =>
  verifyBundle({ bundle: BUNDLE, artifact: { kind: 'digest', algorithm: 'SHA-256', value: IMAGE_DIGEST }, policy, trustedRoot: publicGoodTrustedRoot() });
const identity = (san: string, issuer = GOOGLE): VerificationPolicy => ({ kind: 'identity', identity: { identity: { exact: san }, issuer: { exact: issuer } } });

describe('production Docker Hub bundle', () => {
  it('verifies with the identity its certificate holds, every required step passing', async () => {
    const inspect = await verify({ kind: 'inspect' });
    const san = inspect.steps.find((s) => s.id === 'cert.decode')!.evidence.find((e) => e.label === 'SAN (email)')!;
    expect(san.value).toBe('kasiramkompella@gmail.com');
    const r = await verify(identity(san.value as string));
    expect(r.verdict).toBe('verified');
    expect(r.steps.filter((s) => s.status === 'pass').map((s) => s.id)).toEqual([
      'bundle.parse', 'artifact.bind', 'cert.decode', 'cert.chain', 'cert.sct', 'signature', 'tlog.body', 'tlog.set',
      'tlog.inclusion', 'tlog.checkpoint', 'timestamp.rfc3161', 'time.validity', 'policy.identity',
    ]);
    expect(r.trust.name).toBe('Sigstore public-good instance');
  });

  it('fails at policy.identity, and only there, with any other identity or issuer', async () => {
    for (const policy of [identity('someone@example.com'), identity('kasiramkompella@gmail.com', 'https://github.com/login/oauth'), identity('KASIRAMKOMPELLA@gmail.com')]) {
      const r = await verify(policy);
      expect(r.verdict).toBe('failed');
      expect(r.failedStep).toBe('policy.identity');
      expect(r.steps.filter((s) => s.status === 'fail').map((s) => s.id)).toEqual(['policy.identity']);
    }
  });

  it('fails at artifact.bind for another image digest', async () => {
    const other = IMAGE_DIGEST.slice();
    other[0] = other[0]! ^ 1;
    const r = await verifyBundle({ bundle: BUNDLE, artifact: { kind: 'digest', algorithm: 'SHA-256', value: other }, policy: identity('kasiramkompella@gmail.com'), trustedRoot: publicGoodTrustedRoot() });
    expect(r.failedStep).toBe('artifact.bind');
  });
});
