// Export a verification as a Markdown report or as the raw JSON record: copy or download either.
import { useMemo } from 'react';
import type { VerificationResult } from '../../core';
import { BUTTON_CLASS, CopyButton } from '../../components/copy-button';
import { downloadText } from '../../lib/download';
import { jsonReport } from './json-report';
import { markdownReport, type ReportInputs } from './markdown-report';

// Copy and download buttons for one exported text.
function ExportRow({ text, copyLabel, fileName, mimeType }: { text: string; copyLabel: string; fileName: string; mimeType: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <CopyButton text={text} label={copyLabel} />
      <button type="button" className={BUTTON_CLASS} onClick={() => downloadText(fileName, text, mimeType)}>
        Download {fileName}
      </button>
    </div>
  );
}

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
        <ExportRow text={markdown} copyLabel="Copy Markdown" fileName="report.md" mimeType="text/markdown;charset=utf-8" />
        <ExportRow text={json} copyLabel="Copy JSON" fileName="result.json" mimeType="application/json" />
      </div>
    </section>
  );
}
