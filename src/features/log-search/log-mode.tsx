// The Transparency log mode: search a Rekor v1 log's index or get one entry, list the results page by page, and open
// each entry with its decoded body, its checks and "verify an artifact against this entry".
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { VerificationPolicy } from '../../core';
import { EntryPanel, type RenderResult } from './entry-view';
import { EMPTY_LOG_FORM, LogForm, type LogFormState } from './log-form';
import type { LogArtifact, LogQuery, LogTarget } from './log-protocol';
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
  const worker = useLogWorker();
  const target = (): LogTarget => ({ logUrl: form.logUrl.trim(), trustedRoot: form.trust });

  const search = useMutation({
    mutationFn: async ({ query, at }: { query: LogQuery; at: LogTarget }): Promise<SearchOutcome & { at: LogTarget }> => {
      const reply = await worker().call({ type: 'log-search', query, ...at }, 'search');
      return { label: describeQuery(query), ids: reply.ids, caveat: reply.caveat, at };
    },
    onMutate: () => {
      setPage(0);
      setShowEntry(false);
    },
  });
  const found = search.data;
  const pageIds = found ? found.ids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) : [];
  const pageQuery = useQuery({
    queryKey: ['log-page', found?.at.logUrl, found?.at.trustedRoot?.name ?? 'public-good', pageIds],
    queryFn: async () => (await worker().call({ type: 'log-page', ids: pageIds, ...found!.at }, 'page')).entries,
    enabled: pageIds.length > 0,
    staleTime: Infinity,
    retry: false,
  });

  const verify = useMutation({
    mutationFn: async ({ uuid, artifact, policy, policyLabel, at }: { uuid: string; artifact: LogArtifact; policy: VerificationPolicy; policyLabel: string; at: LogTarget }) => {
      const reply = await worker().call({ type: 'log-verify', uuid, artifact, policy, ...at }, 'verified');
      return { result: reply.result, artifactDigest: reply.artifactDigest, policyLabel, artifactName: artifact.kind === 'file' ? artifact.file.name : 'digest' };
    },
  });
  const entry = useMutation({
    mutationFn: async ({ ref, at }: { ref: string; at: LogTarget }) => ({ entry: (await worker().call({ type: 'log-entry', ref, ...at }, 'entry')).entry, at }),
    onMutate: () => {
      setShowEntry(true);
      verify.reset();
    },
  });
  const open = entry.data;
  const pending = search.isPending || entry.isPending;

  return (
    <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div>
        <LogForm form={form} setForm={setForm} pending={pending} onSearch={(query) => search.mutate({ query, at: target() })} onGet={(ref) => entry.mutate({ ref, at: target() })} />
      </div>
      <div className="grid min-w-0 content-start gap-4">
        {pending && (
          <p role="status" className="rounded-lg bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">
            {search.isPending ? 'Searching the log’s index…' : 'Fetching the entry and checking it…'}
          </p>
        )}
        {showEntry && entry.error && !entry.isPending && <Failure title="The entry could not be read" error={entry.error} />}
        {!showEntry && search.error && !search.isPending && <Failure title="The search could not run" error={search.error} />}
        {showEntry && open && !entry.isPending && (
          <EntryPanel
            key={open.entry.uuid}
            entry={open.entry}
            renderResult={renderResult}
            {...(found ? { onBack: () => setShowEntry(false) } : {})}
            verify={{
              run: (artifact, policy, policyLabel) => verify.mutate({ uuid: open.entry.uuid, artifact, policy, policyLabel, at: open.at }),
              pending: verify.isPending,
              error: verify.error,
              outcome: verify.data,
            }}
          />
        )}
        {!showEntry && found && !search.isPending && (
          <SearchResults outcome={found} page={page} setPage={setPage} entries={pageQuery.data} loading={pageQuery.isFetching} error={pageQuery.error} onOpen={(id) => entry.mutate({ ref: id, at: found.at })} />
        )}
        {!found && !showEntry && !pending && !search.error && (
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
