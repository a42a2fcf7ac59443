// The verification runner and its record.
export * from './types';
export * from './catalogue';
export * from './options';
export { verifyBundle, verdictOf, ENGINE_VERSION } from './verify-bundle';
export { StepRecorder, rethrowWithEvidence, type StepOutcome } from './step-recorder';
