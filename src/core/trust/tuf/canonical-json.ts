// The canonical JSON TUF signs (securesystemslib / OLPC canonical JSON): keys sorted, no whitespace, strings
// escaping only `"` and `\`, integers only. Metadata that needs anything else cannot be signed, so it is refused.
import { VerifyError } from '../../errors';
import type { JsonValue } from '../../encoding';

// The canonical text of a JSON value (TUF specification §4.2, "canonical JSON").
export function tufCanonicalJson(value: JsonValue, where = 'metadata'): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new VerifyError('TUF_METADATA_INVALID', `${where} holds a number canonical JSON cannot carry`, { expected: 'an integer', found: String(value), where });
    return String(value);
  }
  if (typeof value === 'string') return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (Array.isArray(value)) return `[${value.map((v, i) => tufCanonicalJson(v, `${where}[${i}]`)).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${tufCanonicalJson(k)}:${tufCanonicalJson(value[k]!, `${where}.${k}`)}`).join(',')}}`;
}
