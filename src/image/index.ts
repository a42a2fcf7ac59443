// Image verification: the registry client and the engine together.
export * from './catalogue';
export * from './types';
export { verifyDiscoveredSignature, verifyImage, type VerifyImageRequest } from './verify-image';
export { verifyImages, type ImageOutcome, type VerifyManyRequest } from './verify-many';
export { attestationVerdict, claimedPredicateType } from './attestations';
export * from './admission';
