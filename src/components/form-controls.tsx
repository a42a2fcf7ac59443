// Form pieces the modes share: a labelled group of controls, a text-file button with a size cap, the input style.
import type { ReactNode } from 'react';
import type { TrustedRootChoice } from '../lib/trusted-root-choice';

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

// Which trusted root is in use, a button to load one and one to go back to public-good.
export function TrustChoice({ trust, onChange, onError }: { trust: TrustedRootChoice; onChange: (t: TrustedRootChoice) => void; onError: (m: string) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span>Trust: {trust ? `${trust.name} (loaded)` : 'Sigstore public-good (embedded)'}</span>
      <TextFileButton label="Load trusted_root.json" accept=".json" onText={(name, text) => onChange({ name, text })} onError={onError} />
      {trust && (
        <button type="button" className="text-sky-700 underline dark:text-sky-300" onClick={() => onChange(null)}>
          Use public-good
        </button>
      )}
    </div>
  );
}

// A row of radio buttons choosing one of a few values.
export function RadioChoice<T extends string>({ name, label, options, value, onChange }: { name: string; label: string; options: readonly (readonly [T, string])[]; value: T; onChange: (v: T) => void }) {
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-4 text-sm">
      {options.map(([v, text]) => (
        <label key={v} className="inline-flex items-center gap-1">
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
          {text}
        </label>
      ))}
    </div>
  );
}

// The end of a mode's form: a file error, the submit button, and what is still missing before it can run.
export function FormFooter({ fileError, disabled, label, problem }: { fileError: string | null; disabled: boolean; label: string; problem: string | null }) {
  return (
    <>
      {fileError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {fileError}
        </p>
      )}
      <button type="submit" disabled={disabled || problem !== null} className="rounded-lg bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50">
        {label}
      </button>
      {problem && <p className="text-sm text-slate-600 dark:text-slate-400">{problem}</p>}
    </>
  );
}
