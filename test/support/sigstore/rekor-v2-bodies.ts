// Entry bodies as Rekor v2 writes them (Sigstore protobuf-specs rekor/v2 Entry in JSON form,
// canonicalised): hashedrekord 0.0.2 and dsse 0.0.2.
import { canonicalJson, type JsonValue } from './canonical-json.ts';
import { b64, utf8Bytes } from './keys.ts';
import type { RekorBody } from './rekor-v1-bodies.ts';

export type V2Verifier =
  | { readonly keyDetails: string; readonly certificate: Uint8Array }
  | { readonly keyDetails: string; readonly publicKey: Uint8Array };

// Verifier message: keyDetails plus x509Certificate.rawBytes or publicKey.rawBytes (DER SPKI).
function verifierJson(v: V2Verifier): JsonValue {
  return 'certificate' in v
    ? { keyDetails: v.keyDetails, x509Certificate: { rawBytes: b64(v.certificate) } }
    : { keyDetails: v.keyDetails, publicKey: { rawBytes: b64(v.publicKey) } };
}

// Wraps spec under its oneof field name.
function body(kind: string, field: string, spec: JsonValue): RekorBody {
  return { kind, apiVersion: '0.0.2', bytes: utf8Bytes(canonicalJson({ apiVersion: '0.0.2', kind, spec: { [field]: spec } })) };
}

// hashedrekord 0.0.2: HashOutput of the signed data and the signature with its verifier. For DSSE
// ("hashedrekord over DSSE", rekor-v2 spec §6.1.4) the digest is SHA-256 of PAE(payloadType, payload).
export function hashedrekordV002(args: { digestAlgorithm: string; digest: Uint8Array; signature: Uint8Array; verifier: V2Verifier }): RekorBody {
  return body('hashedrekord', 'hashedRekordV002', {
    data: { algorithm: args.digestAlgorithm, digest: b64(args.digest) },
    signature: { content: b64(args.signature), verifier: verifierJson(args.verifier) },
  });
}

// dsse 0.0.2: SHA-256 of the payload and each signature with its verifier.
export function dsseV002(args: { payloadDigest: Uint8Array; signatures: readonly Uint8Array[]; verifier: V2Verifier }): RekorBody {
  return body('dsse', 'dsseV002', {
    payloadHash: { algorithm: 'SHA2_256', digest: b64(args.payloadDigest) },
    signatures: args.signatures.map((s) => ({ content: b64(s), verifier: verifierJson(args.verifier) })),
  });
}
