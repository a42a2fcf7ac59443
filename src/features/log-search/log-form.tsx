// The Transparency log mode's inputs: which Rekor v1 log, under which trust, and a search or one entry to get.
import { useState, type FormEvent } from 'react';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';
import type { LogQuery } from './log-protocol';
import { TrustedRootNotice } from '../../components/missing-log-notice';
import { FormFooter, Group, INPUT_CLASS as input, RadioChoice, TextFileButton as FileButton, TrustChoice } from '../../components/form-controls';

export const PUBLIC_GOOD_REKOR = 'https://rekor.sigstore.dev';

export type SearchBy = 'email' | 'sha' | 'public-key' | 'san';

export interface LogFormState {
  logUrl: string;
  trust: TrustedRootChoice;
  action: 'search' | 'get';
  by: SearchBy;
  value: string;
  keyPem: string;
  keyFormat: 'pkix' | 'x509';
  ref: string;
}

export const EMPTY_LOG_FORM: LogFormState = { logUrl: PUBLIC_GOOD_REKOR, trust: null, action: 'search', by: 'email', value: '', keyPem: '', keyFormat: 'pkix', ref: '' };

const BY: Record<Exclude<SearchBy, 'public-key'>, { label: string; placeholder: string; hint: string }> = {
  email: { label: 'E-mail', placeholder: 'you@example.com', hint: 'Entries whose certificate names this e-mail address.' },
  sha: { label: 'Artifact digest', placeholder: 'sha256:… or sha512:…', hint: 'Entries that sign an artifact with this digest.' },
  san: {
    label: 'SAN',
    placeholder: 'you@example.com',
    hint: 'Rekor’s index holds e-mail SANs only: a URI SAN (a GitHub workflow, a SPIFFE ID) cannot be searched through its API; search by artifact digest instead.',
  },
};

// The query a search form asks for, or what is missing.
export function queryOf(form: LogFormState): LogQuery | string {
  if (form.by === 'public-key') return form.keyPem.trim() ? { by: 'public-key', format: form.keyFormat, pem: form.keyPem } : 'Paste or open a public key (PEM).';
  return form.value.trim() ? { by: form.by, value: form.value } : `Give the ${BY[form.by].label.toLowerCase()} to search for.`;
}

export function LogForm({ form, setForm, onSearch, onGet, pending }: { form: LogFormState; setForm: (f: LogFormState) => void; onSearch: (q: LogQuery) => void; onGet: (ref: string) => void; pending: boolean }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const set = (patch: Partial<LogFormState>) => setForm({ ...form, ...patch });
  const query = queryOf(form);
  const problem = !URL.canParse(form.logUrl.trim()) ? 'The log URL is not a URL.' : form.action === 'search' ? (typeof query === 'string' ? query : null) : form.ref.trim() ? null : 'Give a UUID, an entry ID or a log index.';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    if (form.action === 'get') onGet(form.ref);
    else if (typeof query !== 'string') onSearch(query);
  };
  return (
    <form className="grid gap-4" onSubmit={submit} aria-label="Transparency log">
      <Group title="Log" hint="A Rekor v1 log (rekor.sigstore.dev or a private instance). Rekor v2 logs have no search API.">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Log URL</span>
          <input className={`${input} font-mono`} value={form.logUrl} spellCheck={false} onChange={(e) => set({ logUrl: e.target.value })} />
        </label>
        <TrustChoice trust={form.trust} onChange={(trust) => set({ trust })} onError={setFileError} />
        <TrustedRootNotice rootText={form.trust?.text ?? null} weakening={null} />
      </Group>
      <Group title="Find entries">
        <RadioChoice name="log-action" label="Search or get" options={[['search', 'Search the index'], ['get', 'Get one entry']] as const} value={form.action} onChange={(action) => set({ action })} />
        {form.action === 'search' ? (
          <>
            <label className="grid gap-1 text-sm">
              <span className="font-medium">Search by</span>
              <select aria-label="Search by" className={input} value={form.by} onChange={(e) => set({ by: e.target.value as SearchBy })}>
                <option value="email">E-mail</option>
                <option value="sha">Artifact digest</option>
                <option value="public-key">Public key</option>
                <option value="san">SAN</option>
              </select>
            </label>
            {form.by === 'public-key' ? (
              <>
                <textarea aria-label="Public key (PEM)" className={`${input} h-28 font-mono text-xs`} spellCheck={false} value={form.keyPem} onChange={(e) => set({ keyPem: e.target.value })} placeholder="-----BEGIN PUBLIC KEY-----" />
                <div className="flex flex-wrap items-center gap-3 text-sm">
                  <FileButton label="Open a PEM file" accept=".pem,.pub,.crt,.cer,.txt" onText={(_, t) => set({ keyPem: t })} onError={setFileError} />
                  <label className="inline-flex items-center gap-1">
                    <span>Format</span>
                    <select className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900" value={form.keyFormat} onChange={(e) => set({ keyFormat: e.target.value as 'pkix' | 'x509' })}>
                      <option value="pkix">public key (pkix)</option>
                      <option value="x509">certificate (x509)</option>
                    </select>
                  </label>
                </div>
              </>
            ) : (
              <div className="grid gap-1 text-sm">
                <label className="grid gap-1">
                  <span className="font-medium">{BY[form.by].label}</span>
                  <input aria-describedby="log-search-hint" className={`${input} font-mono`} value={form.value} spellCheck={false} placeholder={BY[form.by].placeholder} onChange={(e) => set({ value: e.target.value })} />
                </label>
                <span id="log-search-hint" className="text-xs text-slate-500 dark:text-slate-400">
                  {BY[form.by].hint}
                </span>
              </div>
            )}
            <p role="note" className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
              Rekor’s search index is deprecated upstream and may be incomplete: an entry missing from the results may still be in the log.
            </p>
          </>
        ) : (
          <label className="grid gap-1 text-sm">
            <span className="font-medium">UUID, entry ID or log index</span>
            <input className={`${input} font-mono`} value={form.ref} spellCheck={false} placeholder="64-hex UUID, 80-hex entry ID, or 123456" onChange={(e) => set({ ref: e.target.value })} />
          </label>
        )}
      </Group>
      <FormFooter fileError={fileError} disabled={pending} label={pending ? 'Asking the log…' : form.action === 'search' ? 'Search' : 'Get entry'} problem={problem} />
    </form>
  );
}
