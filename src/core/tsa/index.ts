// RFC 3161 timestamp tokens: parsing and verification against the trusted root's timestamp authorities.
export { parseTimestampToken } from './parse-timestamp';
export { verifyTimestamp } from './verify-timestamp';
export type { Accuracy, SignerIdentifier, SignerInfo, SigningCertificateRef, TimestampResult, TimestampToken, TstInfo } from './types';
