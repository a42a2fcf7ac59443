// The pieces every legacy cosign form shares: the Rekor bundle (SET + entry), the RFC 3161 timestamp,
// PEM certificates and the simplesigning message content (cosign pkg/cosign/bundle, pkg/oci/static).
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { createIncrementalDigest } from '../crypto';
import { fromHex, fromUtf8, JsonFields, parseJson, parsePem, type JsonValue } from '../encoding';
import { isSelfSigned, parseCertificate } from '../x509';
import type { Bundle, MessageSignatureContent, SignatureContent, TlogEntry, VerificationMaterial } from './types';

export const SIMPLESIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';

/** The layer annotations cosign writes on a signature or attestation image (cosign signature spec). */
export const COSIGN_ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  rfc3161: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

/** Field reader whose shape errors are COSIGN_FORMAT_INVALID; base64 and hex keep their own codes. */
export const cosignFields: JsonFields = new JsonFields('COSIGN_FORMAT_INVALID', 'COSIGN_FORMAT_INVALID');

// The first present spelling of a field: cosign's Go structs marshal as `Bundle`, its json tags as `bundle`.
export function field(obj: { [key: string]: JsonValue }, ...names: string[]): { name: string; value: JsonValue } | undefined {
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(obj, name) && obj[name] !== null && obj[name] !== undefined) return { name, value: obj[name]! };
  }
  return undefined;
}

// The Rekor bundle cosign stores next to a signature: {SignedEntryTimestamp, Payload: {body, integratedTime,
// logIndex, logID}} (cosign pkg/cosign/bundle.RekorBundle). The SET is required: there is no inclusion proof.
export function parseRekorBundle(json: JsonValue, where: string): TlogEntry {
  const root = cosignFields.object(json, where);
  const set = field(root, 'SignedEntryTimestamp', 'signedEntryTimestamp');
  if (!set) {
    throw new VerifyError('TLOG_SET_MISSING', `${where} carries no signed entry timestamp, the only proof that the log integrated the entry`, {
      where: `${where}.SignedEntryTimestamp`,
      expected: 'a base64 signed entry timestamp',
      found: 'nothing',
    });
  }
  const payloadField = field(root, 'Payload', 'payload');
  const pw = `${where}.${payloadField?.name ?? 'Payload'}`;
  const payload = cosignFields.object(payloadField?.value, pw);
  const body = cosignFields.bytes(payload.body, `${pw}.body`, LIMITS.tlogBodyBytes);
  if (body.length > LIMITS.tlogBodyBytes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${pw}.body is ${body.length} bytes`, { where: `${pw}.body`, expected: `at most ${LIMITS.tlogBodyBytes} bytes`, found: String(body.length) });
  }
  const kind = bodyKind(body, `${pw}.body`);
  return {
    logIndex: cosignFields.uint(payload.logIndex, `${pw}.logIndex`),
    logId: fromHex(cosignFields.string(payload.logID, `${pw}.logID`), `${pw}.logID`),
    kind: kind.kind,
    version: kind.apiVersion,
    integratedTime: cosignFields.uint(payload.integratedTime, `${pw}.integratedTime`),
    inclusionPromise: cosignFields.bytes(set.value, `${where}.${set.name}`, LIMITS.signatureBytes),
    inclusionProof: null,
    canonicalizedBody: body,
    where,
  };
}

// kind and apiVersion of a canonicalized Rekor body (the entry's kindVersion, which the legacy form omits).
function bodyKind(body: Uint8Array, where: string): { kind: string; apiVersion: string } {
  const json = parseJson(fromUtf8(body, where), where, LIMITS.tlogBodyBytes);
  const obj = cosignFields.object(json, where);
  return { kind: cosignFields.string(obj.kind, `${where} (decoded).kind`), apiVersion: cosignFields.string(obj.apiVersion, `${where} (decoded).apiVersion`) };
}

// {SignedRFC3161Timestamp: base64 DER} (cosign pkg/cosign/bundle.RFC3161Timestamp).
export function parseRfc3161Timestamp(json: JsonValue, where: string): Uint8Array {
  const root = cosignFields.object(json, where);
  const ts = field(root, 'SignedRFC3161Timestamp', 'signedRFC3161Timestamp');
  return cosignFields.bytes(ts?.value, `${where}.${ts?.name ?? 'SignedRFC3161Timestamp'}`, LIMITS.timestampTokenBytes);
}

// A JSON annotation value (the Rekor bundle and timestamp annotations are JSON text).
export function parseAnnotationJson(text: string, where: string): JsonValue {
  return parseJson(text, where, LIMITS.bundleBytes);
}

// Every CERTIFICATE block of PEM text, as DER.
export function pemCertificates(text: string, where: string): Uint8Array[] {
  if (text.length > LIMITS.certificateBytes * 2 * LIMITS.chainLength) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where} is ${text.length} characters`, { where, expected: `at most ${LIMITS.certificateBytes * 2 * LIMITS.chainLength}` });
  }
  const certs = parsePem(text, where).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
  if (certs.length === 0) throw new VerifyError('PEM_INVALID', `${where} holds no CERTIFICATE block`, { where, expected: 'CERTIFICATE' });
  if (certs.length > LIMITS.chainLength) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where} holds ${certs.length} certificates`, { where, expected: `at most ${LIMITS.chainLength}`, found: String(certs.length) });
  }
  return certs;
}

// Certificate material: the leaf, then the chain cosign stored without its self-signed root — trust comes
// only from the trusted root, and cosign's chain annotation always ends at the Fulcio root.
export function certificateMaterial(leaf: Uint8Array, chain: Uint8Array[], chainWhere: string): VerificationMaterial {
  const intermediates = chain.filter((der, i) => !isSelfSigned(parseCertificate(der, `${chainWhere}[${i}]`)));
  return { kind: 'certificate', chain: [leaf, ...intermediates], form: 'x509CertificateChain' };
}

/** Material when no certificate is present: a keyed signature, checked with the key the user gives. */
export const KEYED_MATERIAL: VerificationMaterial = { kind: 'publicKey', hint: '' };

// A message signature over a simplesigning payload; the digest is computed here, never read from the input.
export function simpleSigningContent(payload: Uint8Array, signature: Uint8Array, where: string): MessageSignatureContent {
  if (payload.length > LIMITS.dssePayloadBytes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where} is ${payload.length} bytes`, { where, expected: `at most ${LIMITS.dssePayloadBytes} bytes`, found: String(payload.length) });
  }
  const hash = createIncrementalDigest('SHA-256');
  hash.update(payload);
  return { kind: 'message', digest: { algorithm: 'SHA-256', value: hash.digest() }, signature, payload: { mediaType: SIMPLESIGNING_MEDIA_TYPE, bytes: payload } };
}

// The normalised legacy bundle: v0.1 semantics (SET required, inclusion proof optional).
export function legacyBundle(mediaType: string, content: SignatureContent, material: VerificationMaterial, tlog: TlogEntry | undefined, timestamp: Uint8Array | undefined): Bundle {
  return {
    mediaType,
    version: '0.1',
    content,
    material,
    tlogEntries: tlog ? [tlog] : [],
    rfc3161Timestamps: timestamp ? [timestamp] : [],
    origin: 'cosign-legacy',
  };
}
