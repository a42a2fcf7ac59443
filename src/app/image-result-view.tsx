// An image verification: the verdict, where the image and its signatures were found, each signature's
// own timeline, and for a multi-arch index every platform.
import { lazy, Suspense, type ReactNode } from 'react';
import type { ImageVerificationResult } from '../image';
import { Banner, verdictTitle } from '../features/timeline/verdict-banner';
import { Timeline } from '../features/timeline/timeline';
import { describePolicy, trustChoiceOf, type VerifyForm } from '../lib/verify-form';
import { waivedSteps } from '../core/verify/waived-steps';
import { SignatureCard } from './signature-card';
import { scrollable } from '../lib/scrollable';

// The SBOM table (and its virtualiser) loads only when an image has an attached SBOM.
const AttachedSbomView = lazy(() => import('../features/attestations/attached-sbom-view').then((m) => ({ default: m.AttachedSbomView })));

const FORMAT = { 'sigstore-bundle': 'Sigstore bundle', 'cosign-simplesigning': 'cosign signature', 'cosign-dsse': 'cosign attestation' } as const;
const SOURCE = { 'referrers-api': 'OCI referrers API', 'referrers-tag': 'referrers tag schema', 'cosign-sig-tag': 'cosign .sig tag', 'cosign-att-tag': 'cosign .att tag', 'cosign-sbom-tag': 'cosign .sbom tag' } as const;

export function ImageResultView({ result, form, share }: { result: ImageVerificationResult; form: VerifyForm; share: ReactNode }) {
  const verifiedCount = result.signatures.filter((s) => s.result.verdict === 'verified').length;
  const failedStep = result.steps.find((s) => s.status === 'fail');
  // The checks the verifier options waived in the signatures that verified, named once.
  const waived = [...new Set(result.signatures.filter((s) => s.result.verdict === 'verified').flatMap((s) => waivedSteps(s.result.steps)))];
  return (
    <div className="grid min-w-0 gap-4">
      <Banner
        verdict={result.verdict}
        title={failedStep ? verdictTitle('failed', failedStep) : result.verdict === 'failed' ? '✗ Signatures found, none verified' : verdictTitle(result.verdict)}
        {...(failedStep ? { code: failedStep.id } : {})}
        sentence={result.headline}
        waived={waived}
        footer={`${result.reference ?? result.input}${result.digest ? ` @ ${result.digest}` : ''} · ${verifiedCount} of ${result.signatures.length} signatures verified · Trust: ${result.trust.name} · ${result.totalMs.toFixed(0)} ms`}
      />
      <div className="flex justify-end">{share}</div>
      {result.onlyIndexSigned && (
        <p role="note" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          ! Only the index is signed: none of its platform manifests carries a signature of its own. A client that pulls a platform manifest by its digest gets no signature for it.
        </p>
      )}
      <section aria-labelledby="discovery-heading" className="grid gap-2">
        <h3 id="discovery-heading" className="text-lg font-semibold">
          Image and signatures
        </h3>
        <Timeline steps={result.steps} failedStep={failedStep?.id} label="Image discovery steps" />
      </section>
      {result.platforms.length > 0 && <PlatformTable result={result} />}
      {result.signatures.length > 0 && (
        <section aria-labelledby="signatures-heading" className="grid gap-3">
          <h3 id="signatures-heading" className="text-lg font-semibold">
            Signatures and attestations ({result.signatures.length}: {result.signatures.filter((s) => s.kind === 'attestation').length} attestations)
          </h3>
          <ol className="grid gap-3">
            {result.signatures.map((sig, i) => (
              <SignatureCard
                key={`${sig.where}-${i}`}
                index={i}
                noun={sig.kind === 'attestation' ? 'Attestation' : 'Signature'}
                title={`${sig.kind === 'attestation' ? `${sig.result.attestation?.typeName ?? sig.predicateType ?? 'attestation'} — ` : ''}${FORMAT[sig.format]} via the ${SOURCE[sig.source]}`}
                {...(sig.logEntries ? { live: { target: { kind: 'entries' as const, entries: sig.logEntries }, trustedRoot: trustChoiceOf(form) } } : {})}
                where={sig.where}
                result={sig.result}
                inputs={{ artifactLabel: `${form.imageRef} (${result.digest ?? 'unresolved'})`, bundleLabel: sig.where, policyLabel: describePolicy(form) }}
                defaultOpen={result.signatures.length === 1 || (i === 0 && verifiedCount === 0)}
              />
            ))}
          </ol>
        </section>
      )}
      {result.sboms.length > 0 && (
        <section aria-labelledby="sboms-heading" className="grid gap-3">
          <h3 id="sboms-heading" className="text-lg font-semibold">
            Attached SBOMs ({result.sboms.length}, unsigned)
          </h3>
          {result.sboms.map((sbom) => (
            <details key={sbom.where} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <summary className="cursor-pointer text-sm font-medium wrap-anywhere">
                {sbom.mediaType} — {sbom.size.toLocaleString('en')} bytes, {sbom.where}
              </summary>
              {sbom.error ? <p role="alert" className="mt-2 text-sm">Could not be read: {sbom.error}</p> : sbom.view && (
                <Suspense fallback={<p className="mt-2 text-sm">Loading…</p>}>
                  <AttachedSbomView view={sbom.view} />
                </Suspense>
              )}
            </details>
          ))}
        </section>
      )}
    </div>
  );
}

const PLATFORM_VERDICT = { unsigned: '– unsigned', verified: '✓ verified', failed: '✗ failed', incomplete: '! incomplete', unknown: '? could not be checked' } as const;

// The platforms of a multi-arch index, each with its own signatures.
function PlatformTable({ result }: { result: ImageVerificationResult }) {
  return (
    <section aria-labelledby="platforms-heading" className="grid gap-2">
      <h3 id="platforms-heading" className="text-lg font-semibold">
        Platforms ({result.platforms.length})
      </h3>
      <div {...scrollable('Platforms')} className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th className="py-2 pr-3">Platform</th>
              <th className="py-2 pr-3">Manifest digest</th>
              <th className="py-2 pr-3">Own signatures</th>
              <th className="py-2 pr-3">Own attestations</th>
              <th className="py-2">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {result.platforms.map((p) => (
              <tr key={p.digest} className="border-b border-slate-100 dark:border-slate-800" data-platform={p.platform}>
                <td className="py-2 pr-3 font-mono">{p.platform}</td>
                <td className="py-2 pr-3 font-mono text-xs break-all">{p.digest}</td>
                <td className="py-2 pr-3">{p.signatures === 0 ? 'none' : `${p.verified} of ${p.signatures} verified`}</td>
                <td className="py-2 pr-3">
                  {p.attestations.length === 0 ? 'none' : (
                    <ul className="grid gap-1">
                      {p.attestations.map((a, i) => (
                        <li key={i} className="wrap-anywhere" title={a.headline} data-platform-attestation={a.predicateType}>
                          {PLATFORM_VERDICT[a.verdict]} {a.typeName}
                          <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{a.predicateType ?? 'type unknown'} · {a.where}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={`py-2 ${p.error ? '' : 'whitespace-nowrap'}`}>{PLATFORM_VERDICT[p.verdict]}{p.error ? `: ${p.error}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
