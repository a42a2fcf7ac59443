// Live audit: what the transparency logs and the TUF repository say today, through an injected fetch.
export * from './http';
export * from './live-log';
export * from './rekor-v1';
export * from './live-check';
export { tilesLiveLog, tilesPrefix, type TilesLiveOptions, type TilesDrawing } from './tiles-live';
export { checkLogEntry } from './entry-record';
export * from './catalogue';
export * from './tuf-refresh';
export * from './tuf-presets';
export { parseWitnessKey, witnessPolicy, verifyCosignatures, type WitnessKey, type WitnessPolicy, type Cosigned } from './witness';
export { AUDIT_ERROR_CODES, type AuditErrorCode } from './errors';
export { auditLogEntry, type EntryAuditOptions } from './entry-audit';
export { describeEntryBody, type EntryBodyField, type EntryBodyView } from './entry-body';
export { bundleOfEntry } from './entry-bundle';
