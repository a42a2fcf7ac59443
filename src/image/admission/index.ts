// Admission dry-run over real registries: the orchestration around the engine's pure policy evaluation.
export { runAdmission, type AdmissionReport, type AdmissionRequest, type AdmissionTimeline, type ContainerDecision } from './run-admission';
