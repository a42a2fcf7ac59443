// Public surface of the in-memory Sigstore instance used by tests.
export { createTestInstance } from './instance.ts';
export type {
  CertificateAuthorityJson,
  DsseSignOptions,
  InstanceOptions,
  Material,
  SignOptions,
  SignResult,
  TestInstance,
  TransparencyLogInstanceJson,
  TrustedRootJson,
} from './instance.ts';
export { FAULT_NAMES, type FaultName, type Faults } from './faults.ts';
export { DEFAULT_IDENTITY, githubWorkflowIdentity, type FulcioClaims, type GithubWorkflow, type SigningIdentity } from './fulcio-extensions.ts';
export { inTotoStatement, pae, IN_TOTO_PAYLOAD_TYPE, type DsseEnvelopeJson, type StatementSubject } from './dsse.ts';
export { generateKey, type KeyAlgorithm, type TestKey } from './keys.ts';
export { bundleMediaType, type BundleJson, type BundleVersion } from './bundle-json.ts';
export type { TlogEntryJson, InclusionProofJson } from './transparency-log.ts';
export {
  ANNOTATIONS as COSIGN_ANNOTATIONS,
  attestImageLayer,
  downloadSignatureLine,
  signBlobBundle,
  signImageLayer,
  simpleSigningPayload,
  type CosignLayerJson,
  type ImageName,
  type LegacySignature,
  type LegacySignOptions,
} from './cosign-legacy.ts';
