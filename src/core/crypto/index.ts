// The only door to cryptography in the engine: WebCrypto, plus @noble/curves for digest-only ECDSA and
// @noble/hashes for small hashes (Merkle nodes, checkpoints, PAE) and incremental hashing of large artifacts.
export * from './digest';
export * from './digest-label';
export * from './keys';
export * from './signature';
export * from './incremental-digest';
