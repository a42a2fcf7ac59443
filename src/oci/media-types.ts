// Media types of manifests, indexes and the signature artifacts Signet reads from registries.

export const MEDIA_TYPES = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
  dsseEnvelope: 'application/vnd.dsse.envelope.v1+json',
} as const;

// Every manifest kind Signet accepts, as sent in the Accept header of a manifest GET.
export const MANIFEST_ACCEPT = [MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerManifest, MEDIA_TYPES.dockerManifestList].join(', ');

// Whether a manifest media type is a list of manifests (OCI image index or Docker manifest list).
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}

// Whether a manifest media type is one Signet can read at all.
export function isManifestMediaType(mediaType: string): boolean {
  return isIndexMediaType(mediaType) || mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}

// Sigstore bundle media types: `application/vnd.dev.sigstore.bundle.v0.3+json` and the older
// `application/vnd.dev.sigstore.bundle+json;version=0.x` spelling (Sigstore bundle spec).
export function isSigstoreBundleMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  return /^application\/vnd\.dev\.sigstore\.bundle(\.v0\.[0-9]+\+json|\+json; ?version=0\.[0-9]+)$/.test(mediaType);
}

// The media type of a Content-Type header value, without parameters, lower-cased.
export function mediaTypeOf(contentType: string | null): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}
