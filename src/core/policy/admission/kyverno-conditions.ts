// Kyverno attestation `conditions`: `{{ JMESPath }}` variables over the predicate, then Kyverno's operators.
// Operators and their meaning from https://kyverno.io/docs/policy-types/cluster-policy/preconditions ("Operators"):
// Equals/NotEquals (wildcards in string values), AnyIn/AllIn/AnyNotIn/AllNotIn (lists, wildcards, numeric ranges "a-b"),
// In/NotIn (deprecated forms), GreaterThan/GreaterThanOrEquals/LessThan/LessThanOrEquals (numbers, durations, semver)
// and the Duration* comparisons. Variables are substituted as pkg/engine/variables does: a value that is exactly one
// `{{ … }}` becomes the JSON result; text around a variable makes a string.
import { search } from '@jmespath-community/jmespath';
import { VerifyError } from '../../errors';
import { LIMITS } from '../../limits';
import { canonicalJson, isJsonObject, type JsonObject, type JsonValue } from '../../encoding';
import { wildcardMatch } from './wildcard';

export interface Condition {
  key: JsonValue;
  operator: string;
  value: JsonValue;
  message?: string;
}

/** One `{ all: [...], any: [...] }` block; every block of a list must hold. */
export interface ConditionBlock {
  all: Condition[];
  any: Condition[];
}

/** Why a condition list did not hold, naming the condition. */
export interface ConditionFailure {
  where: string;
  /** `builder.id` Equals `https://…`: found `…`. */
  summary: string;
  /** Not evaluable here (an unknown JMESPath function, an unsupported operator): never guessed. */
  notEvaluated?: boolean;
}

const VARIABLE = /\{\{\s*(.*?)\s*\}\}/g;

// Substitute `{{ expr }}` variables in a condition operand with JMESPath results over the predicate.
function substitute(value: JsonValue, data: JsonObject, where: string): JsonValue {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*(.*?)\s*\}\}$/.exec(value);
    if (whole) return query(whole[1]!, data, where);
    return value.replace(VARIABLE, (_, expr: string) => {
      const r = query(expr, data, where);
      return typeof r === 'string' ? r : canonicalJson(r);
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, data, `${where}[${i}]`));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, data, `${where}.${k}`)]));
  return value;
}

// One JMESPath query; a missing value is Kyverno's "variable not found" failure.
function query(expr: string, data: JsonObject, where: string): JsonValue {
  if (expr.length > LIMITS.regexpLength) throw new VerifyError('ADMISSION_POLICY_INVALID', `${where}: JMESPath expression longer than ${LIMITS.regexpLength} characters`, { where });
  let r: unknown;
  try {
    r = search(data as never, expr);
  } catch (err) {
    throw new VerifyError('POLICY_NOT_CHECKED', `${where}: JMESPath ${JSON.stringify(expr.slice(0, 120))} cannot be evaluated here: ${(err as Error).message.slice(0, 120)}`, { where, found: expr.slice(0, 120) });
  }
  if (r === null || r === undefined) {
    throw new VerifyError('POLICY_PREDICATE_MISMATCH', `${where}: variable ${expr.slice(0, 120)} not found in the predicate`, { where, expected: expr.slice(0, 120), found: 'nothing' });
  }
  return r as JsonValue;
}

// Go duration text ("1h30m", "90s") to nanoseconds; undefined when it is not one.
function parseDuration(v: JsonValue): number | undefined {
  if (typeof v !== 'string' || !/^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(v)) return undefined;
  const unit: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
  const sign = v.startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * unit[m[2]!]!;
  return sign * total;
}

// Semantic version text (optional leading v) to comparable parts; undefined when it is not one.
function parseSemver(v: JsonValue): number[] | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

