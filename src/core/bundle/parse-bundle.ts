// Sigstore bundle v0.1–v0.3 (protobuf-specs dev.sigstore.bundle.v1.Bundle, JSON form) into the internal shape.
import { VerifyError } from '../errors';
import { LIMITS, mebibytes } from '../limits';
import { fromUtf8, JsonFields, parseJson, type JsonObject, type JsonValue } from '../encoding';
import type { HashAlg } from '../crypto';
import { bundleVersionOf, KNOWN_BUNDLE_MEDIA_TYPES } from './media-type';
import type { Bundle, BundleVersion, DsseContent, InclusionProof, MessageSignatureContent, SignatureContent, TlogEntry, VerificationMaterial } from './types';

const f: JsonFields = new JsonFields();

const HASH_ALGORITHMS: Record<string, HashAlg> = { SHA2_256: 'SHA-256', SHA2_384: 'SHA-384', SHA2_512: 'SHA-512' };

// Parse bundle JSON text (size-capped) into a validated Bundle.
export function parseBundle(text: string): Bundle {
  return parseBundleJson(parseJson(text, 'bundle', LIMITS.bundleBytes));
}

// Validate an already-parsed bundle object; enforces the per-version requirements of the bundle spec.
export function parseBundleJson(json: JsonValue): Bundle {
  const root = f.object(json, 'bundle');
  const mediaType = f.string(root.mediaType, 'mediaType');
  const version = bundleVersionOf(mediaType);
  if (!version) {
    throw new VerifyError('BUNDLE_MEDIA_TYPE_UNKNOWN', `unsupported bundle media type ${JSON.stringify(mediaType)}`, {
      where: 'mediaType',
      expected: KNOWN_BUNDLE_MEDIA_TYPES.join(' | '),
      found: mediaType,
    });
  }
  const vm = f.object(root.verificationMaterial, 'verificationMaterial');
  const material = parseMaterial(vm, version);
  const tlogEntries = f
    .array(vm.tlogEntries ?? [], 'verificationMaterial.tlogEntries', LIMITS.tlogEntries)
    .map((e, i) => parseTlogEntry(e, `verificationMaterial.tlogEntries[${i}]`, version));
  const tvd = f.optObject(vm.timestampVerificationData, 'verificationMaterial.timestampVerificationData');
  const rfc3161Timestamps = f
    .array(tvd?.rfc3161Timestamps ?? [], 'verificationMaterial.timestampVerificationData.rfc3161Timestamps', LIMITS.rfc3161Timestamps)
    .map((t, i) => {
      const where = `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}]`;
      return f.bytes(f.object(t, where).signedTimestamp, `${where}.signedTimestamp`);
    });
  return { mediaType, version, content: parseContent(root), material, tlogEntries, rfc3161Timestamps, origin: 'sigstore-bundle' };
}

