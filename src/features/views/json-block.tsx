// Decoded JSON from the input, pretty-printed as text inside a scrollable <pre>.
import type { JsonValue } from '../../core';
import { scrollable } from '../../lib/scrollable';

// A labelled, indented rendering of a JSON value; the text is never interpreted as markup.
export function JsonBlock({ label, value }: { label: string; value: JsonValue }) {
  return (
    <figure>
      <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</figcaption>
      <pre {...scrollable(label)} className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-900 dark:text-slate-200">
        {JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
