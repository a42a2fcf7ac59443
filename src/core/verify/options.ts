// Verification inputs, resolved once into a validated object before any step runs.
import { VerifyError } from '../errors';
import { parsePem, toHex } from '../encoding';
import { digestLabelName, parsePublicKey, type HashAlg, type PublicKey } from '../crypto';
import type { Bundle } from '../bundle';
import type { JsonValue } from '../encoding';
import type { IdentityPolicy } from '../policy';
import type { TrustedRoot } from '../trust';
import { DEFAULT_THRESHOLDS, MAX_THRESHOLD, type Thresholds } from './thresholds';

/** The artifact as bytes, or only its digest (the user typed sha256:…). */
export type ArtifactInput = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'digest'; algorithm: HashAlg; value: Uint8Array };

/** An image by manifest digest, as a registry resolved it. */
export interface ImageInput {
  digest: string;
  /** Absent when only a digest was given (a pasted cosign signature checked against sha256:…). */
  repository?: string;
}

export type VerificationPolicy =
  /** Keyless: who must have signed, optionally which attestation type. */
  | { kind: 'identity'; identity: IdentityPolicy; predicateType?: string }
  /** Key-based: the signature must be made by this key (PEM text or SPKI DER). */
  | { kind: 'key'; publicKey: string | Uint8Array; predicateType?: string }
  /** Run every cryptographic check but no identity policy; the verdict can then only be incomplete. */
  | { kind: 'inspect'; predicateType?: string };

export { DEFAULT_THRESHOLDS, MAX_THRESHOLD, type Thresholds } from './thresholds';

export interface VerifyRequest {
  /** Bundle JSON text, parsed JSON, an already-normalised bundle (legacy cosign forms), or a function that
   *  normalises one (its errors then show as a failed bundle.parse step). */
  bundle: string | JsonValue | Bundle | (() => Bundle);
  artifact: ArtifactInput | null;
  policy: VerificationPolicy;
  trustedRoot: TrustedRoot;
  thresholds?: Partial<Thresholds>;
  /** cosign --use-signed-timestamps: at least one verified RFC 3161 timestamp is required (GitHub's private instance has no log). */
  useSignedTimestamps?: boolean;
  /** The image the signature should be for: its manifest digest (sha256:…) and repository (ghcr.io/org/app). */
  image?: ImageInput;
  /** Clock for "not in the future" checks, epoch ms. */
  now?: number;
}

export interface ResolvedKeyPolicy {
  key: PublicKey;
  fingerprint: string;
}

// The keys users gave recently, by their exact text or DER: one key verifies many bundles (a batch, the app
// re-verifying), and keeping the parsed key keeps its imported WebCrypto key. Bounded, oldest dropped first.
const givenKeys = new Map<string, PublicKey>();
const GIVEN_KEYS_KEPT = 16;

// Parse a user-given public key (PEM "PUBLIC KEY" or DER SPKI).
export function resolvePublicKey(input: string | Uint8Array): PublicKey {
  const id = typeof input === 'string' ? `pem:${input}` : `der:${toHex(input)}`;
  const known = givenKeys.get(id);
  if (known) return known;
  const key = parseGivenKey(input);
  if (givenKeys.size >= GIVEN_KEYS_KEPT) givenKeys.delete(givenKeys.keys().next().value!);
  givenKeys.set(id, key);
  return key;
}

function parseGivenKey(input: string | Uint8Array): PublicKey {
  if (typeof input !== 'string') return parsePublicKey(input, 'the given public key');
  const block = parsePem(input, 'the given public key').find((b) => b.label === 'PUBLIC KEY');
  if (!block) throw new VerifyError('PEM_INVALID', 'the given key holds no PUBLIC KEY block', { where: 'the given public key', expected: '-----BEGIN PUBLIC KEY-----' });
  return parsePublicKey(block.der, 'the given public key');
}

// Thresholds are whole numbers from 0 to MAX_THRESHOLD; a 0 waives that evidence and each step it weakens says so.
export function resolveThresholds(partial: Partial<Thresholds> | undefined): Thresholds {
  const t = { ...DEFAULT_THRESHOLDS, ...partial };
  for (const [name, value] of Object.entries(t)) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_THRESHOLD) {
      throw new VerifyError('UNSAFE_OPTION', `threshold ${name} must be a whole number from 0 to ${MAX_THRESHOLD}`, { where: `thresholds.${name}`, expected: `0 to ${MAX_THRESHOLD}`, found: String(value).slice(0, 40) });
    }
  }
  return t;
}

// sha256:<hex> style label for a digest.
export function digestLabel(algorithm: HashAlg, value: Uint8Array): string {
  return `${digestLabelName(algorithm)}:${toHex(value)}`;
}
