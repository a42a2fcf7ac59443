// A record of its own steps (a live check, a TUF refresh): its verdict, then its timeline.
import type { VerificationResult } from '../core';
import { Timeline } from '../features/timeline/timeline';
import { VerdictBanner } from '../features/timeline/verdict-banner';

export function StepsResultView({ result, label }: { result: VerificationResult; label: string }) {
  return (
    <div className="grid min-w-0 gap-4">
      <VerdictBanner result={result} />
      <Timeline steps={result.steps} failedStep={result.failedStep} label={label} />
    </div>
  );
}
