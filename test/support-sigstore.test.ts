// The in-memory Sigstore instance is faithful: its bundles verify with an independent verifier
// (@sigstore/verify), its faults are rejected there, and its byte formats follow the specs.
import { verify as nodeVerify, constants } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { PublicKey, TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDENTITY,
  createTestInstance,
  inTotoStatement,
  pae,
  type BundleJson,
  type Faults,
  type SignOptions,
  type SignResult,
} from './support/sigstore/index.ts';
import { canonicalJson } from './support/sigstore/canonical-json.ts';
import { children, oid } from './support/sigstore/der.ts';
import { hex, sha256 } from './support/sigstore/keys.ts';
import { MerkleTree, leafHash, nodeHash } from './support/sigstore/merkle.ts';
import { OID, tbsOf, tbsWithoutExtension } from './support/sigstore/x509.ts';

const instance = createTestInstance();
const artifact = new TextEncoder().encode('signet test artifact\n');
const statement = inTotoStatement([{ name: 'artifact.txt', artifact }]);
const policy = {
  subjectAlternativeName: (DEFAULT_IDENTITY.san as { uri: string }).uri,
  extensions: { issuer: DEFAULT_IDENTITY.issuer },
};

// Verifies a signing result with @sigstore/verify against the instance's trusted root.
function oracle(result: SignResult, data: Uint8Array | undefined = artifact, tlogThreshold = 1): void {
  const keys = result.bundle.verificationMaterial.publicKey
    ? { [result.keyHint]: PublicKey.fromJSON({ rawBytes: Buffer.from(result.key.spki).toString('base64'), keyDetails: result.key.keyDetails }) }
    : undefined;
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(instance.trustedRoot()), keys), { tlogThreshold });
  const entity = toSignedEntity(bundleFromJSON(result.bundle), data ? Buffer.from(data) : undefined);
  verifier.verify(entity, result.bundle.verificationMaterial.publicKey ? undefined : policy);
}

// The error code @sigstore/verify reports for a result, or 'verified'.
function oracleCode(result: SignResult, data?: Uint8Array): string {
  try {
    oracle(result, data);
    return 'verified';
  } catch (e) {
    return String((e as { code?: string }).code ?? (e as Error).message);
  }
}

// Decoded canonicalized body of the first tlog entry.
function firstBody(bundle: BundleJson): Record<string, unknown> {
  const entry = bundle.verificationMaterial.tlogEntries[0];
  return JSON.parse(Buffer.from(entry?.canonicalizedBody ?? '', 'base64').toString('utf8')) as Record<string, unknown>;
}

