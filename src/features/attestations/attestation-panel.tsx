// An attestation as people read it: what it is, what it is about, its predicate's view, and the signed
// envelope (rebuilt from the result's one copy of the signed payload) and predicate as signed to download. The view model comes from the engine; nothing here parses.
import type { AttestationView, PredicateView, SignedContent, Verdict } from '../../core';
import { BUTTON_CLASS } from '../../components/copy-button';
import { FieldList } from '../../components/field-list';
import { downloadText } from '../../lib/download';
import { envelopeText, predicateText } from '../../lib/signed-bytes';
import { JsonTreeView } from './json-tree-view';
import { ProvenanceView } from './provenance-view';
import { SbomView } from './sbom-view';
import { VexView, VulnView } from './vex-view';

// A file name saying what the predicate is: predicate.spdx.json, predicate.cdx.json, predicate.json.
function predicateFileName(a: AttestationView): string {
  const kind = a.view.kind === 'sbom' ? (a.view.format === 'SPDX' ? '.spdx' : '.cdx') : a.view.kind === 'provenance' ? '.slsa' : a.view.kind === 'openvex' ? '.openvex' : '';
  return `predicate${kind}.json`;
}

// The predicate's own view.
function PredicateBody({ view }: { view: PredicateView }) {
  switch (view.kind) {
    case 'sbom':
      return <SbomView sbom={view} />;
    case 'provenance':
      return <ProvenanceView provenance={view} />;
    case 'openvex':
      return <VexView vex={view} />;
    case 'vuln':
      return <VulnView vuln={view} />;
    case 'json':
      return <JsonTreeView tree={view} />;
  }
}

// The panel: head, notes, the unverified warning, the view and the downloads.
export function AttestationPanel({ attestation: a, verdict, signed }: { attestation: AttestationView; verdict: Verdict | 'unsigned'; signed?: SignedContent }) {
  return (
    <section className="grid min-w-0 gap-4" aria-label={`Attestation: ${a.typeName}`} data-attestation={a.predicateType} data-read-ms={a.readMs}>
      {verdict !== 'verified' && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          ! {verdict === 'unsigned' ? 'Nothing vouches for this document: it is stored next to the image, not signed.' : `This attestation did not verify (${verdict}): read it as a claim, not as a fact.`}
        </p>
      )}
      <FieldList
        fields={[
          { name: 'Type', value: `${a.typeName}${a.alias ? ` (cosign --type ${a.alias})` : ''}` },
          { name: 'Predicate type', value: a.predicateType, mono: true },
          { name: a.totalSubjects === 1 ? 'Subject' : `Subjects (${a.totalSubjects})`, value: a.subjects.slice(0, 20).map((s) => `${s.name} ${s.digests}`).join('\n') + (a.totalSubjects > 20 ? `\n… ${a.totalSubjects - 20} more` : ''), mono: true },
          { name: 'Statement', value: `${a.statementBytes.toLocaleString('en')} bytes, read in ${a.readMs.toFixed(0)} ms` },
        ]}
      />
      {a.notes.map((n, i) => <p key={i} role="note" className="text-sm text-slate-600 dark:text-slate-400">{n}</p>)}
      <PredicateBody view={a.view} />
      {signed && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BUTTON_CLASS} onClick={() => downloadText('attestation.dsse.json', `${envelopeText(signed)}\n`, 'application/json')}>
            Download the signed envelope
          </button>
          {signed.predicate && (
            <button type="button" className={BUTTON_CLASS} onClick={() => downloadText(predicateFileName(a), predicateText(signed)!, 'application/json')}>
              Download the predicate (as signed)
            </button>
          )}
        </div>
      )}
    </section>
  );
}
