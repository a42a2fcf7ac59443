// The Trust mode: refresh a trusted root from its TUF repository (Sigstore public-good, GitHub, staging or another),
// each TUF step on a timeline, what changed against the embedded root, and the refreshed root as a trust choice.
import { useId, useState, type ReactNode } from 'react';
import { TUF_REPOSITORIES } from '../../core/public-constants';
import type { TrustChange, VerificationResult } from '../../core';
import { CancelledNote, RunProgress } from '../../components/run-progress';
import { useTrustRefresh } from './use-trust-refresh';
import { scrollable } from '../../lib/scrollable';

export interface TrustRefreshModeProps {
  /** The verdict and timeline of a result, as the rest of the app draws them. */
  renderResult: (result: VerificationResult) => ReactNode;
  /** Use a verified trusted_root.json for verification. */
  onUse: (root: { name: string; text: string }) => void;
}

const ROOT_JSON_MAX = 512 * 1024;
const ENTITY = { tlog: 'Transparency log', ctlog: 'CT log', certificateAuthority: 'Certificate authority', timestampAuthority: 'Timestamp authority' } as const;
const KIND: Record<string, string> = { added: '+ added', removed: '− removed' };

// What changed, as a table: entity, name, how.
function ChangesTable({ changes }: { changes: TrustChange[] }) {
  if (changes.length === 0) return <p className="text-sm">Nothing changed: the refreshed root names the same logs, CT logs, authorities, keys and validity windows as the embedded one.</p>;
  return (
    <div {...scrollable('Changes against the embedded root')} className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Changes against the embedded root">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th className="py-2 pr-3">Change</th>
            <th className="py-2 pr-3">What</th>
            <th className="py-2 pr-3">Which</th>
            <th className="py-2">Detail</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-800" data-change={c.kind}>
              <td className="py-2 pr-3 whitespace-nowrap">{KIND[c.kind] ?? `~ ${c.kind}`}</td>
              <td className="py-2 pr-3">{ENTITY[c.entity]}</td>
              <td className="py-2 pr-3 font-mono text-xs break-all">{c.name}</td>
              <td className="py-2 text-xs wrap-anywhere">{c.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrustRefreshMode({ renderResult, onUse }: TrustRefreshModeProps) {
  const presets = TUF_REPOSITORIES;
  const [choice, setChoice] = useState<string>(presets[0]!.name);
  const [otherUrl, setOtherUrl] = useState('');
  const [seed, setSeed] = useState<{ name: string; text: string } | null>(null);
  const [seedProblem, setSeedProblem] = useState<string | null>(null);
  const { refresh, outcome, error, pending, cancel, cancelled } = useTrustRefresh();
  const ids = { url: useId(), seed: useId() };
  const preset = presets.find((p) => p.name === choice);
  const url = preset ? preset.url : otherUrl.trim();
  const embedded = preset?.embeddedSeed === true;
  const problem = !/^https?:\/\/[^\s]+$/.test(url) ? 'Give the repository’s http(s) URL.' : !embedded && !seed ? 'This repository has no embedded root.json: give the root.json you trust (its first, or any later, version).' : null;
  const start = () => refresh(embedded ? { url } : { url, seedRoot: seed!.text, seedSource: `root.json given (${seed!.name})` });
  // Read the chosen root.json with a size cap.
  const loadSeed = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > ROOT_JSON_MAX) return setSeedProblem(`${file.name} is ${file.size} bytes; a root.json is at most ${ROOT_JSON_MAX}.`);
    setSeedProblem(null);
    setSeed({ name: file.name, text: await file.text() });
  };
  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <section aria-label="TUF repository" className="grid content-start gap-4 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 className="text-lg font-semibold">Refresh the trusted root by TUF</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The trusted root embedded in Signet was current when it was built. Sigstore rotates keys and logs and announces them in its TUF repository; this
          follows the TUF client workflow (specification §5) through this site’s proxy: each root version signed by its predecessor, then timestamp, snapshot
          and targets, then trusted_root.json by its hash. Verified metadata is kept in this browser (IndexedDB), so a later rollback is caught.
        </p>
        <fieldset className="grid gap-2">
          <legend className="text-sm font-medium">Repository</legend>
          {presets.map((p) => (
            <label key={p.name} className="flex items-start gap-2 text-sm">
              <input type="radio" name="tuf-preset" className="mt-1" checked={choice === p.name} onChange={() => setChoice(p.name)} />
              <span>
                {p.label} <span className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">{p.url}</span>
              </span>
            </label>
          ))}
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="tuf-preset" className="mt-1" checked={choice === 'other'} onChange={() => setChoice('other')} />
            <span>Another repository (a private instance)</span>
          </label>
        </fieldset>
        {choice === 'other' && (
          <div className="grid gap-1">
            <label htmlFor={ids.url} className="text-sm font-medium">
              Repository URL
            </label>
            <input id={ids.url} value={otherUrl} onChange={(e) => setOtherUrl(e.target.value)} placeholder="https://tuf.example.com" className="rounded-md border border-slate-300 bg-white p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950" />
          </div>
        )}
        {!embedded && (
          <div className="grid gap-1">
            <label htmlFor={ids.seed} className="text-sm font-medium">
              Trusted root.json of this repository
            </label>
            <input id={ids.seed} type="file" accept=".json,application/json" onChange={(e) => void loadSeed(e.target.files?.[0])} className="text-sm" />
            {seed && <p className="text-xs">Starting from {seed.name}.</p>}
            {seedProblem && <p className="text-xs text-red-700 dark:text-red-400">{seedProblem}</p>}
          </div>
        )}
        {embedded && <p className="text-xs text-slate-600 dark:text-slate-400">Starts from the embedded root.json (the one @sigstore/tuf's seeds.json carries).</p>}
        <div>
          <button
            type="button"
            onClick={start}
            disabled={pending || problem !== null}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60"
          >
            {pending ? 'Refreshing…' : 'Refresh the trusted root'}
          </button>
          {problem && <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{problem}</p>}
        </div>
      </section>
      <div className="grid min-w-0 content-start gap-4">
        {pending && <RunProgress label="Refreshing: fetching and verifying the repository’s metadata…" what="the refresh" onCancel={cancel} />}
        {cancelled && !pending && <CancelledNote>The refresh was stopped before it finished: the trusted root in use is unchanged. Press “Refresh the trusted root” to run it again.</CancelledNote>}
        {error && !pending && (
          <section role="alert" className="rounded-xl border-l-8 border-red-500 bg-red-50 p-5 dark:bg-red-950">
            <h2 className="text-lg font-bold">The refresh could not run</h2>
            <p className="mt-1 break-words">{error.message}</p>
          </section>
        )}
        {outcome && !pending && (
          <div className="grid min-w-0 gap-4" data-tuf-verdict={outcome.result.verdict}>
            {outcome.fromCache && (
              <p role="note" className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
                Started from metadata this browser verified before (IndexedDB), not from the seed alone: versions older than those are refused as rollbacks.
              </p>
            )}
            {outcome.result.verdict !== 'verified' && (
              <p role="note" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                Nothing was refreshed: verification keeps using the trusted root it had (the embedded one unless you loaded another), labelled as such.
              </p>
            )}
            {renderResult(outcome.result)}
            {outcome.trustedRootJson && outcome.result.verdict === 'verified' && (
              <section className="grid gap-3" aria-label="What changed">
                <div className="flex flex-wrap items-center gap-3">
                  <h3 className="text-lg font-semibold">What changed against the embedded root</h3>
                  <button
                    type="button"
                    onClick={() => onUse({ name: `trusted_root.json refreshed by TUF from ${url}`, text: outcome.trustedRootJson! })}
                    className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800"
                  >
                    Use this trusted root for verification
                  </button>
                </div>
                <ChangesTable changes={outcome.changes ?? []} />
              </section>
            )}
          </div>
        )}
      </div>
    </main>
  );
}
