// bundle.parse: the input becomes one normalised Bundle, and the run's context is set up from it.
import { VerifyError } from '../../errors';
import { clip, isJsonObject } from '../../encoding';
import { parseAnySignatureInput, parseBundleJson, type Bundle } from '../../bundle';
import type { VerifyContext } from '../context';
import { resolvePublicKey, resolveThresholds, type VerifyRequest } from '../options';
import type { StepOutcome } from '../step-recorder';
import { withImageFromArtifact } from './signed-artifact';
import { entryStates } from './tlog';

// How the summary names an input that is not a Sigstore bundle.
const ORIGIN_NAMES: Partial<Record<Bundle['origin'], string>> = { 'cosign-legacy': 'Legacy cosign signature', 'rekor-entry': 'Rekor log entry (the signature it records)' };

// Parse the bundle, resolve the options, and describe what the bundle carries.
export function parseStep(ctx: VerifyContext): StepOutcome {
  ctx.thresholds = resolveThresholds(ctx.req.thresholds);
  const bundle = toBundle(ctx.req.bundle);
  ctx.bundle = bundle;
  ctx.req = withImageFromArtifact(ctx.req, bundle);
  ctx.entries = entryStates(bundle.tlogEntries);
  resolveGivenKey(ctx);
  return {
    summary: `${ORIGIN_NAMES[bundle.origin] ?? `Sigstore bundle v${bundle.version}`} with a ${bundle.content.kind === 'dsse' ? `DSSE envelope (${clip(bundle.content.payloadType)})` : 'message signature'}, ${describeMaterial(bundle)}, ${bundle.tlogEntries.length} log entr${bundle.tlogEntries.length === 1 ? 'y' : 'ies'} and ${bundle.rfc3161Timestamps.length} RFC 3161 timestamp${bundle.rfc3161Timestamps.length === 1 ? '' : 's'}.`,
    evidence: [
      { kind: 'text', label: 'media type', value: bundle.mediaType },
      { kind: 'text', label: 'content', value: bundle.content.kind === 'dsse' ? 'DSSE envelope' : 'message signature' },
      ...(bundle.content.kind === 'dsse' ? [{ kind: 'text' as const, label: 'payload type', value: bundle.content.payloadType }] : []),
      { kind: 'text', label: 'verification material', value: describeMaterial(bundle) },
    ],
  };
}

// With --key, the key the user gave is the one that must have signed; when it cannot be read the
// signature step reports why (cert.decode then leaves the signing key alone).
function resolveGivenKey(ctx: VerifyContext): void {
  if (ctx.req.policy.kind !== 'key') return;
  try {
    ctx.signingKey = resolvePublicKey(ctx.req.policy.publicKey);
    ctx.signingKeySource = 'the public key you gave';
  } catch (err) {
    ctx.givenKeyError = err;
  }
}

// Bundle or signature-dump text (one signature), parsed JSON, or an already-normalised Bundle.
function toBundle(input: VerifyRequest['bundle']): Bundle {
  if (typeof input === 'function') return input();
  if (typeof input === 'string') {
    const bundles = parseAnySignatureInput(input);
    if (bundles.length !== 1) {
      throw new VerifyError('COSIGN_FORMAT_INVALID', `the input holds ${bundles.length} signatures; verify them one at a time`, {
        where: 'input',
        expected: 'one signature',
        found: String(bundles.length),
      });
    }
    return bundles[0]!;
  }
  if (isJsonObject(input) && 'origin' in input && 'content' in input && 'material' in input) return input as unknown as Bundle;
  return parseBundleJson(input as Parameters<typeof parseBundleJson>[0]);
}

// How the bundle says who signed: a key (with its hint), one certificate, or a chain.
function describeMaterial(bundle: Bundle): string {
  const m = bundle.material;
  return m.kind === 'publicKey' ? `a public key${m.hint ? ` (hint ${clip(m.hint)})` : ''}` : m.form === 'certificate' ? 'a signing certificate' : `a chain of ${m.chain.length} certificate${m.chain.length === 1 ? '' : 's'}`;
}
