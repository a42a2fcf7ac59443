// From an image reference to a verdict: resolve the digest, find every signature, verify each with the engine.
import { normalizeCosignLayer } from '../core/bundle/cosign-legacy';
import { parseBundle } from '../core/bundle/parse-bundle';
import type { TlogEntry } from '../core/bundle/types';
import { fromUtf8 } from '../core/encoding/bytes';
import { fromHex } from '../core/encoding/hex';
import { toVerifyError } from '../core/errors';
import type { TrustedRoot } from '../core/trust/types';
import type { VerificationPolicy } from '../core/verify/options';
import { runPlan, type Plan } from '../core/verify/plan';
import { StepFailure } from '../core/verify/step-failure';
import { StepRecorder, type StepOutcome } from '../core/verify/step-recorder';
import type { Thresholds } from '../core/verify/thresholds';
import type { VerificationResult, Verdict } from '../core/verify/types';
import { failedSentence, verifyBundle } from '../core/verify/verify-bundle';
import { parseImageReference, type DiscoveredSignature, type ImageReference, type RegistryClient, type ResolvedImage, type SignatureDiscovery } from '../oci';
import { attestationVerdict, envelopeOf, kindOf, predicateOf, readAttachedSboms } from './attestations';
import { IMAGE_CATALOGUE, IMAGE_STEP_IDS, type ImageStepId } from './catalogue';
import type { ImageVerificationResult, PlatformVerification, SignatureVerification } from './types';

export interface VerifyImageRequest {
  reference: string;
  client: RegistryClient;
  policy: VerificationPolicy;
  trustedRoot: TrustedRoot;
  /** Evidence thresholds (tlog 0 / sct 0 are the cosign --insecure-ignore-* weakenings, shown as warn steps). */
  thresholds?: Partial<Thresholds>;
  /** Require a verified RFC 3161 timestamp (cosign --use-signed-timestamps). */
  useSignedTimestamps?: boolean;
  now?: number;
  /** Reports what is happening, for progress displays. */
  onProgress?: (message: string) => void;
  /** Keep each attestation's DSSE envelope as stored (for `verify-attestation` output and downloads). */
  keepEnvelopes?: boolean;
  /** Keep each signature's transparency-log entries (for checking them against the live log afterwards). */
  keepLogEntries?: boolean;
  /** Keep each attestation's predicate exactly as signed (for downloading it alone). */
  keepPredicates?: boolean;
}

const FORMAT_NAMES = { 'sigstore-bundle': 'Sigstore bundle', 'cosign-simplesigning': 'cosign signature (.sig)', 'cosign-dsse': 'cosign attestation (.att)' } as const;

/** What the discovery steps found, for the signatures that follow. */
interface DiscoveryContext {
  req: VerifyImageRequest;
  ref?: ImageReference;
  image?: ResolvedImage;
  discovery?: SignatureDiscovery;
}

const IMAGE_PLAN: Plan<ImageStepId, never, DiscoveryContext> = {
  order: IMAGE_STEP_IDS,
  catalogue: IMAGE_CATALOGUE,
  conditions: {},
  checks: { 'image.resolve': { run: resolveStep }, 'image.discover': { run: discoverStep } },
};

// image.resolve: the reference names a manifest, whose digest is the sha256 of the bytes received.
async function resolveStep(ctx: DiscoveryContext): Promise<StepOutcome> {
  const ref = parseImageReference(ctx.req.reference);
  ctx.ref = ref;
  ctx.req.onProgress?.(`Resolving ${ref.canonical}`);
  const image = await ctx.req.client.resolve(ref);
  ctx.image = image;
  const kind = image.platforms ? `an image index of ${image.platforms.length} platform${image.platforms.length === 1 ? '' : 's'}` : 'an image manifest';
  // A tag can be moved to another image at any time: say which digest was verified, and warn (the verdict is about that digest).
  const byTag = ref.digest === undefined;
  return {
    ...(byTag ? { status: 'warn' as const } : {}),
    summary: `${ref.canonical} resolves to ${image.digest} (${kind}); the digest is the sha256 of the ${image.bytes.length} bytes received.${
      byTag ? ` This is a tag, which can later point to another image: the digest verified is ${image.digest}; pin ${ref.registry}/${ref.repository}@${image.digest}.` : ''
    }`,
    evidence: [
      { kind: 'text', label: 'reference', value: ref.canonical },
      { kind: 'text', label: 'digest', value: image.digest },
      { kind: 'text', label: 'media type', value: image.mediaType },
      ...(image.platforms ?? []).map((p) => ({ kind: 'text' as const, label: `platform ${platformName(p.platform)}`, value: p.digest })),
    ],
  };
}

