// Registry access for Signet: image references, auth challenges, manifests and signature discovery.
export * from './errors';
export { parseImageReference, registryApiBase, isLoopbackRegistry, type ImageReference } from './reference';
export { parseAuthChallenges, type AuthChallenge } from './auth-challenge';
export { createRegistryClient, type RegistryClient, type RegistryClientOptions, type ResolvedImage } from './registry-client';
export type { Credentials, RepositoryScope } from './auth';
export type { BlobProgress, FetchedManifest } from './content';
export type { FetchFunction, FetchInit } from './http';
export { readBody } from './http';
export { parseManifest, type Descriptor, type ImageIndex, type ImageManifest, type Manifest, type Platform } from './manifest';
export { MEDIA_TYPES, isSigstoreBundleMediaType } from './media-types';
export { OCI_LIMITS } from './limits';
export type { AttachedSbom, DiscoveredSignature, DiscoveryOptions, ListedReferrer, SearchRecord, SignatureDiscovery, SignatureFormat, SignatureSource } from './signatures';
