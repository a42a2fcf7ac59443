// What the user asks for, as form state, and how it becomes an engine request.
import type { VerificationPolicy, WorkflowClaim } from '../core';
import type { TrustedRootChoice } from './trusted-root-choice';

/** A file artifact may be chosen as the kind before the file itself is picked (file: null). */
export type ArtifactInputForm = { kind: 'none' } | { kind: 'file'; file: File | null } | { kind: 'digest'; text: string };
export type SignerMode = 'identity' | 'key' | 'inspect';
export type TrustForm = { kind: 'public-good' } | { kind: 'custom'; name: string; text: string };

export interface VerifyForm {
  /** What is verified: a pasted bundle or signature dump, or an image in a registry. */
  source: 'bundle' | 'image';
  imageRef: string;
  /** For a private registry; kept in memory only, never put in share links. */
  registryUsername: string;
  registryPassword: string;
  bundleText: string;
  bundleName: string;
  artifact: ArtifactInputForm;
  mode: SignerMode;
  identity: string;
  identityIsRegexp: boolean;
  issuer: string;
  issuerIsRegexp: boolean;
  claims: Partial<Record<WorkflowClaim, string>>;
  keyPem: string;
  predicateType: string;
  trust: TrustForm;
}

export const EMPTY_FORM: VerifyForm = {
  source: 'bundle',
  imageRef: '',
  registryUsername: '',
  registryPassword: '',
  bundleText: '',
  bundleName: '',
  artifact: { kind: 'none' },
  mode: 'identity',
  identity: '',
  identityIsRegexp: false,
  issuer: 'https://token.actions.githubusercontent.com',
  issuerIsRegexp: false,
  claims: {},
  keyPem: '',
  predicateType: '',
  trust: { kind: 'public-good' },
};

const DIGEST = /^sha256:[0-9a-f]{64}$/;

// Why the form cannot be submitted yet, or null when it can.
export function formProblem(form: VerifyForm): string | null {
  if (form.source === 'image' && !form.imageRef.trim()) return 'Type an image reference, e.g. ghcr.io/org/app:v1.';
  if (form.source === 'bundle' && !form.bundleText.trim()) return 'Paste a bundle, drop a file, or try the example.';
  if (form.source === 'bundle' && form.artifact.kind === 'file' && !form.artifact.file) return 'Choose the artifact file, or pick "Digest" or "None".';
  if (form.source === 'bundle' && form.artifact.kind === 'digest' && !DIGEST.test(form.artifact.text.trim().toLowerCase())) return 'The digest must look like sha256: followed by 64 hex digits.';
  if (form.mode === 'identity' && (!form.identity.trim() || !form.issuer.trim())) return 'Give the expected identity and OIDC issuer, or choose "inspect only".';
  if (form.mode === 'key' && !form.keyPem.includes('PUBLIC KEY')) return 'Paste the PEM public key (-----BEGIN PUBLIC KEY-----).';
  return null;
}

// The engine policy the form describes.
export function policyOf(form: VerifyForm): VerificationPolicy {
  const predicate = form.predicateType.trim() ? { predicateType: form.predicateType.trim() } : {};
  if (form.mode === 'key') return { kind: 'key', publicKey: form.keyPem, ...predicate };
  if (form.mode === 'inspect') return { kind: 'inspect', ...predicate };
  const claims = Object.fromEntries(Object.entries(form.claims).filter(([, v]) => v && v.trim())) as Partial<Record<WorkflowClaim, string>>;
  return {
    kind: 'identity',
    identity: {
      identity: form.identityIsRegexp ? { regexp: form.identity.trim() } : { exact: form.identity.trim() },
      issuer: form.issuerIsRegexp ? { regexp: form.issuer.trim() } : { exact: form.issuer.trim() },
      claims,
    },
    ...predicate,
  };
}

// The trusted root the form chose, as worker requests name it (null: the embedded public-good root).
export function trustChoiceOf(form: VerifyForm): TrustedRootChoice {
  return form.trust.kind === 'custom' ? { name: form.trust.name, text: form.trust.text } : null;
}

// One line saying what policy was applied, for reports.
export function describePolicy(form: VerifyForm): string {
  if (form.mode === 'key') return 'signed by the given public key';
  if (form.mode === 'inspect') return 'inspect only: identity not checked';
  const id = form.identityIsRegexp ? `identity matching /^(?:${form.identity})$/` : `identity ${form.identity}`;
  const iss = form.issuerIsRegexp ? `issuer matching /^(?:${form.issuer})$/` : `issuer ${form.issuer}`;
  return `${id}, ${iss}`;
}