// image.discover: every place a signature of the digest can live, searched and named.
async function discoverStep(ctx: DiscoveryContext): Promise<StepOutcome> {
  const ref = ctx.ref!;
  const digest = ctx.image!.digest;
  ctx.req.onProgress?.(`Looking for signatures of ${digest}`);
  const discovery = await ctx.req.client.listSignatures({ registry: ref.registry, repository: ref.repository }, digest);
  ctx.discovery = discovery;
  const evidence = discovery.searched.map((s) => ({ kind: 'text' as const, label: s.where, value: `${s.outcome}${s.code ? ` (${s.code})` : ''}` }));
  if (discovery.signatures.length === 0) {
    throw new StepFailure(
      'OCI_NO_SIGNATURES', `no signatures found for ${digest}: searched ${discovery.searched.map((s) => s.where).join('; ')}`,
      {
        where: `${ref.registry}/${ref.repository}`,
        expected: 'at least one signature or attestation',
        found: 'none',
      },
      evidence,
    );
  }
  return { summary: `Found ${describeFound(discovery.signatures)}.`, evidence };
}

// Verify every signature of the image the reference names; verified when at least one signature verifies.
export async function verifyImage(req: VerifyImageRequest): Promise<ImageVerificationResult> {
  const started = Date.now();
  const t0 = performance.now();
  const steps = new StepRecorder<ImageStepId>(IMAGE_CATALOGUE);
  const ctx: DiscoveryContext = { req };
  await runPlan(IMAGE_PLAN, ctx, steps);
  const { ref, image, discovery } = ctx;

  const signatures = discovery && ref && image ? await verifySignatures(req, discovery.signatures, ref, image.digest) : [];
  const sboms = discovery && ref ? await readAttachedSboms(req.client, ref, discovery.sboms, req.onProgress) : [];
  const platforms = ref && image?.platforms && discovery ? await verifyPlatforms(req, ref, image.platforms) : [];
  const discoverySteps = steps.ordered(IMAGE_STEP_IDS);
  const verdict = attestationVerdict(req.policy, discoverySteps, signatures) ?? imageVerdict(discoverySteps, signatures);
  const onlyIndexSigned = verdict.verdict === 'verified' && platforms.length > 0 && platforms.every((p) => p.verdict === 'unsigned');
  return {
    input: req.reference,
    reference: ref?.canonical ?? null,
    digest: image?.digest ?? null,
    mediaType: image?.mediaType ?? null,
    ...verdict,
    steps: discoverySteps,
    searched: discovery?.searched ?? [],
    signatures,
    sboms,
    referrers: discovery?.referrers ?? [],
    platforms,
    onlyIndexSigned,
    trust: req.trustedRoot.source,
    startedAt: new Date(started).toISOString(),
    totalMs: Math.round((performance.now() - t0) * 1000) / 1000,
  };
}

// Each signature through the engine, one after another, with progress.
async function verifySignatures(req: VerifyImageRequest, found: DiscoveredSignature[], ref: ImageReference, digest: string): Promise<SignatureVerification[]> {
  const out: SignatureVerification[] = [];
  for (const [i, sig] of found.entries()) {
    req.onProgress?.(`Verifying ${i + 1} of ${found.length}: ${FORMAT_NAMES[sig.format]}${sig.predicateTypeHint ? `, ${sig.predicateTypeHint.slice(0, 100)}` : ''} (${formatSize(sig.layer.size)})`);
    out.push(await verifyDiscoveredSignature(sig, ref, digest, req));
  }
  return out;
}

// One discovered signature through the engine, bound to the image digest (and, for cosign payloads, the repository).
export async function verifyDiscoveredSignature(
  sig: DiscoveredSignature,
  ref: Pick<ImageReference, 'registry' | 'repository'>,
  digest: string,
  req: Pick<VerifyImageRequest, 'policy' | 'trustedRoot' | 'now' | 'thresholds' | 'useSignedTimestamps' | 'keepEnvelopes' | 'keepPredicates' | 'keepLogEntries'>,
): Promise<SignatureVerification> {
  const imageDigest = { kind: 'digest' as const, algorithm: 'SHA-256' as const, value: fromHex(digest.slice('sha256:'.length), 'image digest') };
  const layer = { mediaType: sig.layer.mediaType, payload: sig.layer.bytes, annotations: sig.layer.annotations ?? {} };
  const result: VerificationResult = await verifyBundle({
    bundle: sig.format === 'sigstore-bundle' ? fromUtf8(sig.layer.bytes, sig.where) : () => normalizeCosignLayer(layer, sig.where),
    // A cosign .sig signs its payload (which names the digest); bundles and attestations name the digest as subject.
    artifact: sig.format === 'cosign-simplesigning' ? null : imageDigest,
    image: { digest, repository: `${ref.registry}/${ref.repository}` },
    policy: req.policy,
    trustedRoot: req.trustedRoot,
    ...(req.thresholds ? { thresholds: req.thresholds } : {}),
    ...(req.useSignedTimestamps ? { useSignedTimestamps: true } : {}),
    ...(req.now !== undefined ? { now: req.now } : {}),
  });
  const entry: SignatureVerification = { source: sig.source, format: sig.format, where: sig.where, ...kindOf(sig, result), result };
  const envelope = req.keepEnvelopes && entry.kind === 'attestation' ? envelopeOf(sig) : undefined;
  const predicate = req.keepPredicates && entry.kind === 'attestation' ? predicateOf(sig) : undefined;
  const logEntries = req.keepLogEntries ? logEntriesOf(sig, layer, result) : undefined;
  return { ...entry, ...(envelope === undefined ? {} : { envelope }), ...(predicate === undefined ? {} : { predicate }), ...(logEntries === undefined ? {} : { logEntries }) };
}