// verificationMaterial: a certificate chain (v0.1, v0.2), a single certificate (v0.3), or a public-key hint.
function parseMaterial(vm: JsonObject, version: BundleVersion): VerificationMaterial {
  const present = ['x509CertificateChain', 'certificate', 'publicKey'].filter((k) => vm[k] !== undefined && vm[k] !== null);
  if (present.length !== 1) {
    throw new VerifyError(present.length ? 'BUNDLE_FIELD_INVALID' : 'BUNDLE_FIELD_MISSING', 'verificationMaterial must hold exactly one of x509CertificateChain, certificate or publicKey', {
      where: 'verificationMaterial',
      expected: 'exactly one of x509CertificateChain, certificate, publicKey',
      found: present.join(', ') || 'none',
    });
  }
  if (vm.publicKey !== undefined) {
    const pk = f.object(vm.publicKey, 'verificationMaterial.publicKey');
    return { kind: 'publicKey', hint: f.optString(pk.hint, 'verificationMaterial.publicKey.hint') ?? '' };
  }
  if (vm.certificate !== undefined) {
    if (version !== '0.3') {
      throw new VerifyError('BUNDLE_VERSION_REQUIREMENT', `a v${version} bundle carries x509CertificateChain, not certificate`, {
        where: 'verificationMaterial.certificate',
        expected: 'x509CertificateChain',
        found: 'certificate',
      });
    }
    const cert = f.object(vm.certificate, 'verificationMaterial.certificate');
    return { kind: 'certificate', chain: [f.bytes(cert.rawBytes, 'verificationMaterial.certificate.rawBytes')], form: 'certificate' };
  }
  if (version === '0.3') {
    throw new VerifyError('BUNDLE_VERSION_REQUIREMENT', 'a v0.3 bundle must carry a single certificate, not a chain', {
      where: 'verificationMaterial.x509CertificateChain',
      expected: 'certificate',
      found: 'x509CertificateChain',
    });
  }
  const chain = f.object(vm.x509CertificateChain, 'verificationMaterial.x509CertificateChain');
  const certs = f.array(chain.certificates, 'verificationMaterial.x509CertificateChain.certificates', LIMITS.chainLength);
  if (certs.length === 0) {
    throw new VerifyError('BUNDLE_FIELD_INVALID', 'the certificate chain is empty', {
      where: 'verificationMaterial.x509CertificateChain.certificates',
      expected: 'at least the leaf certificate',
      found: 'an empty list',
    });
  }
  return {
    kind: 'certificate',
    chain: certs.map((c, i) => {
      const where = `verificationMaterial.x509CertificateChain.certificates[${i}]`;
      return f.bytes(f.object(c, where).rawBytes, `${where}.rawBytes`);
    }),
    form: 'x509CertificateChain',
  };
}

// One TransparencyLogEntry; v0.1 requires an inclusion promise, v0.2+ an inclusion proof with a checkpoint.
function parseTlogEntry(json: JsonValue, where: string, version: BundleVersion): TlogEntry {
  const e = f.object(json, where);
  const kv = f.object(e.kindVersion, `${where}.kindVersion`);
  const promise = f.optObject(e.inclusionPromise, `${where}.inclusionPromise`);
  const proof = f.optObject(e.inclusionProof, `${where}.inclusionProof`);
  if (version === '0.1' && !promise) {
    throw new VerifyError('BUNDLE_VERSION_REQUIREMENT', 'a v0.1 bundle entry must carry an inclusion promise (SET)', {
      where: `${where}.inclusionPromise`,
      expected: 'inclusionPromise',
      found: 'nothing',
    });
  }
  if (version !== '0.1' && !proof) {
    throw new VerifyError('BUNDLE_VERSION_REQUIREMENT', `a v${version} bundle entry must carry an inclusion proof`, {
      where: `${where}.inclusionProof`,
      expected: 'inclusionProof',
      found: 'nothing',
    });
  }
  const integratedTime = e.integratedTime === undefined || e.integratedTime === null ? 0 : f.uint(e.integratedTime, `${where}.integratedTime`);
  const body = f.bytes(e.canonicalizedBody, `${where}.canonicalizedBody`);
  if (body.length > LIMITS.tlogBodyBytes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where}.canonicalizedBody is ${body.length} bytes`, {
      where: `${where}.canonicalizedBody`,
      expected: `at most ${LIMITS.tlogBodyBytes} bytes`,
      found: String(body.length),
    });
  }
  return {
    logIndex: f.uint(e.logIndex, `${where}.logIndex`),
    logId: f.bytes(f.object(e.logId, `${where}.logId`).keyId, `${where}.logId.keyId`),
    kind: f.string(kv.kind, `${where}.kindVersion.kind`),
    version: f.string(kv.version, `${where}.kindVersion.version`),
    // protobuf-JSON omits zero: Rekor v2 entries carry no integrated time.
    integratedTime: integratedTime === 0 ? null : integratedTime,
    inclusionPromise: promise ? f.bytes(promise.signedEntryTimestamp, `${where}.inclusionPromise.signedEntryTimestamp`) : null,
    inclusionProof: proof ? parseInclusionProof(proof, `${where}.inclusionProof`, version) : null,
    canonicalizedBody: body,
    where,
  };
}

// InclusionProof: index, size, root, audit path and the checkpoint (required from v0.2 on).
function parseInclusionProof(p: JsonObject, where: string, version: BundleVersion): InclusionProof {
  const checkpoint = f.optObject(p.checkpoint, `${where}.checkpoint`);
  const envelope = checkpoint ? f.optString(checkpoint.envelope, `${where}.checkpoint.envelope`) ?? '' : '';
  if (version !== '0.1' && envelope === '') f.missing(`${where}.checkpoint.envelope`, 'a signed checkpoint');
  if (envelope.length > LIMITS.checkpointBytes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where}.checkpoint is too large`, { where: `${where}.checkpoint`, expected: `at most ${LIMITS.checkpointBytes} bytes` });
  }
  return {
    logIndex: f.uint(p.logIndex, `${where}.logIndex`),
    rootHash: f.bytes(p.rootHash, `${where}.rootHash`),
    treeSize: f.uint(p.treeSize, `${where}.treeSize`),
    hashes: f.array(p.hashes ?? [], `${where}.hashes`, LIMITS.inclusionProofHashes).map((h, i) => f.bytes(h, `${where}.hashes[${i}]`)),
    checkpoint: envelope,
  };
}

