// Signature and attestation discovery: every place Sigstore and cosign store them for an image digest —
// OCI 1.1 referrers (API, else tag schema) holding Sigstore bundles (cosign v3, GitHub's actions/attest),
// cosign's legacy `sha256-<hex>.sig` / `.att` tags, and the `.sbom` tag `cosign attach sbom` writes —
// each blob fetched within a cap and checked against its digest.
import { toVerifyError, VerifyError, type ErrorCode } from '../core/errors';
import type { AuthorizedGet, RepositoryScope } from './auth';
import type { ContentReader, FetchedManifest } from './content';
import { isSha256Digest } from './digest';
import { OCI_LIMITS } from './limits';
import type { Descriptor, ImageManifest } from './manifest';
import { isSigstoreBundleMediaType, MEDIA_TYPES } from './media-types';
import { referrersFromApi, referrersFromTag } from './referrers';

export type SignatureSource = 'referrers-api' | 'referrers-tag' | 'cosign-sig-tag' | 'cosign-att-tag' | 'cosign-sbom-tag';
export type SignatureFormat = 'sigstore-bundle' | 'cosign-simplesigning' | 'cosign-dsse';

export interface DiscoveredSignature {
  source: SignatureSource;
  /** Where it was found, for people: "referrers API: manifest sha256:…, layer 0", "tag sha256-….sig, layer 2". */
  where: string;
  format: SignatureFormat;
  manifestDigest: string;
  layer: Omit<Descriptor, 'artifactType' | 'platform'> & { bytes: Uint8Array };
  /** What the storage says the predicate type is (referrer annotation dev.sigstore.bundle.predicateType, or the
   *  `.att` layer's predicateType annotation): a hint for listings, never trusted — the signed statement decides. */
  predicateTypeHint?: string;
  /** dev.sigstore.bundle.content: 'dsse-envelope' or 'message-signature'. */
  contentHint?: string;
}

/** An SBOM attached with `cosign attach sbom` (tag `sha256-<hex>.sbom`): stored, not signed by itself. */
export interface AttachedSbom {
  source: 'cosign-sbom-tag';
  where: string;
  manifestDigest: string;
  layer: Omit<Descriptor, 'artifactType' | 'platform'>;
}

/** A referrer as the referrers list names it, whatever its kind (shown by `signet tree`). */
export interface ListedReferrer {
  digest: string;
  artifactType?: string;
  mediaType: string;
  size: number;
  annotations: Record<string, string>;
  source: 'referrers-api' | 'referrers-tag';
}

/** What one place held: 'found N', 'none', 'not supported by this registry', or 'error: …' with its code. */
export interface SearchRecord {
  source: SignatureSource;
  where: string;
  outcome: string;
  code?: ErrorCode;
}

export interface SignatureDiscovery {
  signatures: DiscoveredSignature[];
  /** SBOMs attached next to the image (unsigned unless signed separately). */
  sboms: AttachedSbom[];
  /** Every referrer listed, Sigstore bundle or not. */
  referrers: ListedReferrer[];
  /** Every place looked at, so "no signatures found" reads apart from "signatures found, none matched". */
  searched: SearchRecord[];
}

export interface DiscoveryOptions {
  /** Ask the referrers API for this artifact type only (OCI distribution spec v1.1 `?artifactType=`). */
  artifactType?: string;
}

/** One unit of reading: a referrer manifest or a legacy tag's layer. */
interface Job {
  where: string;
  run: () => Promise<DiscoveredSignature[]>;
}

const LEGACY_TAGS = {
  'cosign-sig-tag': { suffix: 'sig', layerType: MEDIA_TYPES.cosignSimpleSigning, format: 'cosign-simplesigning', maxBytes: OCI_LIMITS.payloadBytes },
  'cosign-att-tag': { suffix: 'att', layerType: MEDIA_TYPES.dsseEnvelope, format: 'cosign-dsse', maxBytes: OCI_LIMITS.bundleBytes },
} as const;

