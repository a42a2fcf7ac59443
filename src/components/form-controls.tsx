// Form pieces the modes share: a labelled group of controls, a text-file button with a size cap, the input style.
import type { ReactNode } from 'react';

export const INPUT_CLASS =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900';
/** Largest text file (policy, manifest, trusted root, PEM) read into the page. */
export const MAX_TEXT_FILE = 2 * 1024 * 1024;

// A labelled group of controls.
export function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="grid min-w-0 gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {hint && <p className="-mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {children}
    </fieldset>
  );
}

// A file input whose text (size-capped) goes to onText.
export function TextFileButton({ label, accept, onText, onError }: { label: string; accept: string; onText: (name: string, text: string) => void; onError: (m: string) => void }) {
  return (
    <label className="cursor-pointer text-sm font-medium text-sky-700 underline dark:text-sky-300">
      {label}
      <input
        type="file"
        accept={accept}
        className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          if (file.size > MAX_TEXT_FILE) onError(`${file.name} is ${file.size} bytes; the limit is ${MAX_TEXT_FILE}`);
          else void file.text().then((t) => onText(file.name, t));
          e.target.value = '';
        }}
      />
    </label>
  );
}
