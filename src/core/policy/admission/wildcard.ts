// Kyverno's wildcard patterns: `*` any run of characters (including "/" and none), `?` exactly one character.
// Semantics of kyverno pkg/utils/wildcard Match (rune by rune, no escapes, no classes), matched in linear time.

// Whether `name` matches the wildcard `pattern` over its whole length.
export function wildcardMatch(pattern: string, name: string): boolean {
  const p = Array.from(pattern);
  const n = Array.from(name);
  let pi = 0;
  let ni = 0;
  let starP = -1;
  let starN = 0;
  while (ni < n.length) {
    if (pi < p.length && p[pi] === '*') {
      starP = ++pi;
      starN = ni;
      continue;
    }
    if (pi < p.length && (p[pi] === '?' || p[pi] === n[ni])) {
      pi++;
      ni++;
      continue;
    }
    if (starP < 0) return false;
    // Grow what the last star covers by one character and retry just after it.
    pi = starP;
    ni = ++starN;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
