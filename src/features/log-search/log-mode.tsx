// The Transparency log mode: search a Rekor v1 log's index or get one entry, list the results page by page, and open
// each entry with its decoded body, its checks and "verify an artifact against this entry".
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { VerificationPolicy } from '../../core';
import { EntryPanel, type RenderResult } from './entry-view';
import { EMPTY_LOG_FORM, LogForm, type LogFormState } from './log-form';
import type { LogArtifact, LogQuery, LogTarget } from './log-protocol';
import { CancelledNote, RunProgress } from '../../components/run-progress';
import { useWorkerRun } from '../../lib/use-worker-run';
import { isRunStopped } from '../../lib/worker-runner';
import { useLogWorker } from './log-worker-client';
import { PAGE_SIZE, SearchResults, type SearchOutcome } from './search-results';

// A query in words, for the results heading.
function describeQuery(q: LogQuery): string {
  if (q.by === 'public-key') return `a ${q.format === 'x509' ? 'certificate' : 'public key'}`;
  return `${q.by === 'sha' ? 'artifact digest' : q.by === 'san' ? 'SAN' : 'e-mail'} ${q.value.trim().slice(0, 140)}`;
}

export function LogMode({ renderResult }: { renderResult: RenderResult }) {
  const [form, setForm] = useState<LogFormState>(EMPTY_LOG_FORM);
  const [page, setPage] = useState(0);
  const [showEntry, setShowEntry] = useState(false);
  const runner = useLogWorker();
  const target = (): LogTarget => ({ logUrl: form.logUrl.trim(), trustedRoot: form.trust });

  const search = useWorkerRun(runner, async (r, { query, at }: { query: LogQuery; at: LogTarget }): Promise<SearchOutcome & { at: LogTarget }> => {
    const reply = await r.run({ type: 'log-search', query, ...at }, ['search'], { lane: 'search' });
    return { label: describeQuery(query), ids: reply.ids, caveat: reply.caveat, at };
  });
  const found = search.data;
  const pageIds = found ? found.ids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) : [];
  const pageQuery = useQuery({
    queryKey: ['log-page', found?.at.logUrl, found?.at.trustedRoot?.name ?? 'public-good', pageIds],
    queryFn: async () => (await runner.run({ type: 'log-page', ids: pageIds, ...found!.at }, ['page'], { lane: 'page' })).entries,
    enabled: pageIds.length > 0,
    staleTime: Infinity,
    retry: false,
  });
  const pageCancelled = isRunStopped(pageQuery.error, 'cancelled');

  const verify = useWorkerRun(runner, async (r, { uuid, artifact, policy, policyLabel, at }: { uuid: string; artifact: LogArtifact; policy: VerificationPolicy; policyLabel: string; at: LogTarget }) => {
    const reply = await r.run({ type: 'log-verify', uuid, artifact, policy, ...at }, ['verified'], { lane: 'verify' });
    return { result: reply.result, artifactDigest: reply.artifactDigest, policyLabel, artifactName: artifact.kind === 'file' ? artifact.file.name : 'digest' };
  });
  const entry = useWorkerRun(runner, async (r, { ref, at }: { ref: string; at: LogTarget }) => ({ entry: (await r.run({ type: 'log-entry', ref, ...at }, ['entry'], { lane: 'entry' })).entry, at }));
  const startSearch = (query: LogQuery) => {
    setPage(0);
    setShowEntry(false);
    search.run({ query, at: target() });
  };
  const openEntry = (ref: string, at: LogTarget) => {
    setShowEntry(true);
    verify.reset();
    entry.run({ ref, at });
  };
  const open = entry.data;
  const pending = search.pending || entry.pending;
  const cancelled = showEntry ? entry.cancelled : search.cancelled;

  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div>
        <LogForm form={form} setForm={setForm} pending={pending} onSearch={startSearch} onGet={(ref) => openEntry(ref, target())} />
      </div>
      <div className="grid min-w-0 content-start gap-4">
        {pending && <RunProgress label={search.pending ? 'Searching the log’s index…' : 'Fetching the entry and checking it…'} what={search.pending ? 'the search' : 'fetching the entry'} onCancel={search.cancel} />}
        {cancelled && !pending && <CancelledNote>{showEntry ? 'The entry was not fetched: nothing about it was checked.' : 'The search was stopped before the log answered.'} The form is kept; run it again when you are ready.</CancelledNote>}
        {showEntry && entry.error && !entry.pending && <Failure title="The entry could not be read" error={entry.error} />}
        {!showEntry && search.error && !search.pending && <Failure title="The search could not run" error={search.error} />}
        {showEntry && open && !entry.pending && (
          <EntryPanel
            key={open.entry.uuid}
            entry={open.entry}
            renderResult={renderResult}
            {...(found ? { onBack: () => setShowEntry(false) } : {})}
            verify={{
              run: (artifact, policy, policyLabel) => verify.run({ uuid: open.entry.uuid, artifact, policy, policyLabel, at: open.at }),
              cancel: verify.cancel,
              pending: verify.pending,
              cancelled: verify.cancelled,
              error: verify.error,
              outcome: verify.data,
            }}
          />
        )}
        {!showEntry && found && !search.pending && (
          <SearchResults
            outcome={found}
            page={page}
            setPage={setPage}
            entries={pageQuery.data}
            loading={pageQuery.isFetching}
            error={pageCancelled ? null : pageQuery.error}
            fetch={{ cancel: search.cancel, cancelled: pageCancelled && !pageQuery.isFetching, again: () => void pageQuery.refetch() }}
            onOpen={(id) => openEntry(id, found.at)}
          />
        )}
        {!found && !showEntry && !pending && !search.error && !cancelled && (
          <section className="rounded-xl border border-dashed border-slate-300 p-8 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">Audit the transparency log</h2>
            <p className="mt-2">
              Ask a Rekor log which signatures it holds for an e-mail identity, an artifact digest or a public key, or read one entry by its UUID or log index. Every entry the log
              returns is checked as a bundle is: its body must hash to its UUID, and its signed entry timestamp, inclusion proof, checkpoint and certificate are verified against the
              trusted root. From an entry you can verify an artifact against it. Requests go through this site’s proxy, only when you ask.
            </p>
          </section>
        )}
      </div>
    </main>
  );
}

// A request that could not be answered, with the reason.
function Failure({ title, error }: { title: string; error: Error }) {
  return (
    <section role="alert" className="rounded-xl border-l-8 border-red-500 bg-red-50 p-5 dark:bg-red-950">
      <h2 className="text-lg font-bold">{title}</h2>
      <p className="mt-1 break-words">{error.message}</p>
    </section>
  );
}
