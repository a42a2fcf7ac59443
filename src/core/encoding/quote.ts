// Input values as they may appear in a sentence: cut to a bounded length, with an ellipsis and the full
// length named, so a hostile field cannot flood a summary, a headline or an error. Evidence keeps them whole.
import { LIMITS } from '../limits';

// The first `max` characters, never ending inside a surrogate pair.
function head(value: string, max: number): string {
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// A value written as-is: whole when short, else its head, an ellipsis and "(N characters)", max characters in all.
export function clip(value: string, max: number = LIMITS.quotedChars): string {
  if (value.length <= max) return value;
  const suffix = `… (${value.length} characters)`;
  return `${head(value, Math.max(1, max - suffix.length))}${suffix}`;
}

// A value in quotes (JSON string syntax, so control characters show): whole when short, else its head,
// an ellipsis inside the quotes and "(N characters)" after them.
export function quote(value: string, max: number = LIMITS.quotedChars): string {
  return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(head(value, max)).slice(0, -1)}…" (${value.length} characters)`;
}
