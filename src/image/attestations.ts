// Attestations among an image's signatures: which entries are attestations and of what type, the verdict
// when a predicate type was asked for (cosign verify-attestation's rule and words), and attached SBOMs.
import { signedPredicateBytes } from '../core/attest/predicate-bytes';
import { COSIGN_SIGN_PREDICATE, matchesPredicateType, noMatchMessage, resolvePredicateType } from '../core/attest/predicate-types';
import { readSbomBlob } from '../core/attest/read-attestation';
import { parseInTotoStatement } from '../core/dsse/in-toto';
import { fromBase64 } from '../core/encoding/base64';
import { fromUtf8 } from '../core/encoding/bytes';
import { isJsonObject, parseJson, type JsonObject } from '../core/encoding/json';
import { toVerifyError } from '../core/errors';
import { LIMITS } from '../core/limits';
import type { VerificationPolicy } from '../core/verify/options';
import type { Step, Verdict, VerificationResult } from '../core/verify/types';
import type { AttachedSbom, DiscoveredSignature, ImageReference, RegistryClient } from '../oci';
import type { AttachedSbomRecord, SignatureVerification } from './types';

// Signature or attestation, from the signed statement when it could be read, else from where it was stored.
export function kindOf(sig: DiscoveredSignature, result: VerificationResult): Pick<SignatureVerification, 'kind' | 'predicateType'> {
  const predicateType = result.attestation?.predicateType ?? sig.predicateTypeHint;
  const statement = result.attestation !== undefined || sig.format === 'cosign-dsse' || sig.contentHint === 'dsse-envelope';
  const kind = statement && predicateType !== COSIGN_SIGN_PREDICATE && (predicateType !== undefined || sig.format === 'cosign-dsse') ? 'attestation' : 'signature';
  return { kind, ...(predicateType === undefined ? {} : { predicateType }) };
}

// With a predicate type asked for, only attestations of that type count (cosign verify-attestation --type):
// none of that type fails with cosign's words, naming the types found; otherwise undefined (the usual rule).
export function attestationVerdict(policy: VerificationPolicy, steps: Step[], entries: SignatureVerification[]): { verdict: Verdict; headline: string } | undefined {
  if (policy.predicateType === undefined || steps.some((s) => s.status === 'fail')) return undefined;
  let choice;
  try {
    choice = resolvePredicateType(policy.predicateType);
  } catch (err) {
    return { verdict: 'failed', headline: toVerifyError(err).message };
  }
  const attestations = entries.filter((e) => e.kind === 'attestation');
  if (attestations.some((e) => e.predicateType !== undefined && matchesPredicateType(choice, e.predicateType))) return undefined;
  const found = attestations.flatMap((e) => e.predicateType ?? []);
  return { verdict: 'failed', headline: found.length === 0 ? 'no attestations found' : noMatchMessage(choice, found) };
}

// Each attached SBOM's blob read into a view (within the attestation size limit), labelled unsigned by the UI.
export async function readAttachedSboms(client: RegistryClient, ref: Pick<ImageReference, 'registry' | 'repository'>, sboms: AttachedSbom[], onProgress?: (message: string) => void): Promise<AttachedSbomRecord[]> {
  const out: AttachedSbomRecord[] = [];
  for (const sbom of sboms) {
    const record: AttachedSbomRecord = { where: sbom.where, manifestDigest: sbom.manifestDigest, mediaType: sbom.layer.mediaType, digest: sbom.layer.digest, size: sbom.layer.size };
    try {
      onProgress?.(`Reading the attached SBOM ${sbom.layer.digest.slice(0, 19)}… (${sbom.layer.size} bytes)`);
      const bytes = await client.fetchBlob(ref, sbom.layer, LIMITS.attestationBytes);
      record.view = readSbomBlob(bytes, sbom.layer.mediaType);
    } catch (err) {
      record.error = toVerifyError(err).message.slice(0, 500);
    }
    out.push(record);
  }
  return out;
}

// The DSSE envelope of a stored attestation: a `.att` layer is one; a bundle carries it as dsseEnvelope.
function envelopeObject(sig: DiscoveredSignature): JsonObject | undefined {
  if (sig.format === 'cosign-simplesigning') return undefined;
  try {
    const doc = parseJson(fromUtf8(sig.layer.bytes, sig.where), sig.where, LIMITS.bundleBytes);
    const envelope = sig.format === 'sigstore-bundle' && isJsonObject(doc) ? doc.dsseEnvelope : doc;
    return isJsonObject(envelope) ? envelope : undefined;
  } catch {
    return undefined;
  }
}

// The envelope as one line of JSON, as `cosign verify-attestation` and `cosign download attestation` print it.
export function envelopeOf(sig: DiscoveredSignature): string | undefined {
  const envelope = envelopeObject(sig);
  return envelope === undefined ? undefined : JSON.stringify(envelope);
}

// The statement's predicate exactly as signed (its bytes in the DSSE payload, as text), for downloading it alone.
export function predicateOf(sig: DiscoveredSignature): string | undefined {
  const envelope = envelopeObject(sig);
  if (!envelope || typeof envelope.payload !== 'string') return undefined;
  try {
    const bytes = signedPredicateBytes(fromBase64(envelope.payload, `${sig.where} payload`));
    return bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// The predicate type a stored attestation claims, read without verifying it (for listings such as `signet tree`).
export function claimedPredicateType(sig: DiscoveredSignature): string | undefined {
  const envelope = envelopeObject(sig);
  if (!envelope || typeof envelope.payload !== 'string') return sig.predicateTypeHint;
  try {
    return parseInTotoStatement(fromBase64(envelope.payload, `${sig.where} payload`)).predicateType;
  } catch {
    return sig.predicateTypeHint;
  }
}
