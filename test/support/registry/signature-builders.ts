// Signature manifests as Sigstore and cosign store them next to an image, and the tags that find them.
import { buildManifest, describeBytes, jsonBytes, type BuiltManifest, type Bytes, type Descriptor } from './descriptor';
import { OCI_CONFIG, OCI_EMPTY, OCI_EMPTY_BYTES, OCI_INDEX, OCI_MANIFEST, SIGSTORE_BUNDLE_V03 } from './media-types';

// One layer of a cosign `.sig` or `.att` manifest: the payload blob and the annotations that carry its signature.
export interface CosignLayer {
  mediaType: string;
  bytes: Bytes;
  annotations: Record<string, string>;
}

// The annotations cosign writes on a bundle referrer holding a DSSE envelope.
export const DSSE_BUNDLE_ANNOTATIONS: Record<string, string> = {
  'dev.sigstore.bundle.content': 'dsse-envelope',
  'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
  'org.opencontainers.image.created': '2026-06-08T07:05:26Z',
};

// OCI distribution spec v1.1 "Referrers Tag Schema": `<alg>-<ref>` of the subject digest (sha256 needs no truncation).
export function referrersTagOf(subjectDigest: string): string {
  return subjectDigest.replace(':', '-');
}

// cosign's legacy tags next to the subject: `sha256-<hex>.sig` for signatures, `.att` for attestations.
export function cosignTagOf(subjectDigest: string, kind: 'sig' | 'att'): string {
  return `${referrersTagOf(subjectDigest)}.${kind}`;
}

// A Sigstore bundle as an OCI 1.1 artifact manifest (image spec manifest.md "artifactType", "subject"), shaped like cosign's.
export function buildBundleReferrer(subject: Descriptor, bundle: Bytes, annotations: Record<string, string> = DSSE_BUNDLE_ANNOTATIONS): BuiltManifest {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: describeBytes(OCI_EMPTY, OCI_EMPTY_BYTES, { artifactType: SIGSTORE_BUNDLE_V03 }),
    layers: [describeBytes(SIGSTORE_BUNDLE_V03, bundle)],
    annotations,
    subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
    artifactType: SIGSTORE_BUNDLE_V03,
  };
  return buildManifest(OCI_MANIFEST, manifest, [OCI_EMPTY_BYTES, bundle], [], { annotations, artifactType: SIGSTORE_BUNDLE_V03 });
}

// A cosign `.sig`/`.att` manifest: an OCI image manifest whose config is go-containerregistry's empty image plus the layers.
export function buildCosignManifest(layers: CosignLayer[]): BuiltManifest {
  const layerDescriptors = layers.map((layer) => describeBytes(layer.mediaType, layer.bytes, { annotations: layer.annotations }));
  const created = '0001-01-01T00:00:00Z';
  const config = jsonBytes({
    architecture: '',
    created,
    history: layers.map(() => ({ created })),
    os: '',
    rootfs: { type: 'layers', diff_ids: layerDescriptors.map((layer) => layer.digest) },
    config: {},
  });
  const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: describeBytes(OCI_CONFIG, config), layers: layerDescriptors };
  return buildManifest(OCI_MANIFEST, manifest, [config, ...layers.map((layer) => layer.bytes)]);
}

// The referrers tag's image index (distribution spec v1.1 "Referrers Tag Schema") with one more referrer, never twice.
export function addReferrer(index: { manifests: Descriptor[] } | undefined, referrer: Descriptor): BuiltManifest {
  const manifests = (index?.manifests ?? []).filter((entry) => entry.digest !== referrer.digest);
  return buildManifest(OCI_INDEX, { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...manifests, referrer] }, []);
}
