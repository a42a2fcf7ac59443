// The DSSE envelope: the exact bytes signed (PAE) and the in-toto statement they carry (DSSE protocol, in-toto Statement v1).
import type { VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import { HexView } from '../../components/hex-view';
import { parsePaeHeader, summariseStatement, type StatementSummary } from './dsse-fields';
import { JsonBlock } from './json-block';
import { keyedEvidence, stepOf } from '../../lib/read-result';
import { StepNote } from './step-note';
import { SubSection, ViewSection } from './view-section';

// Whether the bundle's content is a DSSE envelope rather than a message signature.
function isDsse(result: VerificationResult): boolean {
  const parse = stepOf(result, 'bundle.parse');
  return (
    keyedEvidence(stepOf(result, 'signature'), 'pae', 'hex').length > 0 ||
    keyedEvidence(stepOf(result, 'artifact.bind'), 'statement', 'json').length > 0 ||
    (parse?.evidence ?? []).some((e) => e.kind === 'text' && e.value === 'DSSE envelope')
  );
}

// The statement's subjects as a table of names and digests; an unnamed subject says so.
function SubjectsTable({ subjects }: { subjects: StatementSummary['subjects'] }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="text-left text-sm font-medium text-slate-700 dark:text-slate-300">Subjects ({subjects.length})</caption>
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          <th scope="col" className="w-1/3 py-1 pr-2 font-medium">Name</th>
          <th scope="col" className="py-1 font-medium">Digests</th>
        </tr>
      </thead>
      <tbody>
        {subjects.map((s, i) => (
          <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-800">
            <td className="py-1 pr-2 wrap-anywhere">{s.name || <span className="italic text-slate-500 dark:text-slate-400">(unnamed)</span>}</td>
            <td className="py-1 font-mono text-xs break-all">
              {s.digests.map(([alg, value]) => (
                <span key={alg} className="block">
                  {alg}:{value}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The DSSE view; nothing for a message-signature bundle.
export function DsseView({ result }: { result: VerificationResult }) {
  if (!isDsse(result)) return null;
  const sigStep = stepOf(result, 'signature');
  const bindStep = stepOf(result, 'artifact.bind');
  const pae = keyedEvidence(sigStep, 'pae', 'hex')[0];
  const header = pae && parsePaeHeader(pae.value);
  const statement = keyedEvidence(bindStep, 'statement', 'json')[0];
  const summary = statement && summariseStatement(statement.value);
  return (
    <ViewSection title="DSSE envelope" spec="DSSE v1, in-toto Statement v1">
      <SubSection title="Signed bytes: PAE(payloadType, payload)">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The signature covers the pre-authentication encoding {'"DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload'}, so neither the payload
          nor its type can be swapped without breaking it.
        </p>
        <StepNote id="signature" step={sigStep} missing={!pae} />
        {header && (
          <FieldList
            fields={[
              { name: 'Payload type', value: header.payloadType, mono: true },
              { name: 'Payload length', value: `${header.payloadLength} bytes` },
            ]}
          />
        )}
        {pae && <HexView hex={pae.value} label={pae.label} {...(pae.highlight && { highlight: pae.highlight })} />}
      </SubSection>
      <SubSection title="In-toto statement">
        <StepNote id="artifact.bind" step={bindStep} missing={!statement} />
        {summary && (
          <>
            <FieldList
              fields={[
                { name: '_type', value: summary.type, mono: true },
                { name: 'predicateType', value: summary.predicateType, mono: true },
              ]}
            />
            <SubjectsTable subjects={summary.subjects} />
          </>
        )}
        {statement && <JsonBlock label="Decoded payload" value={statement.value} />}
      </SubSection>
    </ViewSection>
  );
}
