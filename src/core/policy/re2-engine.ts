// The Go RE2 engine (re2js), imported the first time a policy holds a regular expression: most identity policies
// name exact values, and re2js is the largest library a verification would otherwise load at start.
import type { RE2JS } from 're2js';

let engine: Promise<typeof RE2JS> | undefined;

// re2js's RE2JS class, imported once.
export function loadRe2(): Promise<typeof RE2JS> {
  engine ??= import('re2js').then((m) => m.RE2JS);
  return engine;
}
