// The verification runner and its record.
export * from './types';
export * from './catalogue';
export * from './options';
export { verifyBundle, verdictOf, failedSentence, waivedSteps, ENGINE_VERSION } from './verify-bundle';
export { StepRecorder, type StepOutcome } from './step-recorder';
export { StepFailure } from './step-failure';
export { eachEntry } from './each-entry';
export { runPlan, waitsFor, type Catalogue, type Plan, type PlannedStep, type SkipRule, type StepCheck, type StepInfo } from './plan';
export { BUNDLE_PLAN } from './bundle-plan';
export { signedStatement, SIGNED_PREVIEW } from './signed-content';
export { certificateOf } from './result-certificate';
