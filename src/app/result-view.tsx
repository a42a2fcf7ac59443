// A verification outcome: a bundle's verdict and views, or an image's discovery and signatures.
import { VerdictBanner } from '../features/timeline/verdict-banner';
import { ShareButton } from '../features/share/share-button';
import type { VerificationOutcome } from '../features/verify/use-verification';
import { describePolicy, trustChoiceOf } from '../lib/verify-form';
import { BundleResultView } from './bundle-result-view';
import { ImageResultView } from './image-result-view';
import { SignatureListView } from './signature-list-view';

export function ResultView({ outcome }: { outcome: VerificationOutcome }) {
  const share = <ShareButton form={outcome.form} artifactDigest={outcome.kind === 'bundle' ? outcome.artifactDigest : null} />;
  if (outcome.kind === 'image') return <ImageResultView result={outcome.result} form={outcome.form} share={share} />;
  if (outcome.kind === 'signatures') return <SignatureListView outcome={outcome} share={share} />;
  const { result, form, artifactDigest } = outcome;
  const inputs = {
    artifactLabel: form.artifact.kind === 'file' && form.artifact.file ? `${form.artifact.file.name} (${artifactDigest ?? 'digest unknown'})` : (artifactDigest ?? 'none given'),
    bundleLabel: form.bundleName || 'pasted bundle',
    policyLabel: describePolicy(form),
  };
  return (
    <div className="grid min-w-0 gap-4">
      <VerdictBanner result={result} />
      <BundleResultView result={result} inputs={inputs} actions={share} live={{ target: { kind: 'bundle', text: form.bundleText, index: 0 }, trustedRoot: trustChoiceOf(form) }} />
    </div>
  );
}
