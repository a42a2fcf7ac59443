// The dry run's answer: a summary, then one row per container × policy; each row opens the outcomes and timelines behind it.
import { Fragment, useState, type ReactNode } from 'react';
import type { AdmissionRow, AdmissionStatus } from '../../core/public-constants';
import type { AdmissionReport, AdmissionTimeline } from '../../image';
import { scrollable } from '../../lib/scrollable';
import { weakeningFlags, weakeningOf } from '../../lib/verify-form';

const DECISION: Record<AdmissionStatus, { symbol: string; word: string; tone: string }> = {
  admit: { symbol: '✓', word: 'Admit', tone: 'text-emerald-700 bg-emerald-50 ring-emerald-600/30 dark:text-emerald-300 dark:bg-emerald-950' },
  deny: { symbol: '✗', word: 'Deny', tone: 'text-red-700 bg-red-50 ring-red-600/30 dark:text-red-300 dark:bg-red-950' },
  warn: { symbol: '!', word: 'Warn', tone: 'text-amber-800 bg-amber-50 ring-amber-600/30 dark:text-amber-200 dark:bg-amber-950' },
  'not-evaluated': { symbol: '?', word: 'Not evaluated', tone: 'text-fuchsia-800 bg-fuchsia-50 ring-fuchsia-600/30 dark:text-fuchsia-200 dark:bg-fuchsia-950' },
  'not-applicable': { symbol: '–', word: 'Not applicable', tone: 'text-slate-600 bg-slate-100 ring-slate-500/20 dark:text-slate-300 dark:bg-slate-800' },
};

