// Legacy cosign artefacts from the test instance: OCI signature (.sig) and attestation (.att) layers with
// their annotations (cosign signature spec), `cosign download signature` lines and `cosign sign-blob --bundle`
// files. Each is a v0.1 bundle of the instance re-shaped, so the same CA, logs and TSA stand behind it.
import { envelopeJson, inTotoStatement } from './dsse.ts';
import type { Faults } from './faults.ts';
import type { BundleJson } from './bundle-json.ts';
import type { SigningIdentity } from './fulcio-extensions.ts';
import type { SignResult, TestInstance } from './instance.ts';
import { b64, toPem, utf8Bytes, type KeyAlgorithm, type TestKey } from './keys.ts';
import { cosignRekorBundle, type CosignRekorBundleJson } from './rekor-v1.ts';

// Written here from cosign's format, not imported from the engine: an independent copy means a wrong
// name on either side makes the tests fail instead of agreeing with itself.
export const SIMPLESIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const ANNOTATIONS = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  rfc3161: 'dev.sigstore.cosign/rfc3161timestamp',
} as const;

/** An image by digest and repository, as cosign names it in the payload. */
export interface ImageName {
  readonly digest: string;
  readonly repository: string;
}

export interface CosignLayerJson {
  mediaType: string;
  payload: Uint8Array;
  annotations: Record<string, string>;
}

export interface LegacySignOptions {
  /** Keyed signing: no certificate annotations; verify with the returned public key. */
  readonly keyed?: boolean;
  /** Attach an RFC 3161 timestamp annotation. */
  readonly tsa?: boolean;
  readonly key?: TestKey;
  readonly keyAlgorithm?: KeyAlgorithm;
  readonly faults?: Faults;
  /** Rekor entry kind for attestations (intoto 0.0.2 as cosign attest writes, or dsse 0.0.1). */
  readonly entryKind?: 'intoto' | 'dsse';
  /** The identity in the signing certificate (keyless). */
  readonly identity?: SigningIdentity;
  /** 'none': no transparency-log entry (cosign sign --tlog-upload=false). */
  readonly rekor?: 'v1' | 'none';
  /** For attestations: predicate type and predicate of the statement (default: SLSA v1 with a build type). */
  readonly predicateType?: string;
  readonly predicate?: Record<string, unknown>;
}

export interface LegacySignature {
  readonly layer: CosignLayerJson;
  readonly signed: SignResult;
}

// The simplesigning payload cosign signs for an image, serialised as cosign's Go structs marshal it.
export function simpleSigningPayload(image: ImageName, optional: Record<string, string> | null = null): Uint8Array {
  return utf8Bytes(
    JSON.stringify({
      critical: { identity: { 'docker-reference': image.repository }, image: { 'docker-manifest-digest': image.digest }, type: 'cosign container image signature' },
      optional,
    }),
  );
}

// Signing options for the instance: a v0.1 bundle (SET, no proof needed), full chain or a key.
function instanceOptions(o: LegacySignOptions) {
  return {
    bundleVersion: '0.1' as const,
    material: o.keyed ? ('publicKey' as const) : ('chain' as const),
    tsa: o.tsa ?? false,
    ...(o.key ? { key: o.key } : {}),
    ...(o.keyAlgorithm ? { keyAlgorithm: o.keyAlgorithm } : {}),
    ...(o.faults ? { faults: o.faults } : {}),
    ...(o.identity ? { identity: o.identity } : {}),
    ...(o.rekor ? { rekor: o.rekor } : {}),
  };
}

// The evidence annotations of a bundle: leaf, chain (intermediate and root), Rekor bundle, timestamp.
export function evidenceAnnotations(bundle: BundleJson): Record<string, string> {
  const certs = bundle.verificationMaterial.x509CertificateChain?.certificates.map((c) => Buffer.from(c.rawBytes, 'base64')) ?? [];
  const entry = bundle.verificationMaterial.tlogEntries[0];
  const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[0];
  return {
    ...(certs[0] ? { [ANNOTATIONS.certificate]: toPem('CERTIFICATE', certs[0]) } : {}),
    ...(certs.length > 1 ? { [ANNOTATIONS.chain]: certs.slice(1).map((c) => toPem('CERTIFICATE', c)).join('') } : {}),
    ...(entry ? { [ANNOTATIONS.bundle]: JSON.stringify(cosignRekorBundle(entry)) } : {}),
    ...(ts ? { [ANNOTATIONS.rfc3161]: JSON.stringify({ SignedRFC3161Timestamp: ts.signedTimestamp }) } : {}),
  };
}

