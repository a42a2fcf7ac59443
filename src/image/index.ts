// Image verification: the registry client and the engine together.
export * from './types';
export { verifyDiscoveredSignature, verifyImage, type VerifyImageRequest } from './verify-image';
export * from './admission';
