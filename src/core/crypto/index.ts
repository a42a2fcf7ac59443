// The only door to cryptography in the engine: WebCrypto, plus @noble/curves for digest-only ECDSA.
export * from './digest';
export * from './keys';
export * from './signature';
