// The transparency log layer: entry bodies, signed entry timestamps, Merkle inclusion and signed checkpoints.
export { findTransparencyLog } from './find-log';
export { parseRekorBody, type RekorBody, type RekorKind, type LoggedDigest, type LoggedSignature, type LoggedVerifier } from './rekor-body';
export { verifyTlogBody, type SignerMaterial } from './verify-body';
export { verifySignedEntryTimestamp } from './set';
export { verifyInclusionProof, hashLeaf, hashLeafNow, hashChildren, auditPathSides, isRekorV2 } from './merkle';
export { verifyConsistencyProof, consistencyProofLength, type ConsistencyInput, type ConsistencyEvidence } from './consistency';
export * from './rekor-api';
export { parseCheckpoint, verifyCheckpoint, type Checkpoint, type CheckpointSignature } from './checkpoint';
export { verifyIntegratedTime } from './integrated-time';
export { logName } from './log-key';
export * from './tiles';
