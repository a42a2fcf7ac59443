// Sigstore bundle media types (protobuf-specs Bundle: both spellings in use today).
import type { BundleVersion } from './types';

const MEDIA_TYPES: Record<string, BundleVersion> = {
  'application/vnd.dev.sigstore.bundle+json;version=0.1': '0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2': '0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3': '0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json': '0.3',
};

export const KNOWN_BUNDLE_MEDIA_TYPES = Object.keys(MEDIA_TYPES);

// The bundle version a media type names, or undefined for an unknown one.
export function bundleVersionOf(mediaType: string): BundleVersion | undefined {
  return MEDIA_TYPES[mediaType];
}