// A .sig layer: simplesigning payload as the blob, signature and evidence as annotations (hashedrekord entry).
export function signImageLayer(instance: TestInstance, image: ImageName, o: LegacySignOptions = {}, payload = simpleSigningPayload(image)): LegacySignature {
  const signed = instance.signMessage(payload, instanceOptions(o));
  const annotations = { [ANNOTATIONS.signature]: signed.bundle.messageSignature!.signature, ...evidenceAnnotations(signed.bundle) };
  return { layer: { mediaType: SIMPLESIGNING_MEDIA_TYPE, payload, annotations }, signed };
}

// A .att layer: the DSSE envelope JSON of an in-toto statement about the image as the blob, an empty signature annotation.
export function attestImageLayer(instance: TestInstance, image: ImageName, o: LegacySignOptions = {}): LegacySignature {
  const statement = inTotoStatement([{ name: image.repository, digest: { sha256: image.digest.replace(/^sha256:/, '') } }], o.predicateType, o.predicate);
  const signed = instance.signDsse(statement, { ...instanceOptions(o), entryKind: o.entryKind ?? 'intoto' });
  const annotations = { [ANNOTATIONS.signature]: '', ...evidenceAnnotations(signed.bundle) };
  return { layer: { mediaType: DSSE_LAYER_MEDIA_TYPE, payload: utf8Bytes(envelopeJson(signed.bundle.dsseEnvelope!)), annotations }, signed };
}

// A Go *x509.Certificate as encoding/json writes it: Raw is the DER, among many decoded fields.
function goCertificate(pem: string): Record<string, unknown> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  return { Raw: der.toString('base64'), Version: 3, SerialNumber: 1, Extensions: null };
}

// One line of `cosign download signature` (cosign pkg/cosign.SignedPayload marshalled without tags).
export function downloadSignatureLine(sig: Pick<LegacySignature, 'layer'>): string {
  const a = sig.layer.annotations;
  const cert = a[ANNOTATIONS.certificate];
  const chain = a[ANNOTATIONS.chain];
  const bundle = a[ANNOTATIONS.bundle];
  const ts = a[ANNOTATIONS.rfc3161];
  return JSON.stringify({
    Base64Signature: a[ANNOTATIONS.signature],
    Payload: b64(sig.layer.payload),
    Cert: cert ? goCertificate(cert) : null,
    Chain: chain ? chain.split(/(?<=-----END CERTIFICATE-----\n)/).filter((p) => p.trim()).map(goCertificate) : null,
    Bundle: bundle ? (JSON.parse(bundle) as CosignRekorBundleJson) : null,
    RFC3161Timestamp: ts ? (JSON.parse(ts) as unknown) : null,
  });
}

// A `cosign sign-blob --bundle` file (cosign pkg/cosign.LocalSignedPayload): the signature over the blob,
// the leaf as base64 of its PEM, and the Rekor bundle.
export function signBlobBundle(instance: TestInstance, blob: Uint8Array, o: LegacySignOptions = {}): { json: string; signed: SignResult } {
  const signed = instance.signMessage(blob, { ...instanceOptions(o), material: o.keyed ? 'publicKey' : 'certificate' });
  const leaf = signed.certificate;
  const entry = signed.bundle.verificationMaterial.tlogEntries[0];
  const json = JSON.stringify({
    base64Signature: signed.bundle.messageSignature!.signature,
    ...(leaf ? { cert: b64(utf8Bytes(toPem('CERTIFICATE', leaf))) } : {}),
    ...(entry ? { rekorBundle: cosignRekorBundle(entry) } : {}),
  });
  return { json, signed };
}
