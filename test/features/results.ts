// Verification results for the feature tests: the real production bundle, and bundles signed by the test instance.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseTrustedRootJson, publicGoodTrustedRoot, verifyBundle, type VerificationPolicy, type VerificationResult } from '../../src/core';
import { createTestInstance, inTotoStatement, type SignOptions, type SigningIdentity } from '../support/sigstore';

export const PRODUCTION_SAN = 'kasiramkompella@gmail.com';
export const GOOGLE = 'https://accounts.google.com';
const PRODUCTION_BUNDLE = readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json', 'utf8');
const PRODUCTION_DIGEST = Uint8Array.from(Buffer.from('20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', 'hex'));

// The production Docker Hub bundle verified against the embedded public-good root with the given identity policy.
export function productionResult(san = PRODUCTION_SAN): Promise<VerificationResult> {
  return verifyBundle({
    bundle: PRODUCTION_BUNDLE,
    artifact: { kind: 'digest', algorithm: 'SHA-256', value: PRODUCTION_DIGEST },
    policy: { kind: 'identity', identity: { identity: { exact: san }, issuer: { exact: GOOGLE } } },
    trustedRoot: publicGoodTrustedRoot(),
  });
}

const instance = createTestInstance();
const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'test instance', description: 'built in code' });
const artifact = new TextEncoder().encode('signet feature test artifact\n');
const inspect: VerificationPolicy = { kind: 'inspect' };

// Verify a bundle from the test instance (inspect policy unless another is given).
function verifyTest(bundle: unknown, policy: VerificationPolicy): Promise<VerificationResult> {
  return verifyBundle({ bundle: JSON.stringify(bundle), artifact: { kind: 'bytes', bytes: artifact }, policy, trustedRoot, now: instance.now().getTime() });
}

// A message signature by the given identity (or a key-based one with material: 'publicKey').
export function signedResult(identity: SigningIdentity, options: SignOptions = {}, policy: VerificationPolicy = inspect): Promise<VerificationResult> {
  return verifyTest(instance.signMessage(artifact, { identity, ...options }).bundle, policy);
}

// A key-based signature verified with its key: no certificate, nothing to pin.
export function keyBasedResult(): Promise<VerificationResult> {
  const signed = instance.signMessage(artifact, { material: 'publicKey' });
  return verifyTest(signed.bundle, { kind: 'key', publicKey: signed.publicKeyPem });
}

// A DSSE in-toto attestation with the given predicate type.
export function attestationResult(identity: SigningIdentity, predicateType: string): Promise<VerificationResult> {
  const sha256 = createHash('sha256').update(artifact).digest('hex');
  return verifyTest(instance.signDsse(inTotoStatement([{ name: 'artifact.txt', digest: { sha256 } }], predicateType), { identity }).bundle, inspect);
}
