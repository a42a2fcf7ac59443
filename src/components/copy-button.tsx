// A labelled copy button that says, visibly and to screen readers, whether the copy worked.
import { useEffect, useState } from 'react';
import { copyText, type CopyOutcome } from '../lib/clipboard';

/** What the status line says after each outcome. */
const MESSAGES: Record<CopyOutcome, string> = {
  copied: 'Copied to the clipboard.',
  unavailable: 'The clipboard is not available here: select the text and copy it by hand.',
  failed: 'The browser refused access to the clipboard: select the text and copy it by hand.',
};

/** How long the "Copied" state stays before the button reads as before. */
const COPIED_MS = 2000;

/** Tailwind classes shared by the report and pin buttons. */
export const BUTTON_CLASS =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

// The button and its live status line; `label` names what is copied ("Copy Markdown").
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={BUTTON_CLASS} onClick={() => void copyText(text).then(setOutcome)}>
        {outcome === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" aria-live="polite" className={outcome === 'copied' ? 'text-sm text-emerald-700 dark:text-emerald-400' : 'text-sm text-red-700 dark:text-red-400'}>
        {outcome ? MESSAGES[outcome] : ''}
      </span>
    </span>
  );
}
