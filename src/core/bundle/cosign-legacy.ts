// Legacy cosign signatures normalised into a Bundle (origin 'cosign-legacy', v0.1 semantics): OCI signature
// and attestation layers (cosign signature spec), `cosign download signature` lines, `cosign sign-blob --bundle` files.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { fromBase64, fromUtf8, isJsonObject, parseJson, quote, type JsonObject, type JsonValue } from '../encoding';
import { parseRekorBody } from '../tlog/rekor-body';
import {
  certificateMaterial,
  COSIGN_ANNOTATIONS,
  cosignFields as f,
  DSSE_LAYER_MEDIA_TYPE,
  field,
  KEYED_MATERIAL,
  legacyBundle,
  parseAnnotationJson,
  parseRekorBundle,
  parseRfc3161Timestamp,
  pemCertificates,
  SIMPLESIGNING_MEDIA_TYPE,
  simpleSigningContent,
} from './cosign-parts';
import { parseDsseEnvelope } from './parse-bundle';
import type { Bundle, MessageSignatureContent, TlogEntry, VerificationMaterial } from './types';

export const LEGACY_MEDIA_TYPES = {
  simpleSigning: 'cosign simplesigning signature (legacy)',
  attestation: 'cosign attestation, DSSE layer (legacy)',
  signBlob: 'cosign sign-blob bundle (legacy)',
} as const;

/** One layer of a cosign signature (.sig) or attestation (.att) image: its media type, bytes and annotations. */
export interface CosignLayer {
  mediaType: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
}

// One annotation value, read only from the object's own keys.
function annotation(annotations: Record<string, string>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(annotations, key)) return undefined;
  const value: unknown = annotations[key];
  if (typeof value !== 'string') throw new VerifyError('COSIGN_FORMAT_INVALID', `annotation ${key} is not a string`, { where: key, expected: 'a string' });
  return value === '' ? undefined : value;
}

// Normalise one signature or attestation layer (cosign signature spec: the payload is the layer blob,
// the signature and its evidence are annotations). `where` prefixes the annotation names in errors.
// Synchronous: the simplesigning digest is computed with the incremental SHA-256, not read from the layer.
export function normalizeCosignLayer(layer: CosignLayer, where = ''): Bundle {
  const at = (key: string): string => (where ? `${where}: ${key}` : key);
  if (!isJsonObject(layer.annotations as unknown) || !(layer.payload instanceof Uint8Array) || typeof layer.mediaType !== 'string') {
    throw new VerifyError('COSIGN_FORMAT_INVALID', 'a layer needs a media type, its bytes and an annotation map', { where: at('layer'), expected: 'mediaType, payload bytes, annotations' });
  }
  const read = (key: string): string | undefined => annotation(layer.annotations, key);
  const certificate = read(COSIGN_ANNOTATIONS.certificate);
  const chain = read(COSIGN_ANNOTATIONS.chain);
  const material = materialFromPem(certificate, chain, at(COSIGN_ANNOTATIONS.certificate), at(COSIGN_ANNOTATIONS.chain));
  const bundleText = read(COSIGN_ANNOTATIONS.bundle);
  const tlog = bundleText === undefined ? undefined : parseRekorBundle(parseAnnotationJson(bundleText, at(COSIGN_ANNOTATIONS.bundle)), at(COSIGN_ANNOTATIONS.bundle));
  const tsText = read(COSIGN_ANNOTATIONS.rfc3161);
  const timestamp = tsText === undefined ? undefined : parseRfc3161Timestamp(parseAnnotationJson(tsText, at(COSIGN_ANNOTATIONS.rfc3161)), at(COSIGN_ANNOTATIONS.rfc3161));

  if (layer.mediaType === SIMPLESIGNING_MEDIA_TYPE) {
    const sigWhere = at(COSIGN_ANNOTATIONS.signature);
    const signature = f.bytes(read(COSIGN_ANNOTATIONS.signature), sigWhere, LIMITS.signatureBytes);
    return legacyBundle(LEGACY_MEDIA_TYPES.simpleSigning, simpleSigningContent(layer.payload, signature, at('layer')), material, tlog, timestamp);
  }
  if (layer.mediaType === DSSE_LAYER_MEDIA_TYPE) {
    // cosign attest leaves the signature annotation empty: the signature is inside the envelope.
    if (layer.payload.length > LIMITS.bundleBytes) {
      throw new VerifyError('LIMIT_EXCEEDED', `${at('layer')} is ${layer.payload.length} bytes`, { where: at('layer'), expected: `at most ${LIMITS.bundleBytes} bytes` });
    }
    const envelope = f.object(parseJson(fromUtf8(layer.payload, at('layer')), at('layer')), at('layer'));
    return legacyBundle(LEGACY_MEDIA_TYPES.attestation, parseDsseEnvelope(envelope, at('layer')), material, tlog, timestamp);
  }
  throw new VerifyError('COSIGN_FORMAT_INVALID', `layer media type ${quote(layer.mediaType)} is not a cosign signature or attestation`, {
    where: at('mediaType'),
    expected: `${SIMPLESIGNING_MEDIA_TYPE} | ${DSSE_LAYER_MEDIA_TYPE}`,
    found: layer.mediaType.slice(0, 120),
  });
}

