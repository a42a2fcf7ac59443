// Attestations: predicate types with cosign's `--type` names, and readers that turn predicates into bounded view models.
export * from './predicate-types';
export * from './view-model';
export { readAttestation, readSbomBlob, predicateTypeName } from './read-attestation';
export { effectiveLicense } from './sbom-summary';
export { VIEW_LIMITS } from './bounded';
export { SLSA_V02, SLSA_V1 } from './slsa-provenance';
export { signedPredicateBytes } from './predicate-bytes';
