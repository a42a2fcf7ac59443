// Signet's verification engine: bytes in, VerificationResult out. Pure and isomorphic.
export * from './errors';
export * from './limits';
export * from './encoding';
export * from './verify';
export * from './bundle';
export * from './trust';
export * from './policy';
export * from './dsse';
export * from './attest';
export { parseCertificate, oidcIssuer, FULCIO_EXTENSIONS, type Certificate, type FulcioClaims } from './x509';
export { sha256, digest, createIncrementalDigest, parseDigestLabel, type HashAlg } from './crypto';
export * from './views';
