// What every mode that takes a trusted root says of a loaded one before anything is verified: that it cannot be
// used, or that it has no transparency log or no CT log, with the Trust choices that make its bundles verify.
import type { WeakeningForm } from '../lib/verify-form';
import { missingLogAdvice, type MissingLogAdvice } from '../lib/missing-log-advice';
import { useTrustSummary } from '../lib/use-trust-summary';

// The notice for a trusted root with no transparency log or no CT log, and the button that makes its choices.
export function MissingLogNotice({ advice, onChoose }: { advice: MissingLogAdvice; onChoose?: (choice: Partial<WeakeningForm>) => void }) {
  return (
    <div role="note" aria-label="Trusted root without logs" className="grid gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {advice.sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
      {advice.choose && onChoose && (
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

export interface TrustedRootNoticeProps {
  /** The loaded trusted_root.json, or null for the embedded public-good root. */
  rootText: string | null;
  /** The mode's verifier options, or null in a mode that has none. */
  weakening: WeakeningForm | null;
  /** Applies the choices the notice offers (modes with verifier options). */
  onChoose?: (choice: Partial<WeakeningForm>) => void;
}

// Said as soon as a trusted root is loaded, in every mode that takes one: a root that cannot be read, or one without logs.
export function TrustedRootNotice({ rootText, weakening, onChoose }: TrustedRootNoticeProps) {
  const summary = useTrustSummary(rootText);
  if (!summary) return null;
  if (!summary.ok) {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 wrap-anywhere dark:bg-red-950 dark:text-red-100">
        This trusted root cannot be used: {summary.message}
      </p>
    );
  }
  const advice = missingLogAdvice(summary, weakening);
  return advice && <MissingLogNotice advice={advice} {...(onChoose ? { onChoose } : {})} />;
}
