// The registry client's error codes: image references, manifests and signature discovery. They extend
// the engine's code union, so a registry failure is a step like any other.
export const OCI_ERROR_CODES = ['OCI_REFERENCE_INVALID', 'OCI_REQUEST_FAILED', 'OCI_AUTH_FAILED', 'OCI_NOT_FOUND', 'OCI_MANIFEST_INVALID', 'OCI_DIGEST_MISMATCH', 'OCI_NO_SIGNATURES'] as const;
export type OciErrorCode = (typeof OCI_ERROR_CODES)[number];

declare module '../core/errors' {
  interface ErrorCodeExtensions extends Record<OciErrorCode, true> {}
}
