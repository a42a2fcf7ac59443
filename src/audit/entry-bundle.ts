// A hashedrekord entry read from a Rekor v1 log, as the signature it records: a message signature over the logged
// digest, with the logged certificate or key, and the entry itself (SET, inclusion proof, checkpoint) as its log
// entry. The engine then checks it exactly as it checks a bundle.
import type { Bundle } from '../core';
import { parseRekorBody, type RekorLogEntry } from '../core/tlog';

// The Bundle an entry records, or undefined for kinds whose body does not carry what was signed (dsse and intoto
// record only their payload's hash; rekord signs the artifact bytes in formats beyond the bundle's).
export function bundleOfEntry(found: RekorLogEntry): Bundle | undefined {
  const { entry } = found;
  if (entry.kind !== 'hashedrekord' || entry.version !== '0.0.1') return undefined;
  const body = parseRekorBody(entry);
  const signed = body.signatures[0];
  if (!signed?.signature) return undefined;
  const verifier = signed.verifier;
  return {
    mediaType: `Rekor v1 log entry ${found.uuid} (${entry.kind} ${entry.version})`,
    version: entry.inclusionProof ? '0.2' : '0.1',
    content: { kind: 'message', digest: { algorithm: body.digest.algorithm, value: body.digest.value }, signature: signed.signature },
    material: verifier.form === 'certificate' ? { kind: 'certificate', chain: [verifier.der], form: 'certificate' } : { kind: 'publicKey', hint: '' },
    tlogEntries: [entry],
    rfc3161Timestamps: [],
    origin: 'rekor-entry',
  };
}
