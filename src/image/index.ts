// Image verification: the registry client and the engine together.
export * from './types';
export { verifyImage, type VerifyImageRequest } from './verify-image';