// Find every signature of the manifest `digest` in the target repository, and record where it looked.
export async function discoverSignatures(get: AuthorizedGet, reader: ContentReader, target: RepositoryScope, digest: string, options: DiscoveryOptions = {}): Promise<SignatureDiscovery> {
  if (!isSha256Digest(digest)) throw new VerifyError('OCI_REFERENCE_INVALID', `"${digest.slice(0, 100)}" is not a sha256 digest`, { where: 'signature discovery', found: digest.slice(0, 300) });
  const parts = await Promise.all([
    fromReferrers(get, reader, target, digest, options),
    fromLegacyTag(reader, target, digest, 'cosign-sig-tag'),
    fromLegacyTag(reader, target, digest, 'cosign-att-tag'),
    fromSbomTag(reader, target, digest),
  ]);
  return merge(parts);
}

// One discovery out of the parts each place contributed.
function merge(parts: SignatureDiscovery[]): SignatureDiscovery {
  return {
    signatures: parts.flatMap((p) => p.signatures),
    sboms: parts.flatMap((p) => p.sboms),
    referrers: parts.flatMap((p) => p.referrers),
    searched: parts.flatMap((p) => p.searched),
  };
}

// A discovery holding only search records (and, optionally, what else it found).
function found(searched: SearchRecord[], more: Partial<SignatureDiscovery> = {}): SignatureDiscovery {
  return { signatures: [], sboms: [], referrers: [], ...more, searched };
}

// The referrers tag schema's `<alg>-<ref>` (no truncation needed for sha256), which cosign's tags extend.
function tagOf(digest: string): string {
  return digest.replace(':', '-');
}

// Sigstore bundles among the referrers: from the API, or from the referrers tag when the API is absent.
async function fromReferrers(get: AuthorizedGet, reader: ContentReader, target: RepositoryScope, digest: string, options: DiscoveryOptions): Promise<SignatureDiscovery> {
  const apiWhere = 'referrers API';
  let listed: Descriptor[] | undefined;
  try {
    listed = await referrersFromApi(get, reader, target, digest, options.artifactType);
  } catch (err) {
    return failed('referrers-api', apiWhere, err);
  }
  if (listed !== undefined) return readBundles(reader, target, digest, 'referrers-api', apiWhere, listed);

  const unsupported: SearchRecord = { source: 'referrers-api', where: apiWhere, outcome: 'not supported by this registry' };
  const tag = tagOf(digest);
  let tagged: Descriptor[];
  try {
    tagged = await referrersFromTag(reader, target, tag, options.artifactType);
  } catch (err) {
    return found([unsupported, ...failed('referrers-tag', `referrers tag ${tag}`, err).searched]);
  }
  const bundles = await readBundles(reader, target, digest, 'referrers-tag', `referrers tag ${tag}`, tagged);
  return { ...bundles, searched: [unsupported, ...bundles.searched] };
}

// The annotations that describe a Sigstore bundle referrer (cosign v3 and actions/attest write them on the manifest).
const BUNDLE_ANNOTATIONS = { content: 'dev.sigstore.bundle.content', predicateType: 'dev.sigstore.bundle.predicateType' } as const;

// The hints a referrer's annotations give: from the referrers list entry, else the manifest itself.
function bundleHints(listed: Record<string, string>, manifest: Record<string, string>): Pick<DiscoveredSignature, 'predicateTypeHint' | 'contentHint'> {
  const pick = (key: string) => listed[key] ?? manifest[key];
  const predicateTypeHint = pick(BUNDLE_ANNOTATIONS.predicateType);
  const contentHint = pick(BUNDLE_ANNOTATIONS.content);
  return { ...(predicateTypeHint ? { predicateTypeHint } : {}), ...(contentHint ? { contentHint } : {}) };
}

