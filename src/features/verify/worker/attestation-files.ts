// In the worker: a DSSE bundle's envelope and its predicate exactly as signed, for the Attestation tab's downloads.
import { fromBase64, isJsonObject, LIMITS, parseJson, signedPredicateBytes, type AttestationFiles } from '../../../core';

// The envelope as one line of JSON and the predicate's bytes as text, or undefined when the bundle holds no envelope.
export function attestationFiles(bundleText: string): AttestationFiles | undefined {
  try {
    const bundle = parseJson(bundleText, 'bundle', LIMITS.bundleBytes);
    const envelope = isJsonObject(bundle) ? bundle.dsseEnvelope : undefined;
    if (!isJsonObject(envelope) || typeof envelope.payload !== 'string') return undefined;
    const predicate = signedPredicateBytes(fromBase64(envelope.payload, 'DSSE payload'));
    return { envelope: JSON.stringify(envelope), ...(predicate ? { predicate: new TextDecoder('utf-8', { fatal: true }).decode(predicate) } : {}) };
  } catch {
    return undefined;
  }
}
