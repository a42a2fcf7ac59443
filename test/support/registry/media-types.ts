// Media types and fixed blobs of the OCI image spec, cosign and Sigstore that the test registry pushes.

// OCI image spec v1.1, manifest.md: an image manifest.
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
// OCI image spec v1.1, image-index.md: an image index.
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
// OCI image spec v1.1, config.md: an image configuration.
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
// OCI image spec v1.1, layer.md: an uncompressed layer tar.
export const OCI_LAYER_TAR = 'application/vnd.oci.image.layer.v1.tar';
// OCI image spec v1.1, manifest.md "Guidance for an Empty Descriptor": the two bytes `{}`.
export const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
export const OCI_EMPTY_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
export const OCI_EMPTY_BYTES = new TextEncoder().encode('{}');

// Sigstore bundle v0.3 as an OCI 1.1 referrer (cosign `--new-bundle-format`).
export const SIGSTORE_BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
// A layer of a cosign `sha256-<hex>.sig` manifest: the simple-signing payload.
export const COSIGN_SIMPLESIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
// A layer of a cosign `sha256-<hex>.att` manifest: a DSSE envelope.
export const DSSE_ENVELOPE = 'application/vnd.dsse.envelope.v1+json';
