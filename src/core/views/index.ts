// The views the engine decodes for the app: certificates field by field, checkpoints split into their parts.
export { resultViews } from './result-views';
export { certificateView, colonHex } from './certificate-view';
export { checkpointView, type CheckpointInput } from './checkpoint-view';
export type * from './view-model';
