// Regular expressions that match one literal value and nothing else.

// The syntax characters of RE2 (Go) and of ECMAScript with the u flag; escaping exactly these is valid in both.
const METACHARACTERS = /[\\^$.*+?()[\]{}|]/g;

// `^…$` around the value with every regex metacharacter escaped, e.g. a.b+c@x.com → ^a\.b\+c@x\.com$.
export function anchoredLiteral(value: string): string {
  return `^${value.replace(METACHARACTERS, '\\$&')}$`;
}
