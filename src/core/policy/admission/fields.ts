// Typed reads of policy and manifest fields (parsed YAML), each failure naming where it was.
import { VerifyError, type ErrorCode } from '../../errors';
import { isJsonObject, type JsonObject, type JsonValue } from '../../encoding';

// A reader whose errors carry one code (a policy or a manifest) and the field's path.
export class FieldReader {
  constructor(private readonly code: Extract<ErrorCode, 'ADMISSION_POLICY_INVALID' | 'MANIFEST_INVALID'>) {}

  // A failure at a path: what was expected and what was found (quoted at bounded length).
  fail(where: string, expected: string, found?: JsonValue): never {
    const shown = found === undefined ? 'nothing' : JSON.stringify(found).slice(0, 80);
    throw new VerifyError(this.code, `${where}: expected ${expected}, found ${shown}`, { where, expected, found: shown });
  }

  object(v: JsonValue | undefined, where: string): JsonObject {
    if (!isJsonObject(v)) this.fail(where, 'a mapping', v);
    return v;
  }

  optObject(v: JsonValue | undefined, where: string): JsonObject | undefined {
    return v === undefined || v === null ? undefined : this.object(v, where);
  }

  array(v: JsonValue | undefined, where: string, max: number): JsonValue[] {
    if (!Array.isArray(v)) this.fail(where, 'a list', v);
    if (v.length > max) throw new VerifyError('LIMIT_EXCEEDED', `${where} has ${v.length} entries; at most ${max} are read`, { where, expected: `≤ ${max}`, found: String(v.length) });
    return v;
  }

  optArray(v: JsonValue | undefined, where: string, max: number): JsonValue[] {
    return v === undefined || v === null ? [] : this.array(v, where, max);
  }

  string(v: JsonValue | undefined, where: string): string {
    if (typeof v !== 'string') this.fail(where, 'a string', v);
    return v;
  }

  optString(v: JsonValue | undefined, where: string): string | undefined {
    return v === undefined || v === null ? undefined : this.string(v, where);
  }

  optBool(v: JsonValue | undefined, where: string, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean') this.fail(where, 'true or false', v);
    return v;
  }

  optInt(v: JsonValue | undefined, where: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) this.fail(where, 'a whole number ≥ 0', v);
    return v;
  }

  stringList(v: JsonValue | undefined, where: string, max: number): string[] {
    return this.optArray(v, where, max).map((s, i) => this.string(s, `${where}[${i}]`));
  }

  stringMap(v: JsonValue | undefined, where: string): Record<string, string> {
    const o = this.optObject(v, where) ?? {};
    return Object.fromEntries(Object.entries(o).map(([k, s]) => [k, this.string(s, `${where}.${k}`)]));
  }
}

// The keys of an object that the model does not read, for "not evaluated" notes.
export function unreadKeys(o: JsonObject, read: readonly string[]): string[] {
  return Object.keys(o).filter((k) => !read.includes(k));
}
