// The signing certificate, its chain to a trusted Fulcio CA and its SCTs, field by field (RFC 5280 §4.1, RFC 6962 §3.3),
// from the views the engine decoded: the page decodes no DER.
import type { CertificateRole, CertificateView as Decoded, Step, VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import { CertificateDetails } from './certificate-details';
import { keyedEvidence, stepOf } from '../../lib/read-result';
import { evidenceFields } from './result-evidence';
import { StepNote } from './step-note';
import { SubSection, ViewSection } from './view-section';

/** A certificate's position in the chain, in words. */
const ROLE: Record<CertificateRole, string> = { leaf: 'Leaf (signing certificate)', intermediate: 'Intermediate CA', root: 'Root (trust anchor)' };

// The chain as an ordered list leaf → intermediate → root, the chain step's summary naming the trusted CA.
function ChainList({ chain, step, trustName }: { chain: Decoded[]; step: Step | undefined; trustName: string }) {
  return (
    <>
      <ol className="space-y-1 text-sm">
        {chain.map((c, i) => (
          <li key={i} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <span className="block text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">
              {i > 0 && <span aria-hidden="true">↑ </span>}
              {ROLE[c.role]}
            </span>
            <span className="block wrap-anywhere">{c.displayName}</span>
            <span className="block font-mono text-xs break-all text-slate-500 dark:text-slate-400">serial {c.serialNumber}</span>
            {c.role === 'root' && <span className="block text-xs">Trusted because it is a CA of the trusted root ({trustName}).</span>}
          </li>
        ))}
      </ol>
      {step && <p className="text-sm text-slate-700 wrap-anywhere dark:text-slate-300">{step.summary}</p>}
    </>
  );
}

// The certificate view: the leaf's fields, the chain drawn as a list, each CA's fields and the embedded SCTs.
export function CertificateView({ result }: { result: VerificationResult }) {
  const decodeStep = stepOf(result, 'cert.decode');
  const chainStep = stepOf(result, 'cert.chain');
  const sctStep = stepOf(result, 'cert.sct');
  const leaf = result.views?.certificate;
  const cas = result.views?.chain ?? [];
  const leafHex = keyedEvidence(decodeStep, 'certificate.der', 'hex')[0]?.value;
  const caHex = keyedEvidence(chainStep, 'chain.der', 'hex').map((e) => e.value);
  const sctFields = evidenceFields(sctStep);
  return (
    <ViewSection title="Certificates" spec="RFC 5280">
      <SubSection title="Signing certificate">
        <StepNote id="cert.decode" step={decodeStep} missing={!leaf} />
        {leaf && <CertificateDetails cert={leaf} hex={leafHex} />}
      </SubSection>
      <SubSection title="Chain of trust">
        <StepNote id="cert.chain" step={chainStep} missing={cas.length === 0} />
        {leaf && cas.length > 0 && <ChainList chain={[leaf, ...cas]} step={chainStep} trustName={result.trust.name} />}
      </SubSection>
      {cas.map((ca, i) => (
        <SubSection key={i} title={`${ROLE[ca.role]}: ${ca.subject}`}>
          <details>
            <summary className="cursor-pointer text-sm text-slate-700 dark:text-slate-300">Show every field</summary>
            <CertificateDetails cert={ca} hex={caHex[i]} />
          </details>
        </SubSection>
      ))}
      <SubSection title="Signed certificate timestamps (RFC 6962 §3.3)">
        <StepNote id="cert.sct" step={sctStep} missing={sctFields.length === 0} />
        {sctFields.length > 0 && <FieldList fields={sctFields} />}
      </SubSection>
    </ViewSection>
  );
}
