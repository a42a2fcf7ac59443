// Trust material: the model, the trusted_root.json parser and the embedded public-good root.
export * from './types';
export * from './parse-trusted-root';
export * from './public-good';
export * from './tuf-repositories';
export * from './trust-diff';
export * from './tuf';
