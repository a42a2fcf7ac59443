// The declared plan of a bundle verification: what each step checks, why it matters, its spec, whether
// the verdict needs it, what it waits for and when it is skipped. The runner schedules from this alone.
import type { Catalogue, SkipRule } from './plan';
import type { BundleStepId } from './types';

/** Facts about the input and the request the skip rules name (each defined in verify/conditions.ts). */
export type BundleCondition =
  | 'public-key'
  | 'no-leaf-key'
  | 'not-identity-policy'
  | 'no-rfc3161'
  | 'no-set'
  | 'no-inclusion-proof'
  | 'no-checkpoint'
  | 'no-trusted-log'
  | 'no-predicate-asked'
  | 'nothing-to-attest';

type Rule = SkipRule<BundleStepId, BundleCondition>;

const AFTER_PARSE: Rule = { unmet: 'bundle.parse', reason: 'Not run: the bundle could not be parsed.' };
const NOT_DECODED = 'Not run: the signing certificate was refused at cert.decode.';
const NO_TRUSTED_LOG: Rule = { when: 'no-trusted-log', reason: 'Not run: no entry comes from a trusted log.', required: true };

export const CATALOGUE: Catalogue<BundleStepId, BundleCondition> = {
  'bundle.parse': {
    title: 'Bundle is well-formed',
    why: 'A parser that guesses at malformed input lets an attacker smuggle fields past later checks; every field is validated before anything trusts it.',
    spec: 'Sigstore bundle format (protobuf-specs dev.sigstore.bundle.v1, v0.1–v0.3)',
    required: true,
  },
  'artifact.bind': {
    title: 'The signature is about this artifact',
    why: 'A perfectly valid signature over some other file proves nothing about this one; without this check any signed thing could vouch for any artifact.',
    spec: 'Sigstore client spec §4 (verification: artifact digest); in-toto Statement subject',
    required: true,
    skip: [AFTER_PARSE],
  },
  'cert.decode': {
    title: 'Signing certificate is a code-signing leaf',
    why: 'Only short-lived Fulcio leaf certificates for code signing may sign; a CA or TLS certificate presented as a signer must be refused.',
    spec: 'RFC 5280 §4.2.1.3, §4.2.1.12; Fulcio certificate specification (OID 1.3.6.1.4.1.57264.1.*)',
    required: true,
    skip: [AFTER_PARSE, { when: 'public-key', reason: 'Signed with a public key: there is no certificate.' }],
  },
  'cert.chain': {
    title: 'Certificate chains to a trusted Fulcio CA',
    why: 'Anyone can mint a certificate claiming any identity; only a chain to a CA in the trusted root makes the identity in it mean something.',
    spec: 'RFC 5280 §6 (path validation); Sigstore client spec §4.1',
    required: true,
    skip: [AFTER_PARSE, { when: 'public-key', reason: 'Signed with a public key: there is no certificate chain.' }, { unmet: 'cert.decode', reason: NOT_DECODED }],
  },
  'cert.sct': {
    title: 'Certificate was logged in Certificate Transparency',
    why: 'Without a signed certificate timestamp a mis-issued certificate could be used in secret; the SCT promises it is publicly auditable.',
    spec: 'RFC 6962 §3.2–3.3 (precertificate SCTs); Sigstore client spec §4.1',
    required: true,
    skip: [
      AFTER_PARSE,
      { when: 'public-key', reason: 'Signed with a public key: there is no certificate to log.' },
      { unmet: 'cert.decode', reason: NOT_DECODED },
      { unmet: 'cert.chain', reason: 'Not run: without a trusted issuer the SCT cannot be checked.' },
    ],
  },
  signature: {
    title: 'Signature verifies with the signing key',
    why: 'This is the cryptographic core: without it, an attacker could pair any certificate with any content.',
    spec: 'Sigstore client spec §4.2; DSSE protocol (PAE); FIPS 186-5 / RFC 8017 / RFC 8032',
    required: true,
    // cert.decode reads the leaf's key; a leaf that parsed but broke the profile still has one to check with.
    after: ['cert.decode'],
    skip: [AFTER_PARSE, { when: 'no-leaf-key', reason: NOT_DECODED, required: true }],
  },
  'tlog.body': {
    title: 'Transparency-log entry describes this signature',
    why: 'A log entry proves publication only of what it contains; if it logged another signature or key, this one was never made public.',
    spec: 'Rekor entry types (hashedrekord, dsse, intoto; Rekor v2 spec); Sigstore client spec §4.3',
    required: true,
    // The body names the signing key or certificate, which cert.decode reads.
    after: ['cert.decode'],
    skip: [AFTER_PARSE],
  },
  'tlog.set': {
    title: 'Log promised inclusion (signed entry timestamp)',
    why: 'The SET is the log’s signed promise of the entry and its integrated time; a forged SET would let an attacker invent a signing time.',
    spec: 'Rekor signed entry timestamp (RFC 8785 canonical JSON, signed by the log key)',
    required: true,
    // tlog.body finds each entry's log.
    after: ['tlog.body'],
    skip: [AFTER_PARSE, { when: 'no-set', reason: 'No entry carries a signed entry timestamp (Rekor v2 and some v0.2+ bundles); its integrated time is not used.' }, NO_TRUSTED_LOG],
  },
  'tlog.inclusion': {
    title: 'Inclusion proof leads to the logged tree root',
    why: 'The audit path shows the entry really is a leaf of the log’s Merkle tree; without it the log could show the entry to you alone.',
    spec: 'RFC 6962 §2.1.1; RFC 9162 §2.1.3.2',
    required: true,
    after: ['tlog.body'],
    skip: [AFTER_PARSE, { when: 'no-inclusion-proof', reason: 'No inclusion proof (a v0.1 bundle or a legacy cosign signature); inclusion rests on the signed entry timestamp.' }],
  },
  'tlog.checkpoint': {
    title: 'Tree root is signed by the log (checkpoint)',
    why: 'A root hash proves nothing until the log signs it; a checkpoint binds the log’s identity to exactly this tree.',
    spec: 'C2SP signed-note and tlog-checkpoint; Sigstore client spec §4.3',
    required: true,
    after: ['tlog.body'],
    skip: [AFTER_PARSE, { when: 'no-checkpoint', reason: 'No checkpoint to check: without an inclusion proof there is none (v0.1 bundles and legacy cosign signatures rest on the signed entry timestamp); a proof without one fails tlog.inclusion.' }, NO_TRUSTED_LOG],
  },
  'timestamp.rfc3161': {
    title: 'Trusted timestamp over the signature',
    why: 'A timestamp authority independently attests when the signature existed, so an expired certificate cannot be used to sign later.',
    spec: 'RFC 3161 §2.4.2; RFC 5652 §5.4; RFC 5816',
    required: true,
    skip: [AFTER_PARSE, { when: 'no-rfc3161', reason: 'The bundle carries no RFC 3161 timestamp.' }],
  },
  'time.validity': {
    title: 'Certificate was valid when the signature was made',
    why: 'Fulcio certificates live for minutes; a signature counts only if a verified time falls inside that window, or a stolen key would sign forever.',
    spec: 'Sigstore client spec §4.1 (verified timestamps, thresholds)',
    required: true,
    // Every verified time comes from a signed entry timestamp or an RFC 3161 token.
    after: ['tlog.set', 'timestamp.rfc3161'],
    skip: [AFTER_PARSE, { when: 'public-key', reason: 'Signed with a public key, which has no validity period.' }, { unmet: 'cert.decode', reason: NOT_DECODED }],
  },
  'policy.identity': {
    title: 'Signer is the expected identity',
    why: 'Everything above proves someone signed; only this check proves it was the someone you trust.',
    spec: 'cosign verify --certificate-identity / --certificate-oidc-issuer; Fulcio OID 1.3.6.1.4.1.57264.1.8',
    required: true,
    skip: [AFTER_PARSE, { unmet: 'cert.decode', reason: NOT_DECODED, unless: 'not-identity-policy' }],
  },
  'policy.attestation': {
    title: 'Attestation says what was asked',
    why: 'A valid attestation of the wrong kind (an SBOM where provenance was required) must not satisfy a provenance policy.',
    spec: 'in-toto attestation framework (predicateType)',
    required: true,
    // Unasked, a provenance is still compared with the certificate's claims, as a warning only.
    optional: 'no-predicate-asked',
    // The attestation is read with the leaf's Fulcio claims.
    after: ['cert.decode'],
    skip: [AFTER_PARSE, { when: 'nothing-to-attest', reason: 'No attestation type was asked for.' }],
  },
};
