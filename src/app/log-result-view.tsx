// A log entry's record (or an artifact verified against it), shown as a bundle's is: the verdict, then the timeline and views.
import type { VerificationResult } from '../core';
import type { ReportInputs } from '../features/report/markdown-report';
import { VerdictBanner } from '../features/timeline/verdict-banner';
import { BundleResultView } from './bundle-result-view';

export function LogResultView({ result, inputs }: { result: VerificationResult; inputs: ReportInputs }) {
  return (
    <div className="grid min-w-0 gap-4">
      <VerdictBanner result={result} />
      <BundleResultView result={result} inputs={inputs} />
    </div>
  );
}
