// Search results as a paged list: each entry's UUID, log index, integrated time and kind, each opening the entry view.
import type { EntrySummary } from './log-protocol';
import { CancelledNote, RunProgress } from '../../components/run-progress';

export const PAGE_SIZE = 20;

export interface SearchOutcome {
  /** What was searched for, in words. */
  label: string;
  ids: string[];
  caveat: string;
}

// One listed entry, or why it could not be fetched.
function ResultRow({ summary, onOpen }: { summary: EntrySummary; onOpen: (id: string) => void }) {
  if ('error' in summary) {
    return (
      <li className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950" data-entry={summary.id}>
        <p className="font-mono text-xs break-all">{summary.id}</p>
        <p className="mt-1 wrap-anywhere">Could not be read: {summary.error}</p>
      </li>
    );
  }
  return (
    <li data-entry={summary.uuid}>
      <button
        type="button"
        onClick={() => onOpen(summary.id)}
        className="grid w-full gap-1 rounded-lg border border-slate-200 bg-white p-3 text-left text-sm hover:border-sky-400 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 sm:grid-cols-[minmax(0,1fr)_auto] dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <span className="font-mono text-xs break-all">{summary.uuid}</span>
        <span className="text-xs font-medium text-sky-700 sm:row-span-2 sm:self-center dark:text-sky-300">Open entry →</span>
        <span className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <span>
            log index <span className="font-mono text-slate-900 dark:text-slate-100">{summary.logIndex}</span>
          </span>
          <span>
            integrated <span className="text-slate-900 dark:text-slate-100">{summary.integratedTime ?? 'no time given'}</span>
          </span>
          <span>
            kind <span className="text-slate-900 dark:text-slate-100">{summary.kind}</span>
          </span>
        </span>
      </button>
    </li>
  );
}

export function SearchResults({
  outcome,
  page,
  setPage,
  entries,
  loading,
  error,
  fetch,
  onOpen,
}: {
  outcome: SearchOutcome;
  page: number;
  setPage: (p: number) => void;
  entries: EntrySummary[] | undefined;
  loading: boolean;
  error: Error | null;
  /** Cancel the page being fetched; `cancelled` once it was, with `again` to fetch it anew. */
  fetch: { cancel: () => void; cancelled: boolean; again: () => void };
  onOpen: (id: string) => void;
}) {
  const pages = Math.max(1, Math.ceil(outcome.ids.length / PAGE_SIZE));
  const first = page * PAGE_SIZE;
  const last = Math.min(outcome.ids.length, first + PAGE_SIZE);
  return (
    <section aria-labelledby="log-results-heading" className="grid min-w-0 gap-3">
      <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="log-results-heading" className="text-lg font-bold wrap-anywhere">
          {outcome.ids.length === 0 ? 'No entries found' : `${outcome.ids.length} entr${outcome.ids.length === 1 ? 'y' : 'ies'} found`} for {outcome.label}
        </h2>
        <p role="note" className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {outcome.caveat}
        </p>
      </div>
      {outcome.ids.length > 0 && (
        <>
          <nav aria-label="Result pages" className="flex flex-wrap items-center gap-2 text-sm">
            {pages > 1 && (
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} className="rounded-md px-3 py-1 ring-1 ring-slate-300 disabled:opacity-40 dark:ring-slate-700">
                ← Previous
              </button>
            )}
            <span>
              Entries {first + 1}–{last} of {outcome.ids.length}
              {pages > 1 && ` (page ${page + 1} of ${pages})`}
            </span>
            {pages > 1 && (
              <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} className="rounded-md px-3 py-1 ring-1 ring-slate-300 disabled:opacity-40 dark:ring-slate-700">
                Next →
              </button>
            )}
          </nav>
          {loading && <RunProgress label={`Fetching and checking entries ${first + 1}–${last}…`} what="fetching this page" onCancel={fetch.cancel} />}
          {fetch.cancelled && (
            <CancelledNote>
              Entries {first + 1}–{last} were not fetched.{' '}
              <button type="button" onClick={fetch.again} className="font-medium underline">
                Fetch them again
              </button>
            </CancelledNote>
          )}
          {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300 wrap-anywhere">{error.message}</p>}
          {entries && (
            <ol className="grid gap-2" aria-label="Search results">
              {entries.map((s) => (
                <ResultRow key={s.id} summary={s} onOpen={onOpen} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
