// Entry bodies exactly as Rekor v1 canonicalises them (RFC 8785 JSON of the type's schema):
// hashedrekord 0.0.1, dsse 0.0.1 and intoto 0.0.2 (rekor pkg/types/*).
import { canonicalJson } from './canonical-json.ts';
import { b64, hex, sha256, utf8Bytes, type HashName } from './keys.ts';
import { envelopeJson, type DsseEnvelopeJson } from './dsse.ts';

export interface RekorBody {
  readonly kind: string;
  readonly apiVersion: string;
  /** Canonical JSON bytes, the Merkle leaf and the bundle's canonicalizedBody. */
  readonly bytes: Uint8Array;
}

// Wraps a canonical body object.
function body(kind: string, apiVersion: string, spec: Parameters<typeof canonicalJson>[0]): RekorBody {
  return { kind, apiVersion, bytes: utf8Bytes(canonicalJson({ apiVersion, kind, spec })) };
}

// hashedrekord 0.0.1: artifact digest (hex), base64 signature and base64 of the verifier's PEM.
export function hashedrekordV001(args: { hash: HashName; digest: Uint8Array; signature: Uint8Array; verifierPem: string }): RekorBody {
  return body('hashedrekord', '0.0.1', {
    data: { hash: { algorithm: args.hash, value: hex(args.digest) } },
    signature: { content: b64(args.signature), publicKey: { content: b64(utf8Bytes(args.verifierPem)) } },
  });
}

// dsse 0.0.1: hashes of the envelope JSON and of the payload, and each signature with its verifier PEM.
export function dsseV001(args: { envelope: DsseEnvelopeJson; payload: Uint8Array; verifierPem: string }): RekorBody {
  return body('dsse', '0.0.1', {
    envelopeHash: { algorithm: 'sha256', value: hex(sha256(utf8Bytes(envelopeJson(args.envelope)))) },
    payloadHash: { algorithm: 'sha256', value: hex(sha256(args.payload)) },
    signatures: args.envelope.signatures.map((s) => ({ signature: s.sig, verifier: b64(utf8Bytes(args.verifierPem)) })),
  });
}

// intoto 0.0.2: the envelope with payload and signatures base64-encoded once more, the verifier PEM
// per signature, the envelope hash and the payload hash.
export function intotoV002(args: { envelope: DsseEnvelopeJson; payload: Uint8Array; verifierPem: string }): RekorBody {
  const { envelope } = args;
  return body('intoto', '0.0.2', {
    content: {
      envelope: {
        payload: b64(utf8Bytes(envelope.payload)),
        payloadType: envelope.payloadType,
        signatures: envelope.signatures.map((s) => ({ publicKey: b64(utf8Bytes(args.verifierPem)), sig: b64(utf8Bytes(s.sig)) })),
      },
      hash: { algorithm: 'sha256', value: hex(sha256(utf8Bytes(envelopeJson(envelope)))) },
      payloadHash: { algorithm: 'sha256', value: hex(sha256(args.payload)) },
    },
  });
}
