// An entry read from a Rekor v1 log, as the signature it records, so the engine checks it exactly as it checks a
// bundle: a hashedrekord entry is a message signature over the logged digest; a dsse or intoto entry is its DSSE
// envelope, rebuilt from the payload the log stored beside it (LogEntry.attestation) or inside the body (intoto 0.0.2
// bodies written before the payload was left out). The logged certificate or key is the verification material and
// the entry itself (SET, inclusion proof, checkpoint) its log entry. The engine's tlog.body step then checks the
// payload against the hash the body records.
import type { Bundle, SignatureContent } from '../core/bundle/types';
import { IN_TOTO_PAYLOAD_TYPE } from '../core/dsse/in-toto';
import { fromBase64 } from '../core/encoding/base64';
import { fromUtf8 } from '../core/encoding/bytes';
import { isJsonObject, parseJson } from '../core/encoding/json';
import { parseRekorBody, type LoggedVerifier, type RekorLogEntry } from '../core/tlog';

// A string at a path of nested objects, or undefined.
function stringAt(json: unknown, path: string[]): string | undefined {
  let at: unknown = json;
  for (const key of path) at = isJsonObject(at) ? at[key] : undefined;
  return typeof at === 'string' ? at : undefined;
}

// Whether bytes are an in-toto Statement (any version), which is what a dsse 0.0.1 body's unrecorded payload type must then be.
function isStatement(payload: Uint8Array): boolean {
  try {
    const json = parseJson(fromUtf8(payload, 'attestation'), 'attestation', payload.length + 1);
    return (stringAt(json, ['_type']) ?? '').startsWith('https://in-toto.io/Statement/');
  } catch {
    return false;
  }
}

// The envelope a dsse or intoto entry records, when its payload is at hand.
function envelopeOf(found: RekorLogEntry, signatures: Uint8Array[]): SignatureContent | undefined {
  const { entry } = found;
  const sigs = signatures.map((sig) => ({ keyid: '', sig }));
  if (entry.kind === 'intoto' && entry.version === '0.0.2') {
    const payloadType = stringAt(found.body, ['spec', 'content', 'envelope', 'payloadType']);
    const inBody = stringAt(found.body, ['spec', 'content', 'envelope', 'payload']);
    const payload = found.attestation ?? (inBody ? fromBase64(fromUtf8(fromBase64(inBody, 'spec.content.envelope.payload'), 'payload'), 'payload') : undefined);
    return payloadType && payload ? { kind: 'dsse', payloadType, payload, signatures: sigs } : undefined;
  }
  // dsse 0.0.1 records no payload type; Sigstore clients log in-toto statements, and the signature over PAE checks the type.
  if (entry.kind === 'dsse' && entry.version === '0.0.1' && found.attestation && isStatement(found.attestation)) {
    return { kind: 'dsse', payloadType: IN_TOTO_PAYLOAD_TYPE, payload: found.attestation, signatures: sigs };
  }
  return undefined;
}

// The Bundle an entry records, or undefined when the log gave too little to rebuild what was signed (a dsse entry
// without its payload, rekord's formats, other kinds).
export function bundleOfEntry(found: RekorLogEntry): Bundle | undefined {
  const { entry } = found;
  if (!['hashedrekord/0.0.1', 'dsse/0.0.1', 'intoto/0.0.2'].includes(`${entry.kind}/${entry.version}`)) return undefined;
  const body = parseRekorBody(entry);
  const signatures = body.signatures.flatMap((s) => (s.signature ? [s.signature] : []));
  const verifier: LoggedVerifier | undefined = body.signatures[0]?.verifier;
  if (!verifier || signatures.length !== body.signatures.length) return undefined;
  const content: SignatureContent | undefined =
    entry.kind === 'hashedrekord' ? { kind: 'message', digest: { algorithm: body.digest.algorithm, value: body.digest.value }, signature: signatures[0]! } : envelopeOf(found, signatures);
  if (!content) return undefined;
  return {
    mediaType: `Rekor v1 log entry ${found.uuid} (${entry.kind} ${entry.version})`,
    version: entry.inclusionProof ? '0.2' : '0.1',
    content,
    material: verifier.form === 'certificate' ? { kind: 'certificate', chain: [verifier.der], form: 'certificate' } : { kind: 'publicKey', hint: '' },
    tlogEntries: [entry],
    rfc3161Timestamps: [],
    origin: 'rekor-entry',
  };
}