describe('happy paths verify with @sigstore/verify', () => {
  const messageCases: [string, SignOptions][] = [
    ['v0.1 message, Rekor v1', { bundleVersion: '0.1' }],
    ['v0.2 message, Rekor v1', { bundleVersion: '0.2' }],
    ['v0.2 message with the full chain', { bundleVersion: '0.2', material: 'chain' }],
    ['v0.3 message, Rekor v1', { bundleVersion: '0.3' }],
    ['v0.3 message, legacy media type', { bundleVersion: '0.3', legacyMediaType: true }],
    ['v0.3 message, Rekor v1 and TSA', { tsa: true }],
    ['v0.3 message, Rekor v2 and TSA', { rekor: 'v2' }],
    ['v0.3 message, TSA only', { rekor: 'none', tsa: true }],
    ['v0.3 message, TSA without embedded certificate', { rekor: 'v2', tsaEmbedCertificate: false }],
    ['v0.3 message, SCT with extensions', { sctExtensions: Uint8Array.of(0, 0, 5, 0, 0, 0, 0, 42) }],
    ['v0.3 message, P-384 leaf key', { keyAlgorithm: 'ecdsa-p384' }],
    ['v0.3 message, email identity', { identity: { san: { email: 'dev@signet.test' }, issuer: DEFAULT_IDENTITY.issuer } }],
  ];
  it.each(messageCases)('%s', (_name, options) => {
    const result = instance.signMessage(artifact, options);
    if (options.identity) {
      const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(instance.trustedRoot())));
      const signer = verifier.verify(toSignedEntity(bundleFromJSON(result.bundle), Buffer.from(artifact)));
      expect(signer.identity?.subjectAlternativeName).toBe('dev@signet.test');
      return;
    }
    expect(() => oracle(result, artifact, options.rekor === 'none' ? 0 : 1)).not.toThrow();
  });

  const dsseCases: [string, SignOptions][] = [
    ['v0.3 DSSE, Rekor v1 dsse 0.0.1', { entryKind: 'dsse' }],
    ['v0.3 DSSE, Rekor v1 intoto 0.0.2', { entryKind: 'intoto' }],
    ['v0.2 DSSE, Rekor v1 dsse 0.0.1', { bundleVersion: '0.2', entryKind: 'dsse' }],
    ['v0.3 DSSE, Rekor v2 dsse 0.0.2 and TSA', { rekor: 'v2', entryKind: 'dsse' }],
  ];
  it.each(dsseCases)('%s', (_name, options) => {
    expect(() => oracle(instance.signDsse(statement, options), undefined)).not.toThrow();
  });

  // The oracle verifies message signatures with the digest's hash and PKCS#1 v1.5 padding, so
  // Ed25519 and RSA-PSS keyed bundles are checked with node:crypto below instead.
  it('keyed signing with a public key hint (ECDSA P-256/P-384/P-521, RSA PKCS#1 2048)', () => {
    for (const keyAlgorithm of ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-pkcs1-2048'] as const) {
      const result = instance.signMessage(artifact, { material: 'publicKey', keyAlgorithm });
      expect(result.bundle.verificationMaterial.publicKey?.hint).toBe(result.keyHint);
      expect(result.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(() => oracle(result), keyAlgorithm).not.toThrow();
    }
  });

  it('a CA with RSA keys issues verifiable leaves', () => {
    const rsaInstance = createTestInstance({ caKeyAlgorithm: 'rsa-pkcs1-2048' });
    const result = rsaInstance.signMessage(artifact);
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(rsaInstance.trustedRoot())));
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(result.bundle), Buffer.from(artifact)), policy)).not.toThrow();
  });

  it('a Rekor v2 checkpoint cosigned by witnesses still verifies', () => {
    const witnessed = createTestInstance({ rekorV2: { witnesses: ['witness-a.signet.test', 'witness-b.signet.test'] } });
    const result = witnessed.signMessage(artifact, { rekor: 'v2' });
    const envelope = result.bundle.verificationMaterial.tlogEntries[0]?.inclusionProof?.checkpoint?.envelope ?? '';
    expect(envelope.match(/^\u2014 /gm)).toHaveLength(3);
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(witnessed.trustedRoot())));
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(result.bundle), Buffer.from(artifact)))).not.toThrow();
  });
});

