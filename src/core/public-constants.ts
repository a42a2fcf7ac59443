// The engine's small constant tables, importable by the page without pulling the engine into its first chunk.
export { LIMITS } from './limits';
export { STEP_IDS } from './verify/types';
export { WORKFLOW_CLAIMS, type WorkflowClaim } from './policy/workflow-claims';
export type { AdmissionRow, AdmissionStatus, AuthorityOutcome, NoMatchPolicy } from './policy/admission/types';
export { DEFAULT_THRESHOLDS, MAX_THRESHOLD, type Thresholds } from './verify/thresholds';
export { TUF_REPOSITORIES, type TufRepository } from './trust/tuf-repositories';
