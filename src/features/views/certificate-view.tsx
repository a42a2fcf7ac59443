// The signing certificate, its chain to a trusted Fulcio CA and its SCTs, field by field (RFC 5280 §4.1, RFC 6962 §3.3).
import { fromHex, parseCertificate, type Certificate, type Step, type VerificationResult } from '../../core';
import { FieldList } from '../../components/field-list';
import { CertificateDetails } from './certificate-details';
import { keyedEvidence, stepOf } from '../../lib/read-result';
import { evidenceFields } from './result-evidence';
import { StepNote } from './step-note';
import { SubSection, ViewSection } from './view-section';

type Decoded = { hex: string; cert: Certificate } | { hex: string; error: string };

// Decode one DER certificate from hex evidence, keeping the error message when it does not parse.
function decode(hex: string, where: string): Decoded {
  try {
    return { hex, cert: parseCertificate(fromHex(hex, where), where) };
  } catch (err) {
    return { hex, error: err instanceof Error ? err.message : String(err) };
  }
}

// The name a certificate goes by in the chain: the leaf's first SAN, a CA's subject.
function displayName(cert: Certificate): string {
  return cert.subjectAltNames[0]?.value ?? (cert.subject || cert.serialNumber);
}

// Its position in the chain, in words.
function roleOf(index: number, length: number): string {
  if (index === 0) return 'Leaf (signing certificate)';
  return index === length - 1 ? 'Root (trust anchor)' : 'Intermediate CA';
}

// The chain as an ordered list leaf → intermediate → root, the chain step's summary naming the trusted CA.
function ChainList({ chain, step, trustName }: { chain: Certificate[]; step: Step | undefined; trustName: string }) {
  return (
    <>
      <ol className="space-y-1 text-sm">
        {chain.map((c, i) => (
          <li key={i} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <span className="block text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">
              {i > 0 && <span aria-hidden="true">↑ </span>}
              {roleOf(i, chain.length)}
            </span>
            <span className="block wrap-anywhere">{displayName(c)}</span>
            <span className="block font-mono text-xs break-all text-slate-500 dark:text-slate-400">serial {c.serialNumber}</span>
            {i === chain.length - 1 && <span className="block text-xs">Trusted because it is a CA of the trusted root ({trustName}).</span>}
          </li>
        ))}
      </ol>
      {step && <p className="text-sm text-slate-700 wrap-anywhere dark:text-slate-300">{step.summary}</p>}
    </>
  );
}

// One decoded certificate or why it could not be decoded.
function DecodedDetails({ decoded }: { decoded: Decoded }) {
  if ('error' in decoded) return <p className="text-sm wrap-anywhere">Not available: the certificate could not be decoded: {decoded.error}</p>;
  return <CertificateDetails cert={decoded.cert} hex={decoded.hex} />;
}

// The certificate view: the leaf's fields, the chain drawn as a list, each CA's fields and the embedded SCTs.
export function CertificateView({ result }: { result: VerificationResult }) {
  const decodeStep = stepOf(result, 'cert.decode');
  const chainStep = stepOf(result, 'cert.chain');
  const sctStep = stepOf(result, 'cert.sct');
  const leafHex = keyedEvidence(decodeStep, 'certificate.der', 'hex')[0];
  const leaf = leafHex && decode(leafHex.value, 'leaf certificate');
  const cas = keyedEvidence(chainStep, 'chain.der', 'hex').map((e, i) => decode(e.value, `CA certificate ${i + 1}`));
  const chain = [leaf, ...cas].flatMap((d) => (d && 'cert' in d ? [d.cert] : []));
  const sctFields = evidenceFields(sctStep);
  return (
    <ViewSection title="Certificates" spec="RFC 5280">
      <SubSection title="Signing certificate">
        <StepNote id="cert.decode" step={decodeStep} missing={!leaf} />
        {leaf && <DecodedDetails decoded={leaf} />}
      </SubSection>
      <SubSection title="Chain of trust">
        <StepNote id="cert.chain" step={chainStep} missing={cas.length === 0} />
        {cas.length > 0 && <ChainList chain={chain} step={chainStep} trustName={result.trust.name} />}
      </SubSection>
      {cas.map((ca, i) => (
        <SubSection key={i} title={`${roleOf(i + 1, cas.length + 1)}: ${'cert' in ca ? ca.cert.subject : 'undecodable'}`}>
          <details>
            <summary className="cursor-pointer text-sm text-slate-700 dark:text-slate-300">Show every field</summary>
            <DecodedDetails decoded={ca} />
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
