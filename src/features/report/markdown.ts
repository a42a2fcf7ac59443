// Markdown primitives that keep input-derived text inert: no links, no HTML, no table or block structure.

// Characters that start inline markup, HTML, entities or table cells (CommonMark §2.4 allows escaping any ASCII punctuation).
const INLINE_MARKUP = /[\\`*_[\]<>|~&!]/g;
// Characters that would end a line, a table row or a list item, or that a terminal would interpret.
const CONTROL = /[\x00-\x1f\x7f\u2028\u2029]/g;

const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// A visible spelling of a control character: \n, \r, \t, else \xNN or \uNNNN.
function visibleControl(ch: string): string {
  const code = ch.charCodeAt(0);
  return NAMED_CONTROLS[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

// Text that renders as itself on one line: markup characters backslash-escaped, control characters spelled out.
export function escapeMarkdown(value: string): string {
  return value.replace(INLINE_MARKUP, '\\$&').replace(CONTROL, (ch) => `\\${visibleControl(ch)}`);
}

// A fenced code block that its content cannot close: the fence is longer than any backtick run inside; one final newline is dropped.
export function codeBlock(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const body = text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.replace(CONTROL, visibleControl))
    .join('\n');
  return `${fence}\n${body}\n${fence}`;
}

// A list item "- **label**: value", both escaped.
export function field(label: string, value: string): string {
  return `- **${escapeMarkdown(label)}**: ${escapeMarkdown(value)}`;
}

// A table row of escaped cells.
export function tableRow(cells: string[]): string {
  return `| ${cells.map(escapeMarkdown).join(' | ')} |`;
}