// Exactly one of messageSignature or dsseEnvelope.
function parseContent(root: JsonObject): SignatureContent {
  const hasMessage = root.messageSignature !== undefined && root.messageSignature !== null;
  const hasDsse = root.dsseEnvelope !== undefined && root.dsseEnvelope !== null;
  if (hasMessage === hasDsse) {
    throw new VerifyError(hasMessage ? 'BUNDLE_FIELD_INVALID' : 'BUNDLE_FIELD_MISSING', 'a bundle holds exactly one of messageSignature or dsseEnvelope', {
      where: 'bundle',
      expected: 'messageSignature or dsseEnvelope',
      found: hasMessage ? 'both' : 'neither',
    });
  }
  return hasMessage ? parseMessageSignature(f.object(root.messageSignature, 'messageSignature')) : parseDsseEnvelope(f.object(root.dsseEnvelope, 'dsseEnvelope'), 'dsseEnvelope');
}

function parseMessageSignature(m: JsonObject): MessageSignatureContent {
  const md = f.optObject(m.messageDigest, 'messageSignature.messageDigest');
  let digest: MessageSignatureContent['digest'] = null;
  if (md) {
    const name = f.string(md.algorithm, 'messageSignature.messageDigest.algorithm');
    const algorithm = HASH_ALGORITHMS[name];
    if (!algorithm) f.invalid('messageSignature.messageDigest.algorithm', Object.keys(HASH_ALGORITHMS).join(' | '), name);
    digest = { algorithm, value: f.bytes(md.digest, 'messageSignature.messageDigest.digest') };
  }
  return { kind: 'message', digest, signature: f.bytes(m.signature, 'messageSignature.signature') };
}

// A DSSE envelope (DSSE protocol spec); Sigstore requires exactly one signature.
export function parseDsseEnvelope(env: JsonObject, where: string): DsseContent {
  const payload = f.bytes(env.payload, `${where}.payload`);
  if (payload.length > LIMITS.attestationBytes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where}.payload is ${mebibytes(payload.length)}: attestations of up to ${mebibytes(LIMITS.attestationBytes)} are read`, {
      where: `${where}.payload`,
      expected: `at most ${LIMITS.attestationBytes} bytes`,
      found: `${payload.length} bytes`,
    });
  }
  const signatures = f.array(env.signatures, `${where}.signatures`, LIMITS.dsseSignatures).map((s, i) => {
    const sw = `${where}.signatures[${i}]`;
    const sig = f.object(s, sw);
    return { keyid: f.optString(sig.keyid, `${sw}.keyid`) ?? '', sig: f.bytes(sig.sig, `${sw}.sig`) };
  });
  if (signatures.length !== 1) {
    throw new VerifyError('DSSE_SIGNATURE_COUNT', `a Sigstore DSSE envelope carries exactly one signature, this one ${signatures.length}`, {
      where: `${where}.signatures`,
      expected: '1',
      found: String(signatures.length),
    });
  }
  return { kind: 'dsse', payloadType: f.string(env.payloadType, `${where}.payloadType`), payload, signatures };
}

// The DSSE payload as text, for display and in-toto parsing.
export function dssePayloadText(content: DsseContent): string {
  return fromUtf8(content.payload, 'dsseEnvelope.payload');
}
