// Tiny OCI images and multi-platform indexes to push into a test registry.
import { buildManifest, describeBytes, jsonBytes, type BuiltManifest, type Bytes, type Platform } from './descriptor';
import { OCI_CONFIG, OCI_INDEX, OCI_LAYER_TAR, OCI_MANIFEST } from './media-types';

// One single-layer image: OCI image spec v1.1 config.md (os, architecture, rootfs.diff_ids) and manifest.md.
export function buildImage(platform: Platform, layer: Bytes): BuiltManifest {
  const layerDescriptor = describeBytes(OCI_LAYER_TAR, layer);
  const config = jsonBytes({ ...platform, rootfs: { type: 'layers', diff_ids: [layerDescriptor.digest] }, config: {} });
  const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, config: describeBytes(OCI_CONFIG, config), layers: [layerDescriptor] };
  return buildManifest(OCI_MANIFEST, manifest, [config, layer], [], { platform });
}

// A multi-platform index of images (OCI image spec v1.1 image-index.md); each entry keeps its image's platform.
export function buildIndex(images: BuiltManifest[]): BuiltManifest {
  const manifest = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: images.map((image) => image.descriptor) };
  return buildManifest(OCI_INDEX, manifest, [], images);
}
