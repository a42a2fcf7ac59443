// A minimal YAML 1.2 emitter: block mappings and sequences, every string double-quoted.

export type YamlValue = string | number | YamlValue[] | YamlMapping;
export type YamlMapping = { [key: string]: YamlValue };

// Escapes for double-quoted scalars (YAML 1.2 §5.7); anything else outside the printable set becomes \xNN or \uNNNN.
const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '\x85': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};
const NEEDS_ESCAPE = /[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

// One escape sequence for a character that may not appear raw inside a double-quoted scalar.
function escapeChar(ch: string): string {
  const named = NAMED_ESCAPES[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

// A double-quoted YAML scalar that reads back as exactly `value`, whatever it contains (": ", "#", "- ", quotes, newlines).
export function yamlString(value: string): string {
  return `"${value.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

// A value on the same line as its key or dash: strings quoted, numbers as written.
function scalar(value: string | number): string {
  return typeof value === 'string' ? yamlString(value) : String(value);
}

// The lines of a value at column 0; nested blocks are indented by two spaces. Keys are the caller's constants.
function lines(value: YamlValue): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [scalar(value)];
  if (Array.isArray(value)) {
    return value.flatMap((item) => lines(item).map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)));
  }
  return Object.entries(value).flatMap(([key, item]) =>
    typeof item === 'string' || typeof item === 'number' ? [`${key}: ${scalar(item)}`] : [`${key}:`, ...lines(item).map((line) => `  ${line}`)],
  );
}

// A YAML document for a mapping, ending in a newline.
export function yamlDocument(value: YamlMapping): string {
  return `${lines(value).join('\n')}\n`;
}