// Read the Sigstore-bundle referrers: each manifest by digest, its subject checked, its bundle layers fetched.
async function readBundles(reader: ContentReader, target: RepositoryScope, subject: string, source: SignatureSource, label: string, referrers: Descriptor[]): Promise<SignatureDiscovery> {
  const listed: ListedReferrer[] = referrers.slice(0, OCI_LIMITS.descriptors).map((d) => ({
    digest: d.digest,
    mediaType: d.mediaType,
    size: d.size,
    annotations: d.annotations,
    source: source === 'referrers-api' ? 'referrers-api' : 'referrers-tag',
    ...(d.artifactType ? { artifactType: d.artifactType } : {}),
  }));
  const bundles = referrers.filter((d) => isSigstoreBundleMediaType(d.artifactType));
  if (bundles.length > OCI_LIMITS.signatureManifests) {
    return { ...failed(source, label, new VerifyError('LIMIT_EXCEEDED', `${label}: ${bundles.length} Sigstore bundles, over the limit of ${OCI_LIMITS.signatureManifests}`, { where: label })), referrers: listed };
  }
  const jobs = bundles.map((descriptor): Job => {
    const where = `${label}: manifest ${descriptor.digest}`;
    return { where, run: () => readBundleReferrer(reader, target, subject, descriptor, { source, where }) };
  });
  return { ...(await settle(source, label, jobs)), referrers: listed };
}

