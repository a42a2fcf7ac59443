// Headed sections for the dedicated views: a view (h3) and its parts (h4).
import type { ReactNode } from 'react';

// One dedicated view: a titled section with an optional spec reference.
export function ViewSection({ title, spec, children }: { title: string; spec?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 text-slate-900 dark:text-slate-100">
      <h3 className="text-lg font-semibold">
        {title}
        {spec && <span className="ml-2 text-sm font-normal text-slate-500 dark:text-slate-400">{spec}</span>}
      </h3>
      {children}
    </section>
  );
}

// A part of a view under its own h4 heading.
export function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-2">
      <h4 className="font-medium text-slate-800 wrap-anywhere dark:text-slate-200">{title}</h4>
      {children}
    </div>
  );
}
