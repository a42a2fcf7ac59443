// The notice for a trusted root with no transparency log or no CT log, with the choices that make its bundles verify.
import type { WeakeningForm } from '../../lib/verify-form';
import type { MissingLogAdvice } from './missing-log-advice';

// Said as soon as the trusted root is loaded, before anything is verified.
export function MissingLogNotice({ advice, onChoose }: { advice: MissingLogAdvice; onChoose: (choice: Partial<WeakeningForm>) => void }) {
  return (
    <div role="note" aria-label="Trusted root without logs" className="grid gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {advice.sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {advice.choose && (
        <button
          type="button"
          className="justify-self-start rounded-md bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
          onClick={() => onChoose(advice.choose!)}
        >
          Choose them
        </button>
      )}
    </div>
  );
}