// A decision as symbol and word, never colour alone.
export function DecisionBadge({ status }: { status: AdmissionStatus }) {
  const d = DECISION[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${d.tone}`} data-decision={status}>
      <span aria-hidden="true">{d.symbol}</span>
      {d.word}
    </span>
  );
}

// Counts per decision, as a sentence.
function summary(report: AdmissionReport): string {
  const n = (s: AdmissionStatus) => report.containers.filter((c) => c.status === s).length;
  const parts = (['admit', 'warn', 'deny', 'not-evaluated', 'not-applicable'] as const).filter((s) => n(s) > 0).map((s) => `${n(s)} ${DECISION[s].word.toLowerCase()}`);
  return `${report.containers.length} container${report.containers.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

// The verifier options every image verification ran with, when they weaken the defaults: each waived check is a warn
// step in the timelines, and a cluster applies only the waivers its policies name.
function WeakenedNote({ report }: { report: AdmissionReport }) {
  const flags = weakeningFlags(weakeningOf(report.verifierOptions));
  if (flags.length === 0) return null;
  return (
    <p role="note" aria-label="Verifier options" className="mt-2 rounded-md bg-amber-100 p-2 text-sm text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      ⚠ Verified with the verifier options{' '}
      {flags.map((f) => (
        <code key={f} className="mr-1 font-mono text-xs whitespace-nowrap">
          {f}
        </code>
      ))}
      : each waived check is a warning step in the timelines below. A cluster applies only the waivers its policies name (Kyverno rekor.ignoreTlog and ctlog.ignoreSCT, policy-controller
      insecureIgnoreSCT).
    </p>
  );
}

export function AdmissionTable({ report, renderTimeline }: { report: AdmissionReport; renderTimeline: (t: AdmissionTimeline) => ReactNode }) {
  const [open, setOpen] = useState<number | null>(null);
  const denied = report.containers.some((c) => c.status === 'deny' || c.status === 'not-evaluated');
  return (
    <section aria-labelledby="admission-heading" className="grid min-w-0 gap-4">
      <div className={`rounded-xl border-l-8 p-5 ${denied ? 'border-red-500 bg-red-50 dark:bg-red-950' : 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950'}`}>
        <h2 id="admission-heading" className="text-xl font-bold">
          {denied ? '✗ The Pod would not be admitted' : '✓ Every container would be admitted'}
        </h2>
        <p className="mt-1">{summary(report)}.</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Policies: {[...report.policies.kyverno, ...report.policies.policyController, ...report.policies.trustRoots].join(', ')}
          {report.policies.policyController.length > 0 && ` · no-match-policy ${report.noMatchPolicy}`} · Trust: {report.trust.name} · {report.timelines.length} image verification
          {report.timelines.length === 1 ? '' : 's'} in {report.totalMs.toFixed(0)} ms
        </p>
        {report.skipped.length > 0 && <p className="mt-1 text-sm">No containers in: {report.skipped.join(', ')}</p>}
        <WeakenedNote report={report} />
      </div>
      <div {...scrollable('Decisions')} className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full min-w-[44rem] table-fixed text-left text-sm">
          <colgroup>
            <col className="w-[26%]" />
            <col className="w-[18%]" />
            <col className="w-[12%]" />
            <col className="w-[44%]" />
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th className="p-2">Container</th>
              <th className="p-2">Policy</th>
              <th className="p-2">Decision</th>
              <th className="p-2">Reason</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row, i) => (
              <Fragment key={i}>
                <tr className="border-b border-slate-100 align-top dark:border-slate-800" data-row={i} data-container={row.container.name} data-status={row.status}>
                  <td className="p-2">
                    <div className="font-medium">{row.container.name}</div>
                    <div className="font-mono text-xs [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">{row.container.image}</div>
                    <div className="text-xs text-slate-500 dark:text-slate-400">
                      {row.container.resource} · {row.container.path}
                    </div>
                  </td>
                  <td className="p-2 text-xs">
                    <div>{row.controller}</div>
                    <div className="font-mono [overflow-wrap:anywhere]">{row.policy}</div>
                  </td>
                  <td className="p-2">
                    <DecisionBadge status={row.status} />
                  </td>
                  <td className="p-2">
                    <p className="text-xs [overflow-wrap:anywhere]">{row.reason}</p>
                    {row.signet && (
                      <p className="mt-1 line-clamp-3 text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-300">
                        Signet: <span className="font-mono">{row.signet.step}</span> failed{row.signet.code && <span className="font-mono"> ({row.signet.code})</span>}: {row.signet.summary}
                      </p>
                    )}
                    <button type="button" aria-expanded={open === i} className="mt-1 text-xs font-medium text-sky-700 underline dark:text-sky-300" onClick={() => setOpen(open === i ? null : i)}>
                      {open === i ? 'Hide details' : `Details and ${row.timelines.length} timeline${row.timelines.length === 1 ? '' : 's'}`}
                    </button>
                  </td>
                </tr>
                {open === i && (
                  <tr>
                    <td colSpan={4} className="bg-slate-50 p-3 [overflow-wrap:anywhere] dark:bg-slate-950">
                      <RowDetails row={row} report={report} renderTimeline={renderTimeline} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// What one row rests on: names matched, each authority's outcome with Signet's finding, notes, and the timelines.
function RowDetails({ row, report, renderTimeline }: { row: AdmissionRow; report: AdmissionReport; renderTimeline: (t: AdmissionTimeline) => ReactNode }) {
  return (
    <div className="grid min-w-0 gap-3 text-sm">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="font-medium">Matched as</dt>
        <dd className="font-mono break-all">{row.matchedAs}</dd>
        {row.digest && (
          <>
            <dt className="font-medium">Digest</dt>
            <dd className="font-mono break-all">{row.digest}</dd>
          </>
        )}
        {row.mutatedImage && (
          <>
            <dt className="font-medium">mutateDigest</dt>
            <dd className="font-mono break-all">{row.mutatedImage}</dd>
          </>
        )}
      </dl>
      {row.outcomes.length > 0 && (
        <ul className="grid gap-2" aria-label="Authorities and attestor entries">
          {row.outcomes.map((o, i) => (
            <li key={i} className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex flex-wrap items-center gap-2">
                <DecisionBadge status={o.status === 'pass' ? 'admit' : o.status === 'fail' ? 'deny' : 'not-evaluated'} />
                <span className="font-mono text-xs">{o.path}</span>
              </div>
              <p className="mt-1 text-xs [overflow-wrap:anywhere]">{o.message}</p>
              {o.signet && (
                <p className="mt-1 text-xs [overflow-wrap:anywhere] text-slate-600 dark:text-slate-300">
                  Signet: <span className="font-mono">{o.signet.step}</span> {o.signet.code && <span className="font-mono">({o.signet.code})</span>}: {o.signet.summary}
                  {o.signet.detail?.expected !== undefined && ` — expected ${o.signet.detail.expected}, found ${o.signet.detail.found ?? 'nothing'}`}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {row.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-amber-900 dark:text-amber-200" aria-label="Not evaluated here">
          {[...new Set(row.notes)].map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {row.timelines.map((t) => (
        <details key={t} className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
          <summary className="cursor-pointer text-sm font-medium">
            Timeline: {report.timelines[t]!.image} — {report.timelines[t]!.label}
          </summary>
          <div className="mt-3">{renderTimeline(report.timelines[t]!)}</div>
        </details>
      ))}
    </div>
  );
}
