// Typed, located access to fields of untrusted JSON: every failure names the JSON path.
import { VerifyError, type ErrorCode } from '../errors';
import { LIMITS } from '../limits';
import { fromBase64 } from './base64';
import { quote } from './quote';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

// A reader that reports BUNDLE_* codes by default, or the codes a caller names (e.g. TRUST_ROOT_INVALID).
export class JsonFields {
  constructor(
    private readonly missingCode: ErrorCode = 'BUNDLE_FIELD_MISSING',
    private readonly invalidCode: ErrorCode = 'BUNDLE_FIELD_INVALID',
  ) {}

  missing(where: string, expected: string): never {
    throw new VerifyError(this.missingCode, `${where} is missing`, { where, expected });
  }

  invalid(where: string, expected: string, found: JsonValue | undefined): never {
    throw new VerifyError(this.invalidCode, `${where} is not ${expected}`, { where, expected, found: describe(found) });
  }

  object(value: JsonValue | undefined, where: string): JsonObject {
    if (value === undefined) this.missing(where, 'an object');
    if (!isJsonObject(value)) this.invalid(where, 'an object', value);
    return value;
  }

  optObject(value: JsonValue | undefined, where: string): JsonObject | undefined {
    return value === undefined || value === null ? undefined : this.object(value, where);
  }

  string(value: JsonValue | undefined, where: string): string {
    if (value === undefined) this.missing(where, 'a string');
    if (typeof value !== 'string') this.invalid(where, 'a string', value);
    return value;
  }

  // A short identifier (an entry kind, a version): a string of at most LIMITS.nameChars characters.
  name(value: JsonValue | undefined, where: string): string {
    const text = this.string(value, where);
    if (text.length > LIMITS.nameChars) this.invalid(where, `a name of at most ${LIMITS.nameChars} characters`, text);
    return text;
  }

  optString(value: JsonValue | undefined, where: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, where);
  }

  array(value: JsonValue | undefined, where: string, max: number): JsonValue[] {
    if (value === undefined) this.missing(where, 'an array');
    if (!Array.isArray(value)) this.invalid(where, 'an array', value);
    if (value.length > max) {
      throw new VerifyError('LIMIT_EXCEEDED', `${where} has ${value.length} items, over the limit of ${max}`, {
        where,
        expected: `at most ${max}`,
        found: String(value.length),
      });
    }
    return value;
  }

  // base64 bytes (protobuf-JSON encodes bytes fields this way); empty means missing; more than the
  // field's cap is refused before decoding.
  bytes(value: JsonValue | undefined, where: string, maxBytes: number = LIMITS.fieldBytes): Uint8Array {
    const text = this.string(value, where);
    if (text.length === 0) this.missing(where, 'non-empty base64');
    return fromBase64(text, where, maxBytes);
  }

  // A non-negative int64 written as a decimal string or a JSON number, within the safe-integer range.
  uint(value: JsonValue | undefined, where: string): number {
    if (value === undefined) this.missing(where, 'a non-negative integer');
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(text) || !Number.isSafeInteger(Number(text))) {
      this.invalid(where, 'a non-negative integer', value);
    }
    return Number(text);
  }
}

// A short, safe rendering of a found value for error details.
function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value, 80);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} characters of JSON)` : text;
}
