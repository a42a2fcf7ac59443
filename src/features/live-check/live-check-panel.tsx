// "Check against the live log": today's signed tree head, witness cosignatures (with the user's vkeys),
// the entry's inclusion in today's tree and consistency from the bundle's checkpoint, as a timeline of their own.
import { useId, useState, type ReactNode } from 'react';
import type { TilesDrawing } from '../../audit';
import type { VerificationResult } from '../../core';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';
import { CancelledNote, RunProgress } from '../../components/run-progress';
import { ForkAlert, forksOf } from './fork-alert';
import type { LiveTarget } from './live-check-protocol';
import { TilesFigure } from './tiles-figure';
import { useLiveCheck } from './use-live-check';

export interface LiveCheckPanelProps {
  target: LiveTarget;
  trustedRoot: TrustedRootChoice;
  /** The verdict and timeline of a result, as the rest of the app draws them. */
  renderResult: (result: VerificationResult) => ReactNode;
}

const MAX_WITNESSES = 32;

// The tile drawings of a live result, per proof.
function drawingsOf(result: VerificationResult): TilesDrawing[] {
  return result.steps.flatMap((s) => s.evidence.flatMap((e) => (e.key === 'tiles' && e.kind === 'json' ? [e.value as unknown as TilesDrawing] : [])));
}

// The vkeys typed, one per line, blank lines and # comments skipped.
function vkeysOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(0, MAX_WITNESSES);
}

export function LiveCheckPanel({ target, trustedRoot, renderResult }: LiveCheckPanelProps) {
  const { check, result, error, pending, progress, cancel, cancelled } = useLiveCheck();
  const [witnessText, setWitnessText] = useState('');
  const [threshold, setThreshold] = useState('');
  const ids = { witnesses: useId(), threshold: useId() };
  const vkeys = vkeysOf(witnessText);
  const thresholdValue = threshold.trim() === '' ? undefined : Number(threshold);
  const thresholdProblem = thresholdValue !== undefined && !(Number.isInteger(thresholdValue) && thresholdValue >= 1 && thresholdValue <= vkeys.length) ? `Between 1 and the ${vkeys.length} keys given.` : null;
  const run = () => check({ target, trustedRoot, witnesses: vkeys, ...(thresholdValue === undefined ? {} : { witnessThreshold: thresholdValue }) });
  const drawings = result ? drawingsOf(result) : [];
  return (
    <section className="grid min-w-0 gap-4" aria-label="Check against the live log">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Everything above was checked offline, against the checkpoint the bundle carries. This asks the log itself, through this site’s proxy: its signed tree
          head today, whether the entry is still in it unchanged, and a consistency proof that the bundle’s checkpoint is a prefix of today’s tree. A Rekor v1
          log answers through its API; a Rekor v2 log through tiles.
        </p>
        <div className="grid gap-1">
          <label htmlFor={ids.witnesses} className="text-sm font-medium">
            Witness keys (optional, one vkey per line)
          </label>
          <textarea
            id={ids.witnesses}
            value={witnessText}
            onChange={(e) => setWitnessText(e.target.value)}
            rows={2}
            spellCheck={false}
            placeholder="witness.example.com/w1+1234abcd+BASE64KEY"
            className="rounded-md border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
          />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            C2SP signed-note verifier keys of type cosignature/v1 (Ed25519). Given keys, today’s tree head must carry a valid cosignature from them; without
            keys, the cosignatures are listed as not checked.
          </p>
        </div>
        {vkeys.length > 0 && (
          <div className="grid gap-1 sm:max-w-xs">
            <label htmlFor={ids.threshold} className="text-sm font-medium">
              Witnesses required (default: all {vkeys.length})
            </label>
            <input id={ids.threshold} inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} className="rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950" />
            {thresholdProblem && <p className="text-xs text-red-700 dark:text-red-400">{thresholdProblem}</p>}
          </div>
        )}
        <div>
          <button
            type="button"
            onClick={run}
            disabled={pending || thresholdProblem !== null}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60"
          >
            {pending ? 'Checking…' : result ? 'Check again' : 'Check against the live log'}
          </button>
        </div>
      </div>
      {pending && <RunProgress label={progress ?? 'Asking the log…'} what="the live check" onCancel={cancel} />}
      {cancelled && !pending && <CancelledNote>The live check was stopped before the log answered: nothing was checked against it. Press “Check against the live log” to ask again.</CancelledNote>}
      {error && !pending && (
        <section role="alert" className="rounded-xl border-l-8 border-red-500 bg-red-50 p-5 dark:bg-red-950">
          <h3 className="text-lg font-bold">The live check could not run</h3>
          <p className="mt-1 break-words">{error.message}</p>
        </section>
      )}
      {result && !pending && (
        <div className="grid min-w-0 gap-4" data-live-verdict={result.verdict}>
          {forksOf(result).map((f, i) => (
            <ForkAlert key={i} {...f} />
          ))}
          {renderResult(result)}
          {drawings.length > 0 && (
            <section className="grid min-w-0 gap-3" aria-label="Tiles used">
              <h3 className="text-lg font-semibold">Tiles used (C2SP tlog-tiles)</h3>
              {drawings.map((d, i) => (
                <div key={i} className="grid min-w-0 gap-2">
                  <h4 className="font-medium">
                    {d.purpose === 'inclusion' ? 'Inclusion proof' : 'Consistency proof'} in today’s tree of {d.treeSize.toLocaleString('en')} leaves: {d.tiles.length} tile{d.tiles.length === 1 ? '' : 's'}
                  </h4>
                  <TilesFigure drawing={d} />
                </div>
              ))}
            </section>
          )}
        </div>
      )}
    </section>
  );
}
