// Encodings used across the engine.
export * from './bytes';
export * from './hex';
export * from './lazy';
export * from './base64';
export * from './pem';
export * from './json';
export * from './json-fields';
export * from './der';
export * from './dsse-pae';
export * from './quote';
