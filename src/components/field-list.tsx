// A name/value grid (<dl>) for certificate fields, log entries and other evidence; values are React text, never markup.
import type { ReactNode } from 'react';

export interface Field {
  /** Usually text; a node when the name carries more, such as an extension's critical flag. */
  name: ReactNode;
  value: ReactNode;
  /** Monospaced and broken anywhere: hashes, serials, hex. */
  mono?: boolean;
}

// Render fields as a definition list: one column on a phone, name and value side by side from sm up.
export function FieldList({ fields }: { fields: readonly Field[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(8rem,max-content)_1fr]">
      {fields.map((f, i) => (
        <div key={i} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-400 wrap-anywhere">{f.name}</dt>
          <dd className={`mb-1 text-slate-900 sm:mb-0 dark:text-slate-100 ${f.mono ? 'font-mono text-xs break-all' : 'wrap-anywhere'}`}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