// Certificate material from a PEM leaf and an optional PEM chain; no leaf means a keyed signature.
function materialFromPem(certificate: string | undefined, chain: string | undefined, certWhere: string, chainWhere: string): VerificationMaterial {
  if (certificate === undefined) {
    if (chain !== undefined) {
      throw new VerifyError('COSIGN_FORMAT_INVALID', 'a certificate chain without the signing certificate', { where: chainWhere, expected: `the leaf in ${certWhere} too`, found: 'a chain only' });
    }
    return KEYED_MATERIAL;
  }
  const leaf = pemCertificates(certificate, certWhere)[0]!;
  return certificateMaterial(leaf, chain === undefined ? [] : pemCertificates(chain, chainWhere), chainWhere);
}

// One object `cosign download signature` prints (cosign pkg/cosign.SignedPayload, marshalled by Go's
// encoding/json without tags: Base64Signature, Payload, Cert, Chain, Bundle, RFC3161Timestamp).
export function normalizeDownloadedSignature(json: JsonValue, where: string): Bundle {
  const root = f.object(json, where);
  const at = (name: string): string => (where ? `${where}.${name}` : name);
  const sig = field(root, 'Base64Signature', 'base64Signature');
  const payload = field(root, 'Payload', 'payload');
  const payloadWhere = at(payload?.name ?? 'Payload');
  const signature = f.bytes(sig?.value, at(sig?.name ?? 'Base64Signature'), LIMITS.signatureBytes);
  const payloadBytes = f.bytes(payload?.value, payloadWhere, LIMITS.dssePayloadBytes);
  const cert = field(root, 'Cert', 'cert');
  const chain = field(root, 'Chain', 'chain');
  let material: VerificationMaterial = KEYED_MATERIAL;
  if (cert) {
    const leaf = downloadedCertificates(cert.value, at(cert.name))[0]!;
    material = certificateMaterial(leaf, chain ? downloadedCertificates(chain.value, at(chain.name)) : [], at(chain?.name ?? 'Chain'));
  }
  const content = simpleSigningContent(payloadBytes, signature, payloadWhere);
  return legacyBundle(LEGACY_MEDIA_TYPES.simpleSigning, content, material, rekorBundleField(root, at), timestampField(root, at));
}

// Go marshals *x509.Certificate as an object whose Raw field is the base64 DER; PEM text is accepted too.
function downloadedCertificates(value: JsonValue, where: string): Uint8Array[] {
  if (typeof value === 'string') return pemCertificates(value, where);
  const list = Array.isArray(value) ? f.array(value, where, LIMITS.chainLength) : [value];
  return list.map((c, i) => {
    const w = Array.isArray(value) ? `${where}[${i}]` : where;
    return f.bytes(f.object(c, w).Raw, `${w}.Raw`, LIMITS.certificateBytes);
  });
}

// The optional Rekor bundle field (Bundle in download output, rekorBundle in sign-blob files).
function rekorBundleField(root: JsonObject, at: (name: string) => string, ...names: string[]): TlogEntry | undefined {
  const b = field(root, ...(names.length ? names : ['Bundle', 'bundle']));
  return b ? parseRekorBundle(b.value, at(b.name)) : undefined;
}

// The optional RFC 3161 timestamp field.
function timestampField(root: JsonObject, at: (name: string) => string): Uint8Array | undefined {
  const t = field(root, 'RFC3161Timestamp', 'rfc3161Timestamp');
  return t ? parseRfc3161Timestamp(t.value, at(t.name)) : undefined;
}

// A `cosign sign-blob --bundle` file (cosign pkg/cosign.LocalSignedPayload: base64Signature, cert as base64
// of PEM, rekorBundle). The artifact is the blob, which the caller supplies; the digest is the one the
// hashedrekord entry records, so artifact.bind compares the blob with what the log saw.
export function normalizeSignBlobBundle(json: JsonValue, where = ''): Bundle {
  const root = f.object(json, where || 'sign-blob bundle');
  const at = (name: string): string => (where ? `${where}.${name}` : name);
  const sig = field(root, 'base64Signature', 'Base64Signature');
  const signature = f.bytes(sig?.value, at(sig?.name ?? 'base64Signature'), LIMITS.signatureBytes);
  const cert = field(root, 'cert', 'Cert');
  let material: VerificationMaterial = KEYED_MATERIAL;
  if (cert) {
    const text = f.string(cert.value, at(cert.name));
    const pem = text.includes('-----BEGIN') ? text : fromUtf8(fromBase64(text, at(cert.name)), at(cert.name));
    const [leaf, ...chain] = pemCertificates(pem, at(cert.name));
    material = certificateMaterial(leaf!, chain, at(cert.name));
  }
  const tlog = rekorBundleField(root, at, 'rekorBundle', 'RekorBundle', 'bundle', 'Bundle');
  const content: MessageSignatureContent = { kind: 'message', digest: tlog ? loggedDigest(tlog) : null, signature };
  return legacyBundle(LEGACY_MEDIA_TYPES.signBlob, content, material, tlog, timestampField(root, at));
}

// The digest a hashedrekord entry records; null when the body cannot say (tlog.body then reports why).
function loggedDigest(entry: TlogEntry): MessageSignatureContent['digest'] {
  try {
    const body = parseRekorBody(entry);
    return body.kind === 'hashedrekord' ? { algorithm: body.digest.algorithm, value: body.digest.value } : null;
  } catch {
    return null;
  }
}
