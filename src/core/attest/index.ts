// Attestations: predicate types with cosign's `--type` names, and readers that turn predicates into bounded view models.
export * from './predicate-types';
