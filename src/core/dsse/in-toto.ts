// in-toto Statement v0.1/v1 (in-toto attestation framework): the subjects a DSSE attestation speaks for.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { fromUtf8, isJsonObject, JsonFields, parseJson, type JsonValue } from '../encoding';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1'];

export interface InTotoSubject {
  name: string;
  /** Algorithm name (sha256, sha512, …) to lower-case hex. */
  digest: Record<string, string>;
}

export interface InTotoStatement {
  type: string;
  subjects: InTotoSubject[];
  predicateType: string;
  predicate: JsonValue | undefined;
}

const f: JsonFields = new JsonFields('STATEMENT_INVALID', 'STATEMENT_INVALID');

/** Statements already parsed, by payload: one verification reads its statement in several steps. */
const parsed = new WeakMap<Uint8Array, InTotoStatement>();

// Parse a DSSE payload as an in-toto statement (once per payload; the result is shared, never mutated).
export function parseInTotoStatement(payload: Uint8Array): InTotoStatement {
  const known = parsed.get(payload);
  if (known) return known;
  const statement = readStatement(payload);
  parsed.set(payload, statement);
  return statement;
}

// Parse and validate the statement's type, subjects and predicate type.
function readStatement(payload: Uint8Array): InTotoStatement {
  const json = parseJson(fromUtf8(payload, 'DSSE payload'), 'in-toto statement', LIMITS.attestationBytes);
  const st = f.object(json, 'statement');
  const type = f.string(st._type, 'statement._type');
  if (!STATEMENT_TYPES.includes(type)) f.invalid('statement._type', STATEMENT_TYPES.join(' | '), type);
  const subjects = f.array(st.subject, 'statement.subject', LIMITS.statementSubjects).map((s, i) => {
    const subject = f.object(s, `statement.subject[${i}]`);
    const digest = f.object(subject.digest, `statement.subject[${i}].digest`);
    const entries = Object.entries(digest).filter((e): e is [string, string] => typeof e[1] === 'string');
    return { name: f.optString(subject.name, `statement.subject[${i}].name`) ?? '', digest: Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), v.toLowerCase()])) };
  });
  return { type, subjects, predicateType: f.string(st.predicateType, 'statement.predicateType'), predicate: isJsonObject(st) ? st.predicate : undefined };
}

// The subject whose digest under `algorithm` equals `hexDigest`; throws ARTIFACT_NOT_IN_SUBJECTS otherwise.
export function findSubject(statement: InTotoStatement, algorithm: string, hexDigest: string): InTotoSubject {
  const match = statement.subjects.find((s) => s.digest[algorithm] === hexDigest);
  if (!match) {
    throw new VerifyError('ARTIFACT_NOT_IN_SUBJECTS', `no subject of the statement has ${algorithm}:${hexDigest}`, {
      where: 'statement.subject',
      expected: `${algorithm}:${hexDigest}`,
      found: statement.subjects.map((s) => `${s.name} ${Object.entries(s.digest).map(([a, d]) => `${a}:${d}`).join(',')}`).join('; ') || 'no subjects',
    });
  }
  return match;
}
