// Admission dry-run: Kyverno and policy-controller image policies evaluated over Signet's verification results.
export * from './types';
export { evaluateAdmission, overallStatus, parseAdmissionPolicies, type AdmissionContext, type AdmissionPolicies } from './evaluate-admission';
export { containersOfImages, parseManifest, type ManifestContainers } from './manifest';
export { parseYamlDocuments } from './safe-yaml';
export { containerRegistryName, kyvernoImageName, splitImageName, type ImageName } from './image-name';
export { wildcardMatch } from './wildcard';
export { compileGlob } from './glob';