// A number, or a string holding one.
function asNumber(v: JsonValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

// -1, 0, 1 for numbers, durations or semantic versions; undefined when the operands are not comparable.
function compare(key: JsonValue, value: JsonValue, durationsOnly: boolean): number | undefined {
  const sign = (d: number) => (d < 0 ? -1 : d > 0 ? 1 : 0);
  const dk = parseDuration(key);
  const dv = parseDuration(value);
  if (dk !== undefined && dv !== undefined) return sign(dk - dv);
  if (durationsOnly) return undefined;
  const nk = asNumber(key);
  const nv = asNumber(value);
  if (nk !== undefined && nv !== undefined) return sign(nk - nv);
  const sk = parseSemver(key);
  const sv = parseSemver(value);
  if (sk && sv) return sign(sk[0]! - sv[0]! || sk[1]! - sv[1]! || sk[2]! - sv[2]!);
  return undefined;
}

// Equality as Kyverno's Equals handler has it: string values are wildcard patterns, everything else compares by value.
function equals(key: JsonValue, value: JsonValue): boolean {
  if (typeof key === 'string' && typeof value === 'string') return wildcardMatch(value, key);
  const nk = asNumber(key);
  const nv = asNumber(value);
  if (typeof key !== 'string' && nk !== undefined && nv !== undefined) return nk === nv;
  return canonicalJson(key) === canonicalJson(value);
}

// Whether one element is in a value list: wildcards for strings, "a-b" numeric ranges for numbers.
function inList(element: JsonValue, list: JsonValue[]): boolean {
  return list.some((candidate) => {
    if (typeof candidate === 'string' && typeof element !== 'string') {
      const range = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(candidate);
      const n = asNumber(element);
      if (range && n !== undefined) return n >= Number(range[1]) && n <= Number(range[2]);
    }
    return equals(element, candidate);
  });
}

// A scalar operand as a one-element list; a list as itself.
const listOf = (v: JsonValue): JsonValue[] => (Array.isArray(v) ? v : [v]);

// Apply one operator to substituted operands; undefined when the operator is not one Kyverno documents.
function apply(operator: string, key: JsonValue, value: JsonValue): boolean | undefined {
  const keys = listOf(key);
  const values = listOf(value);
  const cmp = (durations: boolean, ok: (c: number) => boolean) => {
    const c = compare(key, value, durations);
    return c !== undefined && ok(c);
  };
  switch (operator.toLowerCase()) {
    case 'equals':
    case 'equal':
      return equals(key, value);
    case 'notequals':
    case 'notequal':
      return !equals(key, value);
    case 'anyin':
      return keys.some((k) => inList(k, values));
    case 'allin':
    case 'in':
      return keys.every((k) => inList(k, values));
    case 'anynotin':
      return keys.some((k) => !inList(k, values));
    case 'allnotin':
    case 'notin':
      return keys.every((k) => !inList(k, values));
    case 'greaterthan':
      return cmp(false, (c) => c > 0);
    case 'greaterthanorequals':
      return cmp(false, (c) => c >= 0);
    case 'lessthan':
      return cmp(false, (c) => c < 0);
    case 'lessthanorequals':
      return cmp(false, (c) => c <= 0);
    case 'durationgreaterthan':
      return cmp(true, (c) => c > 0);
    case 'durationgreaterthanorequals':
      return cmp(true, (c) => c >= 0);
    case 'durationlessthan':
      return cmp(true, (c) => c < 0);
    case 'durationlessthanorequals':
      return cmp(true, (c) => c <= 0);
    default:
      return undefined;
  }
}

// Evaluate one condition; a failure says which key, operator and value, and what was found.
function evaluate(c: Condition, data: JsonObject, where: string): ConditionFailure | undefined {
  let key: JsonValue;
  let value: JsonValue;
  try {
    key = substitute(c.key, data, `${where}.key`);
    value = substitute(c.value, data, `${where}.value`);
  } catch (err) {
    const e = err as VerifyError;
    return { where, summary: e.message, ...(e.code === 'POLICY_NOT_CHECKED' ? { notEvaluated: true } : {}) };
  }
  const ok = apply(c.operator, key, value);
  if (ok === undefined) return { where, summary: `operator ${JSON.stringify(c.operator.slice(0, 40))} is not one Kyverno documents`, notEvaluated: true };
  if (ok) return undefined;
  const shown = (v: JsonValue) => {
    const text = JSON.stringify(v);
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  };
  return { where, summary: `${shown(c.key)} ${c.operator} ${shown(c.value)} is false: found ${shown(key)}${c.message ? ` (${c.message.slice(0, 120)})` : ''}` };
}

// Every block must hold: all of its `all` conditions and, when it has any, at least one of its `any` conditions.
export function evaluateConditions(blocks: ConditionBlock[], predicate: JsonObject, where: string): ConditionFailure | undefined {
  for (const [b, block] of blocks.entries()) {
    for (const [i, c] of block.all.entries()) {
      const failure = evaluate(c, predicate, `${where}[${b}].all[${i}]`);
      if (failure) return failure;
    }
    if (block.any.length > 0) {
      const failures = block.any.map((c, i) => evaluate(c, predicate, `${where}[${b}].any[${i}]`));
      if (failures.every((f) => f !== undefined)) {
        const unknown = failures.find((f) => f!.notEvaluated);
        return unknown ?? { where: `${where}[${b}].any`, summary: `none of the any conditions holds: ${failures.map((f) => f!.summary).join('; ')}` };
      }
    }
  }
  return undefined;
}