// The log entries of a signature whose bundle parsed (read again: the engine keeps only its record).
function logEntriesOf(sig: DiscoveredSignature, layer: Parameters<typeof normalizeCosignLayer>[0], result: VerificationResult): TlogEntry[] | undefined {
  if (result.steps.find((s) => s.id === 'bundle.parse')?.status !== 'pass') return undefined;
  try {
    return (sig.format === 'sigstore-bundle' ? parseBundle(fromUtf8(sig.layer.bytes, sig.where)) : normalizeCosignLayer(layer, sig.where)).tlogEntries;
  } catch {
    return undefined;
  }
}

// For a multi-arch index: each platform manifest's own signatures and verdict.
async function verifyPlatforms(req: VerifyImageRequest, ref: ImageReference, platforms: NonNullable<ResolvedImage['platforms']>): Promise<PlatformVerification[]> {
  const out: PlatformVerification[] = [];
  for (const p of platforms) {
    req.onProgress?.(`Looking for signatures of ${platformName(p.platform)}`);
    let found;
    try {
      found = await req.client.listSignatures({ registry: ref.registry, repository: ref.repository }, p.digest);
    } catch (err) {
      out.push({ digest: p.digest, platform: platformName(p.platform), verdict: 'unknown', signatures: 0, verified: 0, attestations: [], error: toVerifyError(err).message });
      continue;
    }
    const entries = await verifySignatures({ ...req, onProgress: undefined }, found.signatures, ref, p.digest);
    // A platform is signed by its signatures; its attestations are listed with their own verdicts, never counted as signatures.
    const results = entries.filter((e) => e.kind === 'signature');
    const verified = results.filter((r) => r.result.verdict === 'verified').length;
    out.push({
      digest: p.digest,
      platform: platformName(p.platform),
      verdict: results.length === 0 ? 'unsigned' : verified > 0 ? 'verified' : results.some((r) => r.result.verdict === 'incomplete') ? 'incomplete' : 'failed',
      signatures: results.length,
      verified,
      attestations: entries
        .filter((e) => e.kind === 'attestation')
        .map((e) => ({ ...(e.predicateType === undefined ? {} : { predicateType: e.predicateType }), typeName: e.result.attestation?.typeName ?? 'attestation', where: e.where, verdict: e.result.verdict, headline: e.result.headline })),
    });
  }
  return out;
}

// Verified when discovery succeeded and at least one signature verified (as cosign verify accepts any one).
function imageVerdict(steps: ImageVerificationResult['steps'], signatures: SignatureVerification[]): { verdict: Verdict; headline: string } {
  const failedStep = steps.find((s) => s.status === 'fail');
  if (failedStep) return { verdict: 'failed', headline: `${failedSentence(failedStep)} (${failedStep.id}): ${failedStep.summary}` };
  const verified = signatures.filter((s) => s.result.verdict === 'verified');
  if (verified.length > 0) {
    return { verdict: 'verified', headline: `Verified: ${verified.length} of ${signatures.length} signature${signatures.length === 1 ? '' : 's'} verified. ${verified[0]!.result.headline.replace(/^Verified\.\s*/, '')}` };
  }
  const incomplete = signatures.find((s) => s.result.verdict === 'incomplete');
  if (incomplete) return { verdict: 'incomplete', headline: `Not verified: ${signatures.length} signature${signatures.length === 1 ? '' : 's'} found, none fully verified. ${incomplete.result.headline}` };
  return {
    verdict: 'failed',
    headline: `Signatures found, none verified: ${signatures.length} checked. ${signatures.map((s, i) => `[${i + 1}] ${s.result.headline}`).join(' ')}`,
  };
}

function describeFound(signatures: DiscoveredSignature[]): string {
  const counts = new Map<string, number>();
  for (const s of signatures) counts.set(`${FORMAT_NAMES[s.format]} via ${s.source}`, (counts.get(`${FORMAT_NAMES[s.format]} via ${s.source}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

// A blob size for progress lines.
function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// os/architecture/variant, as docker prints platforms.
function platformName(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
