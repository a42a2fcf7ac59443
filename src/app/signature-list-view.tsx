// A pasted dump holding several signatures: verified one by one; any one verified suffices, as in cosign.
import type { ReactNode } from 'react';
import type { VerificationOutcome } from '../features/verify/use-verification';
import { Banner } from '../features/timeline/verdict-banner';
import { describePolicy, trustChoiceOf } from '../lib/verify-form';
import { SignatureCard } from './signature-card';

export function SignatureListView({ outcome, share }: { outcome: Extract<VerificationOutcome, { kind: 'signatures' }>; share: ReactNode }) {
  const { results, form, artifactDigest } = outcome;
  const verified = results.filter((r) => r.verdict === 'verified');
  const verdict = verified.length > 0 ? 'verified' : results.some((r) => r.verdict === 'incomplete') ? 'incomplete' : 'failed';
  const inputs = { artifactLabel: artifactDigest ?? 'none given', bundleLabel: form.bundleName || 'pasted signatures', policyLabel: describePolicy(form) };
  return (
    <div className="grid min-w-0 gap-4">
      <Banner
        verdict={verdict}
        title={verdict === 'verified' ? '✓ Verified' : verdict === 'failed' ? '✗ No signature verified' : '! Incomplete'}
        sentence={verified.length > 0 ? (verified[0]!.steps.find((s) => s.id === 'policy.identity')?.summary ?? verified[0]!.headline) : results[0]!.headline}
        footer={`${verified.length} of ${results.length} signatures verified · Trust: ${results[0]!.trust.name}`}
      />
      <div className="flex justify-end">{share}</div>
      <ol className="grid gap-3" aria-label="Signatures">
        {results.map((result, i) => (
          <SignatureCard key={i} index={i} title={result.steps[0]?.summary ?? 'signature'} where={`signature ${i + 1} of ${results.length} in the pasted input`} result={result} inputs={inputs} defaultOpen={results.length === 1} live={{ target: { kind: 'bundle', text: form.bundleText, index: i }, trustedRoot: trustChoiceOf(form) }} />
        ))}
      </ol>
    </div>
  );
}
