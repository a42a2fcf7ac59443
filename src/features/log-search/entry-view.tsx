// One log entry: who and what it records (the decoded body), the checks run on it as on a bundle, and "verify an
// artifact against this entry". Everything shown was decoded and checked in the worker.
import type { ReactNode } from 'react';
import type { VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import type { EntryView as Entry } from './log-protocol';
import { VerifyAgainstEntry, type VerifyRun } from './verify-against-entry';
import { scrollable } from '../../lib/scrollable';

/** What a result view's report names as its inputs. */
export interface ResultInputs {
  artifactLabel: string;
  bundleLabel: string;
  policyLabel: string;
}

export type RenderResult = (result: VerificationResult, inputs: ResultInputs) => ReactNode;

// The entry's identity and decoded body.
function EntryHeader({ entry }: { entry: Entry }) {
  const identity = [
    { name: 'UUID', value: entry.uuid, mono: true },
    ...(entry.entryId !== entry.uuid ? [{ name: 'Entry ID', value: entry.entryId, mono: true }] : []),
    { name: 'Log index', value: String(entry.logIndex), mono: true },
    { name: 'Integrated time', value: entry.integratedTime ?? 'none given' },
    { name: 'Kind', value: entry.kind },
    { name: 'Log', value: entry.logUrl, mono: true },
  ];
  const body = entry.body;
  return (
    <section aria-labelledby="entry-heading" className="grid min-w-0 gap-4 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="entry-heading" className="text-lg font-bold">
          Log entry {entry.logIndex}
        </h2>
        <a href="#verify-entry-heading" className="text-sm font-medium text-sky-700 underline dark:text-sky-300">
          Verify an artifact against it ↓
        </a>
      </div>
      <FieldList fields={identity} />
      <div className="grid min-w-0 gap-2" aria-label="Decoded body">
        <h3 className="font-semibold">
          Body: {body.kind} {body.apiVersion}
        </h3>
        {body.decoded ? (
          <FieldList fields={body.fields.map((f) => ({ name: f.label, value: f.value, mono: f.mono }))} />
        ) : (
          <p role="note" className="rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-800" data-not-decoded="">
            Not decoded. {body.notDecoded}
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-slate-700 dark:text-slate-300">The body as the log stored it</summary>
          <pre {...scrollable('The body as the log stored it')} className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">{JSON.stringify(entry.bodyJson, null, 2)}</pre>
        </details>
      </div>
    </section>
  );
}

export function EntryPanel({ entry, renderResult, verify, onBack }: { entry: Entry; renderResult: RenderResult; verify: VerifyRun; onBack?: () => void }) {
  const inputs = { artifactLabel: 'none given (the entry alone)', bundleLabel: `Rekor entry ${entry.uuid} at ${entry.logUrl}`, policyLabel: 'inspect only: identity not checked' };
  return (
    <div className="grid min-w-0 gap-4">
      {onBack && (
        <button type="button" onClick={onBack} className="justify-self-start text-sm font-medium text-sky-700 underline dark:text-sky-300">
          ← Back to the results
        </button>
      )}
      <EntryHeader entry={entry} />
      <section aria-label="Checks of this entry" className="grid min-w-0 gap-4">
        <h2 className="text-lg font-bold">What Signet checked</h2>
        {renderResult(entry.result, inputs)}
      </section>
      <VerifyAgainstEntry entry={entry} verify={verify} renderResult={renderResult} />
    </div>
  );
}
