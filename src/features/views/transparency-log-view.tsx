// The transparency log entry: the logged body, its inclusion proof drawn as a Merkle path, and the signed checkpoint.
import type { VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import { CheckpointNote } from './checkpoint-note';
import { JsonBlock } from './json-block';
import { MerklePathSvg } from '../../components/merkle-path-svg';
import { keyedEvidence, stepOf } from '../../lib/read-result';
import { evidenceFields } from './result-evidence';
import { StepNote } from './step-note';
import { SubSection, ViewSection } from './view-section';

// The transparency log view: entry identity and times, body, audit path (RFC 6962 §2.1.1) and checkpoint (C2SP signed-note).
export function TransparencyLogView({ result }: { result: VerificationResult }) {
  const bodyStep = stepOf(result, 'tlog.body');
  const setStep = stepOf(result, 'tlog.set');
  const inclusionStep = stepOf(result, 'tlog.inclusion');
  const checkpointStep = stepOf(result, 'tlog.checkpoint');
  const entryFields = evidenceFields(bodyStep);
  const setFields = evidenceFields(setStep);
  const bodies = keyedEvidence(bodyStep, 'tlog.body', 'json');
  const paths = (inclusionStep?.evidence ?? []).flatMap((e) => (e.kind === 'merkle-path' ? [e] : []));
  const checkpoints = result.views?.checkpoints ?? [];
  return (
    <ViewSection title="Transparency log" spec="RFC 6962, RFC 9162, C2SP signed-note">
      <SubSection title="Log entry">
        <StepNote id="tlog.body" step={bodyStep} missing={entryFields.length === 0} />
        {entryFields.length > 0 && <FieldList fields={entryFields} />}
      </SubSection>
      <SubSection title="Signed entry timestamp (inclusion promise)">
        <StepNote id="tlog.set" step={setStep} missing={setFields.length === 0} />
        {setFields.length > 0 && <FieldList fields={setFields} />}
      </SubSection>
      <SubSection title="Logged entry body">
        <StepNote id="tlog.body" step={bodyStep} missing={bodies.length === 0} />
        {bodies.map((b, i) => (
          <JsonBlock key={i} label={b.label} value={b.value} />
        ))}
      </SubSection>
      <SubSection title="Inclusion proof (RFC 6962 §2.1.1)">
        <StepNote id="tlog.inclusion" step={inclusionStep} missing={paths.length === 0} />
        {paths.map((p, i) => (
          <MerklePathSvg key={i} path={p.value} />
        ))}
      </SubSection>
      <SubSection title="Checkpoint (C2SP signed-note)">
        <StepNote id="tlog.checkpoint" step={checkpointStep} missing={checkpoints.length === 0} />
        {checkpoints.map((c, i) => (
          <CheckpointNote key={i} checkpoint={c} />
        ))}
      </SubSection>
    </ViewSection>
  );
}
