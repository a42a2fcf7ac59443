// The predicate exactly as signed: the bytes of the in-toto statement's top-level "predicate" member, cut from
// the DSSE payload without re-serialising anything (RFC 8259 grammar; the last of duplicate names wins, as in
// JSON.parse).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

// Index after the whitespace from i (RFC 8259 §2: space, tab, line feed, carriage return).
function skipSpace(b: Uint8Array, i: number): number {
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i;
}

// Index after the string starting at i (a quote), or -1 when it does not end.
function skipString(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    if (b[i] === BACKSLASH) i++;
    else if (b[i] === QUOTE) return i + 1;
  }
  return -1;
}

// Index after the value starting at i, or -1 when the bytes end first.
function skipValue(b: Uint8Array, i: number): number {
  if (b[i] === QUOTE) return skipString(b, i);
  if (!OPEN.has(b[i]!)) {
    // A number, true, false or null: up to the next delimiter, which must be there.
    const start = i;
    while (i < b.length && b[i] !== 0x2c && !CLOSE.has(b[i]!) && b[i] !== 0x20 && b[i] !== 0x09 && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    return i === start || i === b.length ? -1 : i;
  }
  let depth = 0;
  for (; i < b.length; i++) {
    if (b[i] === QUOTE) {
      i = skipString(b, i) - 1;
      if (i < 0) return -1;
    } else if (OPEN.has(b[i]!)) depth++;
    else if (CLOSE.has(b[i]!) && --depth === 0) return i + 1;
  }
  return -1;
}

// A member name's text, or undefined when its bytes are not a JSON string (a control character, a bad escape).
function memberName(bytes: Uint8Array): string | undefined {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as string;
  } catch {
    return undefined;
  }
}

// The bytes of the top-level "predicate" value of a statement, or undefined when it has none or the bytes are not
// a JSON object (a payload that does not parse may still reach here: the result keeps whatever was signed).
export function signedPredicateBytes(payload: Uint8Array): Uint8Array | undefined {
  let i = skipSpace(payload, payload[0] === 0xef && payload[1] === 0xbb && payload[2] === 0xbf ? 3 : 0);
  if (payload[i] !== 0x7b) return undefined;
  let found: [number, number] | undefined;
  i = skipSpace(payload, i + 1);
  while (i < payload.length && payload[i] === QUOTE) {
    const keyEnd = skipString(payload, i);
    if (keyEnd < 0) return undefined;
    const key = memberName(payload.subarray(i, keyEnd));
    if (key === undefined) return undefined;
    i = skipSpace(payload, keyEnd);
    if (payload[i] !== 0x3a) return undefined;
    const start = skipSpace(payload, i + 1);
    const end = skipValue(payload, start);
    if (end < 0) return undefined;
    if (key === 'predicate') found = [start, end];
    i = skipSpace(payload, end);
    if (payload[i] === 0x2c) i = skipSpace(payload, i + 1);
  }
  return found && payload[i] === 0x7d ? payload.subarray(found[0], found[1]) : undefined;
}
