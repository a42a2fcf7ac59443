// Caps on everything a registry sends: manifests, lists, pages, blobs and headers are all hostile input.
import { LIMITS } from '../core/limits';

export const OCI_LIMITS = {
  /** One manifest or index (OCI distribution spec v1.1: registries accept manifests of at least 4 MiB). */
  manifestBytes: 4 * 1024 * 1024,
  /** Descriptors in one manifest's layers or one index's manifests. */
  descriptors: 1024,
  /** Annotations on one descriptor or manifest. */
  annotations: 256,
  /** Pages of referrers followed through `Link: rel="next"`. */
  referrerPages: 16,
  /** Signature manifests read for one image, per source. */
  signatureManifests: 64,
  /** A Sigstore bundle or DSSE envelope blob. */
  bundleBytes: LIMITS.bundleBytes,
  /** A cosign simple-signing payload blob. */
  payloadBytes: LIMITS.dssePayloadBytes,
  /** A token endpoint's answer. */
  tokenResponseBytes: 256 * 1024,
  /** An error body read only to quote the registry's message. */
  errorBodyBytes: 64 * 1024,
  /** A WWW-Authenticate or Link header. */
  headerChars: 8 * 1024,
} as const;
