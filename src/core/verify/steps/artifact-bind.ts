// artifact.bind: the signed digest (or the in-toto subject, or the image a simplesigning payload names) is the artifact the user has.
import { VerifyError } from '../../errors';
import { bytesEqual, quote, toHex } from '../../encoding';
import { digest, digestLabelName, type HashAlg } from '../../crypto';
import { findSubject, IN_TOTO_PAYLOAD_TYPE, parseInTotoStatement, type InTotoStatement, type InTotoSubject } from '../../dsse';
import type { MessageSignatureContent } from '../../bundle';
import type { VerifyContext } from '../context';
import { digestLabel, type ArtifactInput } from '../options';
import type { StepOutcome } from '../step-recorder';
import { StepFailure } from '../step-failure';
import { bindImage } from './image-binding';
import { signedArtifact } from './signed-artifact';
import { signedEvidence } from '../signed-content';


// Compute or take the artifact digest, then bind it to the bundle content.
export async function bindArtifact(ctx: VerifyContext): Promise<StepOutcome> {
  const artifact = signedArtifact(ctx);
  const content = ctx.bundle.content;
  if (content.kind === 'message' && content.payload) return bindSimpleSigning(ctx, content, content.payload.bytes, artifact);
  if (!artifact) {
    return { status: 'warn', summary: 'No artifact was given, so nothing ties this signature to a file you hold.' };
  }
  if (content.kind === 'message') {
    const { algorithm, value, label, given } = await artifactDigest(ctx, artifact, content.digest?.algorithm ?? 'SHA-256');
    return bindMessage(content, value, algorithm, label, given);
  }

  if (content.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerifyError('STATEMENT_INVALID', `the DSSE payload type is ${quote(content.payloadType)}, so no subject can name the artifact`, {
      where: 'dsseEnvelope.payloadType',
      expected: IN_TOTO_PAYLOAD_TYPE,
      found: content.payloadType,
    });
  }
  const statement = parseInTotoStatement(content.payload);
  const { subject, label, given } = await subjectForArtifact(ctx, artifact, statement);
  return {
    summary: `The in-toto statement names ${given} as ${subject.name ? `subject ${quote(subject.name)}` : 'an unnamed subject'} (${label}).`,
    evidence: [
      { kind: 'text', label: 'artifact digest', value: label },
      ...(subject.name ? [{ kind: 'text' as const, label: 'matching subject', value: subject.name }] : []),
      { kind: 'text', label: 'predicate type', value: statement.predicateType },
      { kind: 'text', label: 'subjects', value: String(statement.subjects.length) },
      signedEvidence('statement', 'in-toto statement', 'payload', content.payload),
    ],
  };
}

// The subject naming the artifact. A file is hashed with every SHA-2 algorithm the subjects name (npm and
// GitHub attestations name sha512 only), strongest first; a given digest is looked up under its own algorithm.
async function subjectForArtifact(ctx: VerifyContext, artifact: ArtifactInput, statement: InTotoStatement): Promise<{ subject: InTotoSubject; label: string; given: string }> {
  const named = new Set(statement.subjects.flatMap((s) => Object.keys(s.digest)));
  const algorithms = artifact.kind === 'digest' ? [artifact.algorithm] : SUBJECT_ALGORITHMS.filter((a) => named.has(digestLabelName(a)));
  let miss: unknown;
  for (const alg of algorithms.length ? algorithms : ['SHA-256' as const]) {
    const d = await artifactDigest(ctx, artifact, alg);
    try {
      return { subject: findSubject(statement, digestLabelName(d.algorithm), toHex(d.value)), label: d.label, given: d.given };
    } catch (err) {
      miss ??= err;
    }
  }
  throw miss;
}

const SUBJECT_ALGORITHMS: HashAlg[] = ['SHA-512', 'SHA-384', 'SHA-256'];

// The artifact's digest (computed for bytes, in the algorithm asked for), recorded on the context.
async function artifactDigest(ctx: VerifyContext, artifact: ArtifactInput, wanted: HashAlg): Promise<{ algorithm: HashAlg; value: Uint8Array; label: string; given: string }> {
  const algorithm: HashAlg = artifact.kind === 'digest' ? artifact.algorithm : wanted;
  const value = artifact.kind === 'digest' ? artifact.value : await digest(algorithm, artifact.bytes);
  ctx.artifactDigest = { algorithm, value };
  const given = artifact.kind === 'digest' ? (ctx.req.artifact ? 'the given digest' : 'the image digest') : ctx.req.artifact ? `the artifact (${artifact.bytes.length} bytes)` : `the ${artifact.bytes.length}-byte payload`;
  return { algorithm, value, label: digestLabel(algorithm, value), given };
}

// A message signature: its message digest is the artifact's digest.
function bindMessage(content: MessageSignatureContent, value: Uint8Array, algorithm: HashAlg, label: string, given: string): StepOutcome {
  if (!content.digest) {
    return { summary: `The bundle names no digest; the signature itself is checked over ${label}.`, evidence: [{ kind: 'text', label: 'artifact digest', value: label }] };
  }
  if (content.digest.algorithm !== algorithm || !bytesEqual(content.digest.value, value)) {
    throw new VerifyError('ARTIFACT_DIGEST_MISMATCH', `the bundle signs ${digestLabel(content.digest.algorithm, content.digest.value)}, but ${given} is ${label}`, {
      where: 'messageSignature.messageDigest',
      expected: label,
      found: digestLabel(content.digest.algorithm, content.digest.value),
    });
  }
  return { summary: `The bundle's message digest equals ${given}: ${label}.`, evidence: [{ kind: 'text', label: 'artifact digest', value: label }] };
}

// A cosign simplesigning signature: the payload is the signed artifact and names the image (cosign signature spec).
async function bindSimpleSigning(ctx: VerifyContext, content: MessageSignatureContent, payload: Uint8Array, artifact: ArtifactInput | null): Promise<StepOutcome> {
  const image = bindImage(payload, ctx.req.image);
  if (!artifact) return { status: 'warn', summary: image.summary, evidence: image.evidence };
  const d = await artifactDigest(ctx, artifact, content.digest?.algorithm ?? 'SHA-256');
  let message: StepOutcome;
  try {
    message = bindMessage(content, d.value, d.algorithm, d.label, d.given);
  } catch (err) {
    throw StepFailure.of(err, image.evidence);
  }
  return {
    ...(image.unchecked ? { status: 'warn' as const } : {}),
    // Without an artifact of the user's the payload is the artifact, and its digest matches by construction.
    summary: ctx.req.artifact ? `${image.summary} ${message.summary}` : image.summary,
    evidence: [...image.evidence, ...(message.evidence ?? [])],
  };
}
