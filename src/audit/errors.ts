// The audit layer's own error codes (witness cosignatures); they extend the engine's code union.
export const AUDIT_ERROR_CODES = ['WITNESS_KEY_INVALID', 'WITNESS_SIGNATURE_INVALID', 'WITNESS_THRESHOLD'] as const;
export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

declare module '../core/errors' {
  interface ErrorCodeExtensions extends Record<AuditErrorCode, true> {}
}
