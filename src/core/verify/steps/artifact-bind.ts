// artifact.bind: the signed digest (or the in-toto subject) is the artifact the user has.
import { VerifyError } from '../../errors';
import { bytesEqual, fromUtf8, parseJson, toHex } from '../../encoding';
import { digest, type HashAlg } from '../../crypto';
import { findSubject, IN_TOTO_PAYLOAD_TYPE, parseInTotoStatement } from '../../dsse';
import type { VerifyContext } from '../context';
import { digestLabel } from '../options';
import type { StepOutcome } from '../step-recorder';

const IN_TOTO_NAMES: Record<HashAlg, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

// Compute or take the artifact digest, then bind it to the bundle content.
export async function bindArtifact(ctx: VerifyContext): Promise<StepOutcome> {
  const { artifact } = ctx.req;
  const content = ctx.bundle.content;
  if (!artifact) {
    return { status: 'warn', summary: 'No artifact was given, so nothing ties this signature to a file you hold.' };
  }
  const algorithm: HashAlg = artifact.kind === 'digest' ? artifact.algorithm : content.kind === 'message' && content.digest ? content.digest.algorithm : 'SHA-256';
  const value = artifact.kind === 'digest' ? artifact.value : await digest(algorithm, artifact.bytes);
  ctx.artifactDigest = { algorithm, value };
  const label = digestLabel(algorithm, value);
  const given = artifact.kind === 'digest' ? 'the given digest' : `the artifact (${artifact.bytes.length} bytes)`;

  if (content.kind === 'message') {
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

  if (content.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new VerifyError('STATEMENT_INVALID', `the DSSE payload type is ${JSON.stringify(content.payloadType)}, so no subject can name the artifact`, {
      where: 'dsseEnvelope.payloadType',
      expected: IN_TOTO_PAYLOAD_TYPE,
      found: content.payloadType,
    });
  }
  const statement = parseInTotoStatement(content.payload);
  const subject = findSubject(statement, IN_TOTO_NAMES[algorithm], toHex(value));
  return {
    summary: `The in-toto statement names ${given} as ${subject.name ? `subject ${JSON.stringify(subject.name)}` : 'an unnamed subject'} (${label}).`,
    evidence: [
      { kind: 'text', label: 'artifact digest', value: label },
      ...(subject.name ? [{ kind: 'text' as const, label: 'matching subject', value: subject.name }] : []),
      { kind: 'text', label: 'predicate type', value: statement.predicateType },
      { kind: 'text', label: 'subjects', value: String(statement.subjects.length) },
      { kind: 'json', key: 'statement', label: 'in-toto statement', value: parseJson(fromUtf8(content.payload, 'DSSE payload'), 'in-toto statement') },
    ],
  };
}
