// The DSSE envelope: the exact bytes signed (PAE) and the in-toto statement they carry (DSSE protocol, in-toto Statement v1).
import { useMemo } from 'react';
import type { AttestationView, VerificationResult } from '../../core';
import { toHex } from '../../core/encoding/hex';
import { FieldList } from '../../components/field-list';
import { HexView } from '../../components/hex-view';
import { keyedEvidence, stepOf } from '../../lib/read-result';
import { paeBytes } from '../../lib/signed-bytes';
import { scrollable } from '../../lib/scrollable';
import { StepNote } from './step-note';
import { SubSection, ViewSection } from './view-section';

// The statement's subjects as a table of names and digests (bounded by the engine); an unnamed subject says so.
function SubjectsTable({ subjects, total }: { subjects: AttestationView['subjects']; total: number }) {
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="text-left text-sm font-medium text-slate-700 dark:text-slate-300">
        Subjects ({total}{total > subjects.length ? `, the first ${subjects.length} shown` : ''})
      </caption>
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
              {s.digests.split(', ').map((d) => (
                <span key={d} className="block">
                  {d}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The DSSE view, from the result's one copy of the signed payload; nothing for a message-signature bundle.
export function DsseView({ result }: { result: VerificationResult }) {
  const signed = result.signed;
  const pae = useMemo(() => signed && toHex(paeBytes(signed)), [signed]);
  if (!signed) return null;
  const sigStep = stepOf(result, 'signature');
  const bindStep = stepOf(result, 'artifact.bind');
  const highlight = keyedEvidence(sigStep, 'pae', 'signed')[0]?.highlight;
  const statement = result.attestation;
  return (
    <ViewSection title="DSSE envelope" spec="DSSE v1, in-toto Statement v1">
      <SubSection title="Signed bytes: PAE(payloadType, payload)">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The signature covers the pre-authentication encoding {'"DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload'}, so neither the payload
          nor its type can be swapped without breaking it.
        </p>
        <StepNote id="signature" step={sigStep} missing={false} />
        <FieldList
          fields={[
            { name: 'Payload type', value: signed.payloadType, mono: true },
            { name: 'Payload length', value: `${signed.length} bytes` },
          ]}
        />
        {pae && <HexView hex={pae} label="signed bytes (PAE)" {...(highlight && { highlight })} />}
      </SubSection>
      <SubSection title="In-toto statement">
        <StepNote id="artifact.bind" step={bindStep} missing={!statement} />
        {statement && (
          <>
            <FieldList
              fields={[
                { name: '_type', value: statement.statementType, mono: true },
                { name: 'predicateType', value: statement.predicateType, mono: true },
              ]}
            />
            <SubjectsTable subjects={statement.subjects} total={statement.totalSubjects} />
          </>
        )}
        <figure>
          <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">Payload as signed{signed.encoding === 'base64' ? ' (base64: it is not UTF-8 text)' : ''}</figcaption>
          <pre {...scrollable('Payload as signed')} className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-slate-800 dark:bg-slate-900 dark:text-slate-200">{signed.payload}</pre>
        </figure>
      </SubSection>
    </ViewSection>
  );
}
