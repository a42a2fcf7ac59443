// Bounded JSON parsing and RFC 8785 canonical serialisation (what Rekor signs).
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Parse JSON text within a size cap and nesting depth; throws JSON_INVALID or INPUT_TOO_LARGE.
export function parseJson(text: string, where = 'JSON', maxBytes: number = LIMITS.bundleBytes): JsonValue {
  if (text.length > maxBytes) {
    throw new VerifyError('INPUT_TOO_LARGE', `${where} is ${text.length} characters, over the ${maxBytes} limit`, {
      where,
      expected: `at most ${maxBytes}`,
      found: String(text.length),
    });
  }
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw new VerifyError('JSON_INVALID', `${where} is not valid JSON: ${(err as Error).message}`, { where });
  }
  assertDepth(value, where);
  return value;
}

// Refuse documents nested deeper than the limit (they would only be used to exhaust the stack).
function assertDepth(root: JsonValue, where: string): void {
  const tooDeep = () => new VerifyError('LIMIT_EXCEEDED', `${where} is nested more than ${LIMITS.jsonDepth} levels deep`, { where });
  // Only arrays and objects are stacked, with their depths alongside; a value of any kind counts as one level.
  const values: JsonValue[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (children.length > 0 && depth + 1 > LIMITS.jsonDepth) throw tooDeep();
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
}

// RFC 8785 (JCS) canonical JSON: sorted keys by UTF-16 code units, no whitespace.
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

// Type guard for a plain JSON object.
export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