describe('faults are rejected by @sigstore/verify', () => {
  const cases: [keyof Faults, SignOptions, string][] = [
    ['wrongCaKey', {}, 'CERTIFICATE_ERROR'],
    ['sctFromUnknownLog', {}, 'CERTIFICATE_ERROR'],
    ['badSctSignature', {}, 'CERTIFICATE_ERROR'],
    ['noSct', {}, 'CERTIFICATE_ERROR'],
    ['leafExpiredAtLogTime', {}, 'CERTIFICATE_ERROR'],
    ['badSignature', {}, 'SIGNATURE_ERROR'],
    ['messageDigestMismatch', {}, 'SIGNATURE_ERROR'],
    ['bodyMismatch', {}, 'TLOG_BODY_ERROR'],
    ['badSet', {}, 'TLOG_INCLUSION_PROMISE_ERROR'],
    ['badInclusionProof', {}, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['checkpointRootMismatch', {}, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['badCheckpointSignature', {}, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['checkpointForeignOriginOnly', {}, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['badCheckpointSignature', { rekor: 'v2' }, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['badInclusionProof', { rekor: 'v2' }, 'TLOG_INCLUSION_PROOF_ERROR'],
    ['tsaUntrusted', { rekor: 'v2' }, 'TIMESTAMP_ERROR'],
    ['tsaImprintMismatch', { rekor: 'v2' }, 'TIMESTAMP_ERROR'],
    ['tsaTimeOutsideCert', { rekor: 'v2' }, 'CERTIFICATE_ERROR'],
    ['duplicateTimestamp', { rekor: 'v2' }, 'TIMESTAMP_ERROR'],
    ['duplicateTlogEntry', {}, 'TIMESTAMP_ERROR'],
  ];
  it.each(cases)('%s %j → %s', (fault, options, code) => {
    const result = instance.signMessage(artifact, { ...options, faults: { [fault]: true } });
    expect(oracleCode(result)).toBe(code);
  });

  it('a DSSE signature over another payload fails', () => {
    expect(oracleCode(instance.signDsse(statement, { faults: { badSignature: true } }), undefined)).toBe('SIGNATURE_ERROR');
  });

  it('a dsse body for another envelope fails', () => {
    expect(oracleCode(instance.signDsse(statement, { faults: { bodyMismatch: true } }), undefined)).toBe('TLOG_BODY_ERROR');
  });
});

describe('faults that the oracle does not check are still well formed', () => {
  it('integratedTimeInFuture: SET-signed time five minutes ahead, inside the leaf validity', () => {
    const result = instance.signMessage(artifact, { faults: { integratedTimeInFuture: true } });
    const entry = result.bundle.verificationMaterial.tlogEntries[0];
    expect(Number(entry?.integratedTime)).toBe(Math.floor(result.signedAt.getTime() / 1000) + 300);
    expect(oracleCode(result)).toBe('verified');
  });

  it('dsseSubjectMismatch: a valid envelope whose subject names other bytes', () => {
    const result = instance.signDsse(statement, { faults: { dsseSubjectMismatch: true } });
    expect(oracleCode(result, undefined)).toBe('verified');
    const payload = JSON.parse(Buffer.from(result.bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'));
    expect(payload.subject[0].digest.sha256).not.toBe(hex(sha256(artifact)));
  });

  it('noInclusionProof / noInclusionPromise drop exactly that field', () => {
    const noProof = instance.signMessage(artifact, { faults: { noInclusionProof: true } }).bundle.verificationMaterial.tlogEntries[0];
    const noPromise = instance.signMessage(artifact, { faults: { noInclusionPromise: true } }).bundle.verificationMaterial.tlogEntries[0];
    expect(noProof?.inclusionProof).toBeUndefined();
    expect(noProof?.inclusionPromise).toBeDefined();
    expect(noPromise?.inclusionPromise).toBeUndefined();
    expect(noPromise?.inclusionProof).toBeDefined();
  });
});

describe('byte formats', () => {
  it('removing the SCT extension from the final TBS gives the precertificate TBS without poison', () => {
    const result = instance.signMessage(artifact);
    const finalTbs = tbsWithoutExtension(tbsOf(result.certificate!), OID.ctSctList);
    const signedTbs = tbsWithoutExtension(tbsOf(result.precertificate!), OID.ctPoison);
    expect(hex(finalTbs)).toBe(hex(signedTbs));
    expect(hex(tbsOf(result.certificate!))).toContain(hex(oid(OID.ctSctList)));
    expect(hex(tbsOf(result.precertificate!))).toContain(hex(oid(OID.ctPoison)));
  });

  it('Rekor v1 checkpoint: "<host> - <treeID>" origin, ECDSA line with SHA-256(SPKI) key hint', () => {
    const entry = instance.signMessage(artifact).bundle.verificationMaterial.tlogEntries[0]!;
    const envelope = entry.inclusionProof!.checkpoint!.envelope;
    const match = /^(rekor\.signet\.test - \d+)\n(\d+)\n([A-Za-z0-9+/=]+)\n\n\u2014 rekor\.signet\.test (\S+)\n$/.exec(envelope);
    expect(match).not.toBeNull();
    expect(match?.[2]).toBe(entry.inclusionProof!.treeSize);
    expect(match?.[3]).toBe(entry.inclusionProof!.rootHash);
    const sigBytes = Buffer.from(match?.[4] ?? '', 'base64');
    expect(hex(sigBytes.subarray(0, 4))).toBe(hex(sha256(instance.rekorV1.key.spki).subarray(0, 4)));
    expect(entry.logId.keyId).toBe(Buffer.from(sha256(instance.rekorV1.key.spki)).toString('base64'));
  });

  it('Rekor v2 checkpoint: bare origin, Ed25519 line whose hint starts the C2SP key ID', () => {
    const entry = instance.signMessage(artifact, { rekor: 'v2' }).bundle.verificationMaterial.tlogEntries[0]!;
    const lines = entry.inclusionProof!.checkpoint!.envelope.split('\n');
    expect(lines[0]).toBe(instance.rekorV2.origin);
    const sigBytes = Buffer.from(lines[4]?.split(' ')[2] ?? '', 'base64');
    expect(sigBytes.length).toBe(4 + 64);
    expect(hex(sigBytes.subarray(0, 4))).toBe(hex(instance.rekorV2.logId.subarray(0, 4)));
    expect(entry.integratedTime).toBeUndefined();
    expect(entry.inclusionPromise).toBeUndefined();
  });

  it('bodies are canonical JSON with the field names Rekor writes', () => {
    const v1 = firstBody(instance.signMessage(artifact).bundle);
    expect(Object.keys((v1['spec'] as Record<string, unknown>) ?? {})).toEqual(['data', 'signature']);
    const v2Bundle = instance.signDsse(statement, { rekor: 'v2', entryKind: 'hashedrekord' }).bundle;
    const v2 = firstBody(v2Bundle) as { spec: { hashedRekordV002: { data: { digest: string } } } };
    const env = v2Bundle.dsseEnvelope!;
    const paeDigest = sha256(pae(env.payloadType, Buffer.from(env.payload, 'base64')));
    expect(v2.spec.hashedRekordV002.data.digest).toBe(Buffer.from(paeDigest).toString('base64'));
    for (const bundle of [v2Bundle, instance.signDsse(statement, { entryKind: 'intoto' }).bundle]) {
      const raw = Buffer.from(bundle.verificationMaterial.tlogEntries[0]!.canonicalizedBody, 'base64').toString('utf8');
      expect(canonicalJson(JSON.parse(raw))).toBe(raw);
    }
  });

  it('TSA token: TimeStampResp with granted status around SignedData', () => {
    const bundle = instance.signMessage(artifact, { rekor: 'v2' }).bundle;
    const token = Buffer.from(bundle.verificationMaterial.timestampVerificationData!.rfc3161Timestamps[0]!.signedTimestamp, 'base64');
    const [status, contentInfo] = children(new Uint8Array(token));
    expect(hex(status!)).toBe('3003020100');
    expect(hex(children(contentInfo!)[0]!)).toBe(hex(oid('1.2.840.113549.1.7.2')));
  });

  it('keyed signatures of every algorithm verify with node:crypto', () => {
    const cases = [
      ['ecdsa-p384', 'sha384', {}],
      ['ecdsa-p521', 'sha512', {}],
      ['rsa-pss-2048', 'sha256', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }],
      ['ed25519', null, {}],
    ] as const;
    for (const [keyAlgorithm, hash, extra] of cases) {
      const result = instance.signMessage(artifact, { material: 'publicKey', keyAlgorithm });
      const signature = Buffer.from(result.bundle.messageSignature!.signature, 'base64');
      expect(nodeVerify(hash, artifact, { key: result.publicKeyPem, ...extra }, signature), keyAlgorithm).toBe(true);
    }
  });

  it('the trusted root names every component with its validity', () => {
    const root = instance.trustedRoot();
    expect(root.mediaType).toBe('application/vnd.dev.sigstore.trustedroot+json;version=0.1');
    expect(root.tlogs.map((t) => t.publicKey.keyDetails)).toEqual(['PKIX_ECDSA_P256_SHA_256', 'PKIX_ED25519']);
    expect(root.certificateAuthorities[0]?.certChain.certificates).toHaveLength(2);
    expect(root.timestampAuthorities[0]?.certChain.certificates).toHaveLength(2);
    expect(root.ctlogs[0]?.publicKey.validFor.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('one clock dates every artefact', () => {
    const at = new Date('2031-02-03T04:05:06Z');
    const clocked = createTestInstance({ now: () => at, validFrom: new Date('2030-01-01T00:00:00Z') });
    const result = clocked.signMessage(artifact, { rekor: 'v1', tsa: true });
    expect(result.bundle.verificationMaterial.tlogEntries[0]?.integratedTime).toBe(String(at.getTime() / 1000));
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(clocked.trustedRoot())));
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(result.bundle), Buffer.from(artifact)))).not.toThrow();
  });
});

describe('Merkle tree (RFC 6962)', () => {
  // Root from an audit path per RFC 9162 §2.1.3.2, written independently of the tree.
  function rootFromPath(index: number, size: number, leaf: Uint8Array, path: readonly Uint8Array[]): Uint8Array {
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of path) {
      if ((fn & 1) === 1 || fn === sn) {
        r = nodeHash(p, r);
        if ((fn & 1) === 0) while ((fn & 1) === 0 && fn !== 0) ((fn >>= 1), (sn >>= 1));
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return r;
  }

  it('every audit path leads to the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.nat(), (size, pick) => {
        const tree = new MerkleTree();
        for (let i = 0; i < size; i++) tree.append(Uint8Array.of(i));
        const index = pick % size;
        const root = rootFromPath(index, size, leafHash(Uint8Array.of(index)), tree.inclusionProof(index));
        expect(hex(root)).toBe(hex(tree.root()));
      }),
    );
  });
});
