// Test images and signature artifacts beyond the shared builders: referrers of any artifact type, bundle-like bytes.
import { buildManifest, describeBytes, jsonBytes, type BuiltManifest, type Bytes, type Descriptor, type Platform } from '../../support/registry/descriptor';
import { buildImage } from '../../support/registry/image-builders';
import { OCI_EMPTY, OCI_EMPTY_BYTES, OCI_MANIFEST } from '../../support/registry/media-types';

export const AMD64: Platform = { os: 'linux', architecture: 'amd64' };

// A one-layer image whose content (and so digest) depends on the label.
export function image(label: string, platform: Platform = AMD64): BuiltManifest {
  return buildImage(platform, new TextEncoder().encode(`layer of ${label}`));
}

// Bytes standing in for a signature blob; discovery moves bytes, it does not parse them.
export function blob(label: string): Bytes {
  return jsonBytes({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', label });
}

// An OCI 1.1 artifact manifest of the given artifact type, one layer, pointing at its subject.
export function buildReferrer(subject: Descriptor, artifactType: string, layer: { mediaType: string; bytes: Bytes }): BuiltManifest {
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: describeBytes(OCI_EMPTY, OCI_EMPTY_BYTES),
    layers: [describeBytes(layer.mediaType, layer.bytes)],
    subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
  };
  return buildManifest(OCI_MANIFEST, manifest, [OCI_EMPTY_BYTES, layer.bytes], [], { artifactType });
}
