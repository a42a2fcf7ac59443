// The RFC 3161 timestamp: when a trusted TSA saw the signature, over which imprint, under which policy and chain.
import type { VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import { stepOf } from '../../lib/read-result';
import { evidenceFields } from './result-evidence';
import { StepNote } from './step-note';
import { ViewSection } from './view-section';

// The timestamp view; nothing when the bundle carries no timestamp (the step was skipped).
export function TimestampView({ result }: { result: VerificationResult }) {
  const step = stepOf(result, 'timestamp.rfc3161');
  if (!step || step.status === 'skip') return null;
  const fields = evidenceFields(step);
  return (
    <ViewSection title="Trusted timestamp" spec="RFC 3161 §2.4.2">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The timestamp authority signed a TSTInfo whose message imprint is the hash of the bundle&apos;s signature, proving the signature existed at the
        time it states.
      </p>
      <StepNote id="timestamp.rfc3161" step={step} missing={fields.length === 0} />
      {fields.length > 0 && <FieldList fields={fields} />}
    </ViewSection>
  );
}
