// TUF metadata verification (TUF specification §5 client workflow), pure; fetching lives in src/audit.
export { tufCanonicalJson } from './canonical-json';
export { parseMetadata, type Envelope, type FileInfo, type Role, type RoleName, type Root, type Snapshot, type Targets, type Timestamp, type TufKey } from './metadata';
export { assertFileInfo, assertNotExpired, targetInfo, verifyNextRoot, verifySnapshot, verifyTargets, verifyThreshold, verifyTimestamp } from './verify-metadata';
