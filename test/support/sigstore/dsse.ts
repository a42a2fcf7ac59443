// DSSE envelopes (secure-systems-lab DSSE v1 protocol) and in-toto v1 statements.
import { concat } from './der.ts';
import { b64, hex, sha256, utf8Bytes } from './keys.ts';

export interface DsseEnvelopeJson {
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly { readonly sig: string; readonly keyid?: string }[];
}

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

// PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body (DSSE protocol.md).
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8Bytes(payloadType);
  return concat(utf8Bytes(`DSSEv1 ${type.length} `), type, utf8Bytes(` ${payload.length} `), payload);
}

// Envelope JSON as the signer serialises it, the text Rekor's dsse envelopeHash covers.
export function envelopeJson(envelope: DsseEnvelopeJson): string {
  return JSON.stringify({
    payload: envelope.payload,
    payloadType: envelope.payloadType,
    signatures: envelope.signatures.map((s) => (s.keyid ? { keyid: s.keyid, sig: s.sig } : { sig: s.sig })),
  });
}

// Builds an envelope from payload bytes and raw signatures.
export function envelope(payloadType: string, payload: Uint8Array, signatures: readonly Uint8Array[]): DsseEnvelopeJson {
  return { payload: b64(payload), payloadType, signatures: signatures.map((s) => ({ sig: b64(s) })) };
}

export interface StatementSubject {
  readonly name: string;
  /** Artifact bytes (hashed with SHA-256) or a ready digest map. */
  readonly artifact?: Uint8Array;
  readonly digest?: Readonly<Record<string, string>>;
}

// An in-toto v1 Statement for the subjects (in-toto attestation spec v1).
export function inTotoStatement(
  subjects: readonly StatementSubject[],
  predicateType = 'https://slsa.dev/provenance/v1',
  predicate: Readonly<Record<string, unknown>> = { buildDefinition: { buildType: 'https://signet.test/build/v1' } },
): Record<string, unknown> {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: subjects.map((s) => ({
      name: s.name,
      digest: s.digest ?? { sha256: hex(sha256(s.artifact ?? new Uint8Array(0))) },
    })),
    predicateType,
    predicate,
  };
}
