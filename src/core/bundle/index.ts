// Bundle parsing: every supported input format becomes a Bundle.
export * from './types';
export * from './media-type';
export * from './parse-bundle';
export { COSIGN_ANNOTATIONS, DSSE_LAYER_MEDIA_TYPE, SIMPLESIGNING_MEDIA_TYPE } from './cosign-parts';
export * from './cosign-legacy';
export * from './parse-signature-input';
export * from './simple-signing';
