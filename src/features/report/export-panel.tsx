// Export a verification as a Markdown report or as the raw JSON record: copy or download either.
import { useMemo } from 'react';
import type { VerificationResult } from '../../core';
import { BUTTON_CLASS, CopyButton } from './copy-button';
import { downloadText } from './download';
import { jsonReport } from './json-report';
import { markdownReport, type ReportInputs } from './markdown-report';

// The export buttons for one result; the texts are built once per result and inputs.
export function ExportPanel({ result, inputs }: { result: VerificationResult; inputs: ReportInputs }) {
  const markdown = useMemo(() => markdownReport(result, inputs), [result, inputs]);
  const json = useMemo(() => jsonReport(result), [result]);

  return (
    <section aria-labelledby="export-heading" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">A report to file, or the full verification record as JSON.</p>
      <div className="mt-3 flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={markdown} label="Copy Markdown" />
          <button type="button" className={BUTTON_CLASS} onClick={() => downloadText('report.md', markdown, 'text/markdown;charset=utf-8')}>
            Download report.md
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyButton text={json} label="Copy JSON" />
          <button type="button" className={BUTTON_CLASS} onClick={() => downloadText('result.json', json, 'application/json')}>
            Download result.json
          </button>
        </div>
      </div>
    </section>
  );
}
