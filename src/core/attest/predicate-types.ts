// in-toto predicate types and cosign's `--type` names for them (cosign attest / verify-attestation
// `--type`, pkg/cosign/attestation: the alias table below is cosign's, value for value).
import { VerifyError } from '../errors';

/** The predicate type cosign v3 `sign` gives its DSSE-wrapped signature: a signature, not an attestation. */
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';

/** cosign's `--type` default. */
export const DEFAULT_PREDICATE_ALIAS = 'custom';

/** cosign `--type` aliases and the predicate type URI each stands for. */
export const PREDICATE_TYPE_ALIASES = {
  custom: 'https://cosign.sigstore.dev/attestation/v1',
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  link: 'https://in-toto.io/Link/v1',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  openvex: 'https://openvex.dev/ns',
} as const satisfies Record<string, string>;

export type PredicateAlias = keyof typeof PREDICATE_TYPE_ALIASES;

/** A `--type` value resolved: what the user typed and the predicate type URI it means. */
export interface PredicateTypeChoice {
  given: string;
  uri: string;
}

const MAX_TYPE_LENGTH = 2048;

// Whether a value is one of cosign's `--type` aliases.
export function isPredicateAlias(value: string): value is PredicateAlias {
  return Object.hasOwn(PREDICATE_TYPE_ALIASES, value);
}

// Resolve a `--type` value as cosign does: an alias names its URI; anything else must itself be a URI
// (scheme ':' rest, RFC 3986 §3.1) and is used as it is. Empty means the default, `custom`.
export function resolvePredicateType(value: string | undefined): PredicateTypeChoice {
  const given = value === undefined || value === '' ? DEFAULT_PREDICATE_ALIAS : value;
  if (isPredicateAlias(given)) return { given, uri: PREDICATE_TYPE_ALIASES[given] };
  if (given.length > MAX_TYPE_LENGTH || !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(given)) {
    throw new VerifyError('POLICY_INVALID', `invalid predicate type: ${given.slice(0, 100)} (use one of ${Object.keys(PREDICATE_TYPE_ALIASES).join(', ')} or a URI)`, {
      where: '--type',
      expected: `an alias (${Object.keys(PREDICATE_TYPE_ALIASES).join(', ')}) or a URI`,
      found: given.slice(0, 300),
    });
  }
  return { given, uri: given };
}

// The cosign alias of a predicate type URI, for display ("spdxjson" prints as its first alias "spdx").
export function aliasOf(uri: string): PredicateAlias | undefined {
  return (Object.keys(PREDICATE_TYPE_ALIASES) as PredicateAlias[]).find((a) => PREDICATE_TYPE_ALIASES[a] === uri);
}

// Whether a statement's predicate type is the one chosen.
export function matchesPredicateType(choice: PredicateTypeChoice, predicateType: string): boolean {
  return predicateType === choice.uri;
}

// cosign verify-attestation's words when nothing matched: the value as given, then every type found.
export function noMatchMessage(choice: PredicateTypeChoice, found: readonly string[]): string {
  const distinct = [...new Set(found.map((t) => (t.length > 200 ? `${t.slice(0, 200)}…` : t)))].slice(0, 20);
  return `none of the attestations matched the predicate type: ${choice.given}, found: ${distinct.join(', ')}`;
}

// Whether a DSSE statement's predicate type makes it a signature rather than an attestation.
export function isSignaturePredicate(predicateType: string | undefined): boolean {
  return predicateType === COSIGN_SIGN_PREDICATE;
}
