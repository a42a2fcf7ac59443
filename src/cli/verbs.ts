// The verbs of the `signet` command, in the order `signet --help` lists them. A new verb is one module and one line here.
// Each verb's module is imported only when that verb runs (or for `signet --help`), so a start-up parses one verb's code.
import type { Verb } from './verb';

/** A verb as the registry knows it before its module is loaded: the name it is called by, and its module. */
export interface VerbEntry {
  name: string;
  load(): Promise<Verb>;
}

export const VERBS: readonly VerbEntry[] = [
  { name: 'verify', load: async () => (await import('./verify-image-command')).verifyImageVerb },
  { name: 'verify-attestation', load: async () => (await import('./verify-attestation-command')).verifyAttestationVerb },
  { name: 'verify-blob', load: async () => (await import('./verify-blob-command')).verifyBlobVerb },
  { name: 'verify-blob-attestation', load: async () => (await import('./verify-blob-attestation-command')).verifyBlobAttestationVerb },
  { name: 'verify-bundle', load: async () => (await import('./verify-bundle-command')).verifyBundleVerb },
  { name: 'tree', load: async () => (await import('./tree-command')).treeVerb },
  { name: 'download', load: async () => (await import('./download-command')).downloadVerb },
  { name: 'policy', load: async () => (await import('./policy-check-command')).policyCheckVerb },
  { name: 'rekor', load: async () => (await import('./rekor-command')).rekorVerb },
  { name: 'trusted-root', load: async () => (await import('./trusted-root-command')).trustedRootVerb },
  { name: 'conformance', load: async () => (await import('./conformance-command')).conformanceVerb },
];

// Every verb's declaration, in registry order (for `signet --help`).
export function loadAllVerbs(): Promise<Verb[]> {
  return Promise.all(VERBS.map((v) => v.load()));
}