// One bundle referrer: the manifest (digest, size, kind and subject checked), then every bundle layer.
async function readBundleReferrer(reader: ContentReader, target: RepositoryScope, subject: string, descriptor: Descriptor, found: Pick<DiscoveredSignature, 'source' | 'where'>): Promise<DiscoveredSignature[]> {
  const { where } = found;
  const fetched = await reader.fetchManifest(target, descriptor.digest);
  const { manifest } = fetched;
  if (fetched.bytes.length !== descriptor.size) {
    throw new VerifyError('OCI_DIGEST_MISMATCH', `${where} is ${fetched.bytes.length} bytes, but the referrers list says ${descriptor.size}`, { where, expected: String(descriptor.size), found: String(fetched.bytes.length) });
  }
  if (manifest.kind !== 'manifest') throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: a Sigstore bundle artifact must be an image manifest, not ${manifest.mediaType}`, { where });
  if (manifest.subject?.digest !== subject) {
    throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: its subject is ${manifest.subject?.digest ?? 'missing'}, not ${subject}`, { where, expected: subject, found: manifest.subject?.digest });
  }
  const layers = numberedLayers(manifest, isSigstoreBundleMediaType);
  if (layers.length === 0) throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: no layer holds a Sigstore bundle`, { where });
  const hints = bundleHints(descriptor.annotations, manifest.annotations);
  return Promise.all(
    layers.map(({ layer, i }) => readLayer(reader, target, layer, { ...found, ...hints, where: `${where}, layer ${i}`, format: 'sigstore-bundle', manifestDigest: fetched.digest }, OCI_LIMITS.bundleBytes)),
  );
}

// cosign's legacy tags: `.sig` layers are simple-signing payloads, `.att` layers DSSE envelopes; signature,
// certificate, chain, bundle and RFC 3161 timestamp ride in each layer's dev.cosignproject.cosign / dev.sigstore.cosign annotations.
async function fromLegacyTag(reader: ContentReader, target: RepositoryScope, digest: string, source: keyof typeof LEGACY_TAGS): Promise<SignatureDiscovery> {
  const { suffix, layerType, format, maxBytes } = LEGACY_TAGS[source];
  const tag = `${tagOf(digest)}.${suffix}`;
  const label = `tag ${tag}`;
  let fetched: FetchedManifest;
  try {
    fetched = await reader.fetchManifest(target, tag);
    if (fetched.manifest.kind !== 'manifest') throw new VerifyError('OCI_MANIFEST_INVALID', `${label}: expected an image manifest, found ${fetched.mediaType}`, { where: label });
  } catch (err) {
    if (err instanceof VerifyError && err.code === 'OCI_NOT_FOUND') return found([{ source, where: label, outcome: 'none' }]);
    return failed(source, label, err);
  }
  const manifestDigest = fetched.digest;
  const layers = numberedLayers(fetched.manifest, (mediaType) => mediaType === layerType);
  if (layers.length > OCI_LIMITS.signatureManifests) {
    return failed(source, label, new VerifyError('LIMIT_EXCEEDED', `${label}: ${layers.length} signature layers, over the limit of ${OCI_LIMITS.signatureManifests}`, { where: label }));
  }
  const jobs = layers.map(({ layer, i }): Job => {
    const where = `${label}, layer ${i}`;
    // cosign attest writes the statement's predicate type on each `.att` layer as annotation `predicateType`.
    const hint = layer.annotations.predicateType;
    return { where, run: async () => [await readLayer(reader, target, layer, { source, where, format, manifestDigest, ...(hint ? { predicateTypeHint: hint } : {}) }, maxBytes)] };
  });
  return settle(source, label, jobs);
}

// `cosign attach sbom` stores the SBOM as the single layer of an image tagged `sha256-<hex>.sbom`
// (media types text/spdx, text/spdx+json, application/vnd.cyclonedx+json, application/vnd.syft+json…).
async function fromSbomTag(reader: ContentReader, target: RepositoryScope, digest: string): Promise<SignatureDiscovery> {
  const source = 'cosign-sbom-tag';
  const label = `tag ${tagOf(digest)}.sbom`;
  try {
    const fetched = await reader.fetchManifest(target, `${tagOf(digest)}.sbom`);
    if (fetched.manifest.kind !== 'manifest') throw new VerifyError('OCI_MANIFEST_INVALID', `${label}: expected an image manifest, found ${fetched.mediaType}`, { where: label });
    const sboms = fetched.manifest.layers.slice(0, OCI_LIMITS.signatureManifests).map((layer, i): AttachedSbom => ({
      source,
      where: `${label}, layer ${i}`,
      manifestDigest: fetched.digest,
      layer: { mediaType: layer.mediaType, digest: layer.digest, size: layer.size, annotations: layer.annotations },
    }));
    return found([{ source, where: label, outcome: sboms.length > 0 ? `found ${sboms.length}` : 'none' }], { sboms });
  } catch (err) {
    if (err instanceof VerifyError && err.code === 'OCI_NOT_FOUND') return found([{ source, where: label, outcome: 'none' }]);
    return failed(source, label, err);
  }
}

// The layers of the wanted media types, with their positions in the manifest.
function numberedLayers(manifest: ImageManifest, wanted: (mediaType: string) => boolean): { layer: Descriptor; i: number }[] {
  return manifest.layers.map((layer, i) => ({ layer, i })).filter(({ layer }) => wanted(layer.mediaType));
}

// Fetch one signature layer's blob and describe it.
async function readLayer(reader: ContentReader, target: RepositoryScope, layer: Descriptor, found: Omit<DiscoveredSignature, 'layer'>, maxBytes: number): Promise<DiscoveredSignature> {
  const bytes = await reader.fetchBlob(target, layer, maxBytes);
  return { ...found, layer: { mediaType: layer.mediaType, digest: layer.digest, size: layer.size, annotations: layer.annotations, bytes } };
}

// Run jobs side by side; keep each one's signatures, or its error as a record; then say what the place held.
async function settle(source: SignatureSource, label: string, jobs: Job[]): Promise<SignatureDiscovery> {
  const results = await Promise.allSettled(jobs.map((job) => job.run()));
  const signatures = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const errors = results.flatMap((r, i) => (r.status === 'rejected' ? failed(source, jobs[i]!.where, r.reason).searched : []));
  const summary: SearchRecord[] = signatures.length > 0 ? [{ source, where: label, outcome: `found ${signatures.length}` }] : errors.length === 0 ? [{ source, where: label, outcome: 'none' }] : [];
  return found([...summary, ...errors], { signatures });
}

// A place that could not be read: its error as a search record.
function failed(source: SignatureSource, where: string, err: unknown): SignatureDiscovery {
  const error = toVerifyError(err);
  return found([{ source, where, outcome: `error: ${error.message}`, code: error.code }]);
}
