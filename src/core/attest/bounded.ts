// Bounds for every value a predicate reader copies into a view model: short text, few rows.
import { isJsonObject, type JsonObject, type JsonValue } from '../encoding';

export const VIEW_LIMITS = {
  /** Characters of one text field (names, versions, licenses, URIs). */
  textChars: 1024,
  /** Characters of a long text (descriptions, impact statements). */
  longTextChars: 4096,
  /** SBOM packages kept in a view. */
  packages: 200_000,
  /** Provenance materials, VEX statements, findings, subjects kept. */
  rows: 10_000,
  subjects: 1_000,
  /** JSON tree: nodes built in total, children shown per node, characters of a string node. */
  treeNodes: 20_000,
  treeChildren: 1_000,
  treeStringChars: 2_000,
} as const;

// A string value cut to a bound ("…" marks a cut), or undefined when it is not a non-empty string.
export function text(value: JsonValue | undefined, max: number = VIEW_LIMITS.textChars): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

// A member as an object, or undefined.
export function obj(value: JsonValue | undefined): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

// A member as an array (empty when absent or not an array).
export function arr(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

// Count occurrences by name, largest first, names alphabetical on ties.
export function countRows(names: Iterable<string>): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// A digest map ({ sha256: "…", gitCommit: "…" }) as "sha256:…, gitCommit:…".
export function digestText(value: JsonValue | undefined): string {
  const d = obj(value);
  if (!d) return '';
  return Object.entries(d)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .slice(0, 8)
    .map(([alg, hex]) => `${text(alg, 64)}:${text(hex, 256)}`)
    .join(', ');
}

// { key: value } when value is defined, else {} (so optional fields stay absent, never undefined).
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
