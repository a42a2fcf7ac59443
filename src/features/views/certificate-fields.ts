// How certificate facts read to people: a validity period in its largest units.

const DURATION_UNITS: readonly [string, number][] = [
  ['year', 365 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

// A count with its unit, pluralised.
function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

// A length of time in its largest whole unit and the next one down, e.g. "10 minutes" or "9 years 176 days".
export function formatDuration(ms: number): string {
  const first = DURATION_UNITS.findIndex(([, size]) => ms >= size);
  const unit = DURATION_UNITS[first];
  if (!unit) return `${Math.max(0, ms)} ms`;
  const n = Math.floor(ms / unit[1]);
  const next = DURATION_UNITS[first + 1];
  const m = next ? Math.floor((ms - n * unit[1]) / next[1]) : 0;
  return next && m > 0 ? `${plural(n, unit[0])} ${plural(m, next[0])}` : plural(n, unit[0]);
}
