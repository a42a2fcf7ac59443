// Bundles of every real-world class made by the test Sigstore instance, each with the verdict, step and code it must
// get: plain data, so the same cases run in Node (vitest) and in Chromium (e2e).
import { createHash } from 'node:crypto';
import { createTestInstance, DEFAULT_IDENTITY, inTotoStatement, type SignResult, type TrustedRootJson } from './sigstore/index.ts';

export interface ClassCase {
  /** The class of real-world bundle it stands for, e.g. 'sha512 subject'. */
  kind: string;
  name: string;
  bundle: string;
  trustedRoot: TrustedRootJson;
  /** The artifact as hex bytes, or a digest label as a user types it (sha512:…). */
  artifact: { hex: string } | { digest: string } | null;
  identity: string;
  issuer: string;
  thresholds?: { tlog?: number; sct?: number; timestamps?: number };
  useSignedTimestamps?: boolean;
  expect: { verdict: 'verified' | 'failed'; step?: string; code?: string; warn?: string[] };
}

const ARTIFACT = new TextEncoder().encode('signet real-world artifact\n');
const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

// Every class case, freshly signed.
export function buildClassCases(): ClassCase[] {
  const main = createTestInstance();
  const root = main.trustedRoot();
  const identity = (DEFAULT_IDENTITY.san as { uri: string }).uri;
  const issuer = DEFAULT_IDENTITY.issuer;
  const file = { hex: hexOf(ARTIFACT) };
  const base = { trustedRoot: root, identity, issuer, artifact: file };
  const json = (s: SignResult) => JSON.stringify(s.bundle);
  const ok = { verdict: 'verified' as const };
  const fails = (step: string, code: string) => ({ verdict: 'failed' as const, step, code });

  const sha512Only = inTotoStatement([{ name: 'pkg.tgz', digest: { sha512: sha('sha512', ARTIFACT) } }]);
  const privateInstance = createTestInstance({ rekorV1: { host: 'rekor.rekor-system.10.0.0.1.sslip.io', signerName: 'rekor-00001-deployment-7f9c5d-abcde' } });
  const noLogRoot: TrustedRootJson = { ...root, tlogs: [], ctlogs: [] };
  const github = (o: { faults?: Record<string, boolean> } = {}) =>
    json(main.signDsse(inTotoStatement([{ name: 'app.jar', artifact: ARTIFACT }]), { rekor: 'none', tsa: true, faults: { noSct: true, ...o.faults } }));
  const upn = { san: { otherName: 'octo!oidc.signet.test' }, issuer: 'https://oidc.signet.test' };

  return [
    { ...base, kind: 'sha512 subject', name: 'a sha512-only in-toto subject matches the file hashed with SHA-512', bundle: json(main.signDsse(sha512Only)), expect: ok },
    { ...base, kind: 'sha512 subject', name: 'a sha512-only subject matches a sha512: digest', bundle: json(main.signDsse(sha512Only)), artifact: { digest: `sha512:${sha('sha512', ARTIFACT)}` }, expect: ok },
    { ...base, kind: 'sha512 subject', name: 'another sha512: digest is in no subject', bundle: json(main.signDsse(sha512Only)), artifact: { digest: `sha512:${sha('sha512', new Uint8Array(1))}` }, expect: fails('artifact.bind', 'ARTIFACT_NOT_IN_SUBJECTS') },
    { ...base, kind: 'sha512 subject', name: 'a message digest in SHA-512 matches a sha512: digest', bundle: json(main.signMessage(ARTIFACT, { messageHash: 'sha512' })), artifact: { digest: `sha512:${sha('sha512', ARTIFACT)}` }, expect: ok },
    { ...base, kind: 'curve and hash', name: 'a P-384 key over a SHA-256 message digest verifies over the file', bundle: json(main.signMessage(ARTIFACT, { keyAlgorithm: 'ecdsa-p384', messageHash: 'sha256' })), expect: ok },
    { ...base, kind: 'curve and hash', name: 'a P-384 key over a SHA-256 digest verifies given only sha256:', bundle: json(main.signMessage(ARTIFACT, { keyAlgorithm: 'ecdsa-p384', messageHash: 'sha256' })), artifact: { digest: `sha256:${sha('sha256', ARTIFACT)}` }, expect: ok },
    { ...base, kind: 'curve and hash', name: 'a P-384/SHA-256 signature over other bytes fails at signature', bundle: json(main.signMessage(ARTIFACT, { keyAlgorithm: 'ecdsa-p384', messageHash: 'sha256', faults: { badSignature: true } })), expect: fails('signature', 'SIGNATURE_INVALID') },
    { ...base, kind: 'Rekor v2 public key', name: 'a Rekor v2 entry recording the certificate key as publicKey matches', bundle: json(main.signMessage(ARTIFACT, { rekor: 'v2', v2LogsPublicKey: true })), expect: ok },
    { ...base, kind: 'Rekor v2 public key', name: 'a Rekor v2 entry recording another public key fails at tlog.body', bundle: json(main.signMessage(ARTIFACT, { rekor: 'v2', faults: { loggedOtherPublicKey: true } })), expect: fails('tlog.body', 'TLOG_BODY_MISMATCH') },
    { ...base, kind: 'DSSE as hashedrekord', name: 'DSSE logged as Rekor v1 hashedrekord 0.0.1 over the PAE verifies', bundle: json(main.signDsse(inTotoStatement([{ name: 'a', artifact: ARTIFACT }]), { entryKind: 'hashedrekord' })), expect: ok },
    { ...base, kind: 'DSSE as hashedrekord', name: 'DSSE as hashedrekord logging another PAE fails at tlog.body', bundle: json(main.signDsse(inTotoStatement([{ name: 'a', artifact: ARTIFACT }]), { entryKind: 'hashedrekord', faults: { bodyMismatch: true } })), expect: fails('tlog.body', 'TLOG_BODY_MISMATCH') },
    { ...base, kind: 'private-instance checkpoint', name: 'a checkpoint signed under a name other than the URL host verifies by key hint', trustedRoot: privateInstance.trustedRoot(), bundle: json(privateInstance.signMessage(ARTIFACT)), expect: ok },
    { ...base, kind: 'private-instance checkpoint', name: 'a forged checkpoint signature under that name and hint fails', trustedRoot: privateInstance.trustedRoot(), bundle: json(privateInstance.signMessage(ARTIFACT, { faults: { badCheckpointSignature: true } })), expect: fails('tlog.checkpoint', 'CHECKPOINT_SIGNATURE_INVALID') },
    { ...base, kind: 'missing checkpoint', name: 'a v0.1 inclusion proof without a checkpoint fails at tlog.inclusion', bundle: json(main.signMessage(ARTIFACT, { bundleVersion: '0.1', faults: { noCheckpoint: true } })), expect: fails('tlog.inclusion', 'CHECKPOINT_MISSING') },
    { ...base, kind: 'missing checkpoint', name: 'a v0.1 bundle with no proof at all rests on its SET', bundle: json(main.signMessage(ARTIFACT, { bundleVersion: '0.1', faults: { noInclusionProof: true } })), expect: ok },
    { ...base, kind: 'no transparency log', name: 'a TSA-only bundle verifies when the log and SCT are waived, each shown as warn', trustedRoot: noLogRoot, bundle: github(), thresholds: { tlog: 0, sct: 0 }, useSignedTimestamps: true, expect: { ...ok, warn: ['cert.sct', 'tlog.body'] } },
    { ...base, kind: 'no transparency log', name: 'the same bundle without any weakening fails at cert.sct', trustedRoot: noLogRoot, bundle: github(), expect: fails('cert.sct', 'SCT_MISSING') },
    { ...base, kind: 'no transparency log', name: 'with only the SCT waived it fails at tlog.body', trustedRoot: noLogRoot, bundle: github(), thresholds: { sct: 0 }, expect: { ...fails('tlog.body', 'TLOG_ENTRY_MISSING'), warn: ['cert.sct'] } },
    { ...base, kind: 'no transparency log', name: 'with the log waived, an untrusted TSA still fails', trustedRoot: noLogRoot, bundle: github({ faults: { tsaUntrusted: true } }), thresholds: { tlog: 0, sct: 0 }, expect: { ...fails('timestamp.rfc3161', 'TSA_UNTRUSTED'), warn: ['cert.sct', 'tlog.body'] } },
    { ...base, kind: 'no transparency log', name: '--use-signed-timestamps fails a bundle whose only time is a log entry', bundle: json(main.signMessage(ARTIFACT)), useSignedTimestamps: true, expect: fails('time.validity', 'TIMESTAMP_THRESHOLD') },
    { ...base, kind: 'otherName SAN', name: 'an otherName (username) SAN matches like an email or URI', identity: upn.san.otherName, issuer: upn.issuer, bundle: json(main.signMessage(ARTIFACT, { identity: upn })), expect: ok },
    { ...base, kind: 'otherName SAN', name: 'an otherName SAN is not its email look-alike', identity: 'octo@oidc.signet.test', issuer: upn.issuer, bundle: json(main.signMessage(ARTIFACT, { identity: upn })), expect: fails('policy.identity', 'POLICY_IDENTITY_MISMATCH') },
    { ...base, kind: 'threshold evidence', name: 'a log threshold of 2 over one entry fails at tlog.body', bundle: json(main.signMessage(ARTIFACT)), thresholds: { tlog: 2 }, expect: fails('tlog.body', 'TLOG_THRESHOLD') },
  ];
}
