// Stable error codes and the error type every verifier throws; tests assert codes, never messages.

export const ERROR_CODES = [
  // input and encoding
  'INPUT_TOO_LARGE',
  'LIMIT_EXCEEDED',
  'JSON_INVALID',
  'BASE64_INVALID',
  'HEX_INVALID',
  'PEM_INVALID',
  'DER_INVALID',
  'UTF8_INVALID',
  'DIGEST_INVALID',
  // bundle
  'BUNDLE_MEDIA_TYPE_UNKNOWN',
  'BUNDLE_FIELD_MISSING',
  'BUNDLE_FIELD_INVALID',
  'BUNDLE_VERSION_REQUIREMENT',
  // artifact binding
  'ARTIFACT_MISSING',
  'ARTIFACT_DIGEST_MISMATCH',
  'ARTIFACT_NOT_IN_SUBJECTS',
  'STATEMENT_INVALID',
  'DSSE_INVALID',
  'DSSE_SIGNATURE_COUNT',
  // certificates
  'CERT_PARSE_FAILED',
  'CERT_KEY_USAGE',
  'CERT_EKU',
  'CERT_SAN_MISSING',
  'CERT_IS_CA',
  'CERT_EXTENSION_INVALID',
  'CHAIN_UNTRUSTED',
  'CHAIN_SIGNATURE_INVALID',
  'CHAIN_CA_NOT_VALID_AT_TIME',
  'CHAIN_CONTAINS_ROOT',
  'CERT_NOT_VALID_AT_TIME',
  // certificate transparency
  'SCT_MISSING',
  'SCT_MALFORMED',
  'SCT_LOG_UNKNOWN',
  'SCT_SIGNATURE_INVALID',
  'SCT_THRESHOLD',
  // signatures and keys
  'SIGNATURE_INVALID',
  'SIGNATURE_MALFORMED',
  'KEY_UNSUPPORTED',
  'KEY_INVALID',
  'KEY_MISSING',
  'KEY_MISMATCH',
  // transparency log
  'TLOG_ENTRY_MISSING',
  'TLOG_KIND_UNSUPPORTED',
  'TLOG_BODY_INVALID',
  'TLOG_BODY_MISMATCH',
  'TLOG_LOG_UNKNOWN',
  'TLOG_LOG_NOT_VALID_AT_TIME',
  'TLOG_SET_MISSING',
  'TLOG_SET_INVALID',
  'TLOG_INCLUSION_MISSING',
  'TLOG_INCLUSION_INVALID',
  'TLOG_INTEGRATED_TIME_FUTURE',
  'TLOG_THRESHOLD',
  'TLOG_DUPLICATE_ENTRY',
  // the live log (consistency, tiles, log API answers)
  'TLOG_CONSISTENCY_INVALID',
  'TLOG_FORKED',
  'TLOG_TILE_INVALID',
  'REKOR_RESPONSE_INVALID',
  'REKOR_ENTRY_MISMATCH',
  'REKOR_NOT_FOUND',
  'REKOR_REQUEST_FAILED',
  'REKOR_SEARCH_UNSUPPORTED',
  // checkpoints (signed notes)
  'CHECKPOINT_MISSING',
  'CHECKPOINT_MALFORMED',
  'CHECKPOINT_ORIGIN_MISMATCH',
  'CHECKPOINT_ROOT_MISMATCH',
  'CHECKPOINT_SIZE_MISMATCH',
  'CHECKPOINT_SIGNATURE_INVALID',
  'CHECKPOINT_NO_KNOWN_SIGNATURE',
  // RFC 3161 timestamps
  'TSA_PARSE_FAILED',
  'TSA_IMPRINT_MISMATCH',
  'TSA_UNTRUSTED',
  'TSA_SIGNATURE_INVALID',
  'TSA_NOT_VALID_AT_TIME',
  'TIMESTAMP_THRESHOLD',
  // policy
  'POLICY_INVALID',
  'POLICY_IDENTITY_MISMATCH',
  'POLICY_ISSUER_MISMATCH',
  'POLICY_CLAIM_MISMATCH',
  'POLICY_PREDICATE_MISMATCH',
  'POLICY_NOT_CHECKED',
  // admission policies (Kyverno, policy-controller) and the manifests they admit
  'YAML_INVALID',
  'ADMISSION_POLICY_INVALID',
  'MANIFEST_INVALID',
  // trust
  'TRUST_ROOT_INVALID',
  // TUF metadata (TUF specification §5 client workflow)
  'TUF_METADATA_INVALID',
  'TUF_SIGNATURE_THRESHOLD',
  'TUF_EXPIRED',
  'TUF_ROLLBACK',
  'TUF_VERSION_MISMATCH',
  'TUF_HASH_MISMATCH',
  'TUF_LENGTH_MISMATCH',
  'TUF_TARGET_MISSING',
  'TUF_REQUEST_FAILED',
  'TUF_ROOT_MISSING',
  // legacy cosign signatures and the image they name
  'COSIGN_FORMAT_INVALID',
  'IMAGE_BINDING_MISMATCH',
  // options
  'UNSAFE_OPTION',
  // a bug in Signet itself; reported, never hidden
  'INTERNAL',
] as const;

/** Codes other layers add (the registry client's OCI_*), by declaration merging: `interface ErrorCodeExtensions { OCI_NOT_FOUND: true }`. */
export interface ErrorCodeExtensions {}

export type ErrorCode = (typeof ERROR_CODES)[number] | keyof ErrorCodeExtensions;

// Where a failed check looked, and what it expected against what it found.
export interface ErrorDetail {
  expected?: string;
  found?: string;
  where?: string;
}

// Thrown by parseX/verifyX; carries a stable code plus the expected/found/where triple.
export class VerifyError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail;

  constructor(code: ErrorCode, message: string, detail: ErrorDetail = {}) {
    super(message);
    this.name = 'VerifyError';
    this.code = code;
    this.detail = detail;
  }
}

// Narrow an unknown thrown value; anything that is not a VerifyError becomes INTERNAL.
export function toVerifyError(err: unknown): VerifyError {
  if (err instanceof VerifyError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new VerifyError('INTERNAL', `unexpected error: ${message}`);
}

// Throw a VerifyError with a code unless the condition holds.
export function check(condition: unknown, code: ErrorCode, message: string, detail?: ErrorDetail): asserts condition {
  if (!condition) throw new VerifyError(code, message, detail);
}
