// The parts of a DSSE envelope and in-toto statement the DSSE view shows, read defensively from evidence.
import { fromHex } from '../../core/encoding/hex';
import type { JsonValue } from '../../core';

export interface PaeHeader {
  payloadType: string;
  payloadLength: number;
}

export interface StatementSummary {
  type: string;
  predicateType: string;
  subjects: { name: string; digests: [string, string][] }[];
}

const PAE_HEADER = /^DSSEv1 (\d+) /;
const PAE_BODY_LENGTH = /^ (\d+) /;

// The payload type and length from PAE bytes: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body (DSSE protocol).
export function parsePaeHeader(hex: string): PaeHeader | undefined {
  const bytes = fromHex(hex, 'PAE');
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  const head = PAE_HEADER.exec(ascii(0, 32));
  if (!head) return undefined;
  const typeStart = head[0].length;
  const typeEnd = typeStart + Number(head[1]);
  const body = PAE_BODY_LENGTH.exec(ascii(typeEnd, 24));
  if (!body) return undefined;
  return { payloadType: new TextDecoder().decode(bytes.subarray(typeStart, typeEnd)), payloadLength: Number(body[1]) };
}

// A JSON object's field as a string, or undefined.
function stringField(value: JsonValue | undefined, key: string): string | undefined {
  const field = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

// An in-toto statement's type, predicate type and subjects (in-toto Statement v1); undefined when it is not an object.
export function summariseStatement(statement: JsonValue): StatementSummary | undefined {
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return undefined;
  const subjects = Array.isArray(statement.subject) ? statement.subject : [];
  return {
    type: stringField(statement, '_type') ?? '(missing)',
    predicateType: stringField(statement, 'predicateType') ?? '(missing)',
    subjects: subjects.map((s) => {
      const digest = s !== null && typeof s === 'object' && !Array.isArray(s) ? s.digest : undefined;
      const digests = digest !== null && typeof digest === 'object' && !Array.isArray(digest) ? Object.keys(digest) : [];
      return { name: stringField(s, 'name') ?? '', digests: digests.map((alg): [string, string] => [alg, stringField(digest, alg) ?? '(not a string)']) };
    }),
  };
}
