// What the user asks for, as form state, and how it becomes an engine request.
import { parseDigestLabel } from '../core/crypto/digest-label';
import { DEFAULT_THRESHOLDS, MAX_THRESHOLD } from '../core/public-constants';
import type { Thresholds, VerificationPolicy, WorkflowClaim } from '../core';
import type { TrustedRootChoice } from './trusted-root-choice';

/** A file artifact may be chosen as the kind before the file itself is picked (file: null). */
export type ArtifactInputForm = { kind: 'none' } | { kind: 'file'; file: File | null } | { kind: 'digest'; text: string };
export type SignerMode = 'identity' | 'key' | 'inspect';
export type TrustForm = { kind: 'public-good' } | { kind: 'custom'; name: string; text: string };

/** The evidence counts the verifier requires, as cosign's and sigstore-go's flags set them; a 0 waives that check
 *  (shown as a warn step). */
export interface WeakeningForm {
  /** Distinct verified transparency-log entries (--tlog-threshold; 0 is --insecure-ignore-tlog). */
  tlog: number;
  /** Verified SCTs from distinct CT logs (--ctlog-threshold; 0 is --insecure-ignore-sct). */
  sct: number;
  /** Distinct verified times, log integration or RFC 3161 (--timestamp-threshold). */
  timestamps: number;
  /** --use-signed-timestamps: at least one verified RFC 3161 timestamp is required. */
  useSignedTimestamps: boolean;
}

/** What the worker hands the engine besides the policy and the trusted root. */
export interface VerifierOptions {
  thresholds: Partial<Thresholds>;
  useSignedTimestamps: boolean;
}

/** What every verifying request carries from the Trust choices: the trusted root and the verifier options. */
export interface VerifierChoices {
  trustedRoot: TrustedRootChoice;
  options: VerifierOptions;
}

export const DEFAULT_WEAKENING: WeakeningForm = { ...DEFAULT_THRESHOLDS, useSignedTimestamps: false };

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
  weakening: WeakeningForm;
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
  weakening: DEFAULT_WEAKENING,
};

const THRESHOLD_NAMES = ['tlog', 'sct', 'timestamps'] as const;

// Why the form cannot be submitted yet, or null when it can.
export function formProblem(form: VerifyForm): string | null {
  if (form.source === 'image' && !form.imageRef.trim()) return 'Type an image reference, e.g. ghcr.io/org/app:v1.';
  if (form.source === 'bundle' && !form.bundleText.trim()) return 'Paste a bundle, drop a file, or try the example.';
  if (form.source === 'bundle' && form.artifact.kind === 'file' && !form.artifact.file) return 'Choose the artifact file, or pick "Digest" or "None".';
  if (form.source === 'bundle' && form.artifact.kind === 'digest' && !parseDigestLabel(form.artifact.text.trim())) return 'The digest must be sha256: and 64 hex digits, sha384: and 96, or sha512: and 128.';
  if (form.mode === 'identity' && (!form.identity.trim() || !form.issuer.trim())) return 'Give the expected identity and OIDC issuer, or choose "inspect only".';
  if (form.mode === 'key' && !form.keyPem.includes('PUBLIC KEY')) return 'Paste the PEM public key (-----BEGIN PUBLIC KEY-----).';
  return weakeningProblem(form.weakening);
}

// Why the verifier options cannot be used, or null when every count is one the engine accepts.
export function weakeningProblem(weakening: WeakeningForm): string | null {
  return THRESHOLD_NAMES.some((n) => !isThreshold(weakening[n])) ? `Each count under Trust is a whole number from 0 to ${MAX_THRESHOLD}.` : null;
}

// A count the engine accepts: a whole number from 0 to MAX_THRESHOLD.
export function isThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_THRESHOLD;
}

// The engine's verifier options a form asks for (the Verify or the Policy mode's): only the thresholds that differ
// from the defaults.
export function verifierOptionsOf({ weakening }: { weakening: WeakeningForm }): VerifierOptions {
  const thresholds = Object.fromEntries(THRESHOLD_NAMES.filter((n) => weakening[n] !== DEFAULT_THRESHOLDS[n]).map((n) => [n, weakening[n]]));
  return { thresholds, useSignedTimestamps: weakening.useSignedTimestamps };
}

// The Trust choices as every verifying worker request carries them (bundle, signature dump, image, admission dry run).
export function verifierChoicesOf(form: VerifyForm): VerifierChoices {
  return { trustedRoot: trustChoiceOf(form), options: verifierOptionsOf(form) };
}

// The verifier options a record of them asked for, back as form state (the defaults where it names none).
export function weakeningOf(options: VerifierOptions): WeakeningForm {
  return { ...DEFAULT_WEAKENING, ...options.thresholds, useSignedTimestamps: options.useSignedTimestamps };
}

// The verifier options as the `signet` (and cosign) flags that ask for them; empty for the defaults.
export function weakeningFlags(w: WeakeningForm): string[] {
  const count = (n: number, flag: string, byDefault: number, waive?: string) => (n === 0 && waive ? [waive] : n === byDefault ? [] : [`${flag} ${n}`]);
  return [
    ...count(w.tlog, '--tlog-threshold', DEFAULT_THRESHOLDS.tlog, '--insecure-ignore-tlog'),
    ...count(w.sct, '--ctlog-threshold', DEFAULT_THRESHOLDS.sct, '--insecure-ignore-sct'),
    ...count(w.timestamps, '--timestamp-threshold', DEFAULT_THRESHOLDS.timestamps),
    ...(w.useSignedTimestamps ? ['--use-signed-timestamps'] : []),
  ];
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

// One line saying what policy was applied, for reports; the Trust choices follow when they are not the defaults.
export function describePolicy(form: VerifyForm): string {
  const flags = weakeningFlags(form.weakening);
  const options = flags.length ? `; verifier options ${flags.join(' ')} (each waived check is a warn step)` : '';
  return `${describeSigner(form)}${options}`;
}

// Who must have signed, in words.
function describeSigner(form: VerifyForm): string {
  if (form.mode === 'key') return 'signed by the given public key';
  if (form.mode === 'inspect') return 'inspect only: identity not checked';
  const id = form.identityIsRegexp ? `identity matching /^(?:${form.identity})$/` : `identity ${form.identity}`;
  const iss = form.issuerIsRegexp ? `issuer matching /^(?:${form.issuer})$/` : `issuer ${form.issuer}`;
  return `${id}, ${iss}`;
}
