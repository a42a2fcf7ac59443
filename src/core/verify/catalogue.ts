// What each step checks, why it matters, and the spec it comes from: the text every view explains.
import type { StepId } from './types';

export interface StepInfo {
  title: string;
  why: string;
  spec: string;
}

export const CATALOGUE: Record<StepId, StepInfo> = {
  'image.resolve': {
    title: 'Image reference resolves to a digest',
    why: 'A tag can be moved at any time; only the digest of the bytes received names exactly what would be pulled, so every later check is about that digest.',
    spec: 'OCI distribution spec (pulling manifests); OCI image spec (content descriptors, digests)',
  },
  'image.discover': {
    title: 'Signatures found for the image',
    why: '“No signatures found” and “signatures found, none valid” call for different responses; every place a signature can live is searched and named.',
    spec: 'OCI distribution spec 1.1 (referrers API and tag schema); cosign signature and attestation tags',
  },
  'bundle.parse': {
    title: 'Bundle is well-formed',
    why: 'A parser that guesses at malformed input lets an attacker smuggle fields past later checks; every field is validated before anything trusts it.',
    spec: 'Sigstore bundle format (protobuf-specs dev.sigstore.bundle.v1, v0.1–v0.3)',
  },
  'artifact.bind': {
    title: 'The signature is about this artifact',
    why: 'A perfectly valid signature over some other file proves nothing about this one; without this check any signed thing could vouch for any artifact.',
    spec: 'Sigstore client spec §4 (verification: artifact digest); in-toto Statement subject',
  },
  'cert.decode': {
    title: 'Signing certificate is a code-signing leaf',
    why: 'Only short-lived Fulcio leaf certificates for code signing may sign; a CA or TLS certificate presented as a signer must be refused.',
    spec: 'RFC 5280 §4.2.1.3, §4.2.1.12; Fulcio certificate specification (OID 1.3.6.1.4.1.57264.1.*)',
  },
  'cert.chain': {
    title: 'Certificate chains to a trusted Fulcio CA',
    why: 'Anyone can mint a certificate claiming any identity; only a chain to a CA in the trusted root makes the identity in it mean something.',
    spec: 'RFC 5280 §6 (path validation); Sigstore client spec §4.1',
  },
  'cert.sct': {
    title: 'Certificate was logged in Certificate Transparency',
    why: 'Without a signed certificate timestamp a mis-issued certificate could be used in secret; the SCT promises it is publicly auditable.',
    spec: 'RFC 6962 §3.2–3.3 (precertificate SCTs); Sigstore client spec §4.1',
  },
  signature: {
    title: 'Signature verifies with the signing key',
    why: 'This is the cryptographic core: without it, an attacker could pair any certificate with any content.',
    spec: 'Sigstore client spec §4.2; DSSE protocol (PAE); FIPS 186-5 / RFC 8017 / RFC 8032',
  },
  'tlog.body': {
    title: 'Transparency-log entry describes this signature',
    why: 'A log entry proves publication only of what it contains; if it logged another signature or key, this one was never made public.',
    spec: 'Rekor entry types (hashedrekord, dsse, intoto; Rekor v2 spec); Sigstore client spec §4.3',
  },
  'tlog.set': {
    title: 'Log promised inclusion (signed entry timestamp)',
    why: 'The SET is the log’s signed promise of the entry and its integrated time; a forged SET would let an attacker invent a signing time.',
    spec: 'Rekor signed entry timestamp (RFC 8785 canonical JSON, signed by the log key)',
  },
  'tlog.inclusion': {
    title: 'Inclusion proof leads to the logged tree root',
    why: 'The audit path shows the entry really is a leaf of the log’s Merkle tree; without it the log could show the entry to you alone.',
    spec: 'RFC 6962 §2.1.1; RFC 9162 §2.1.3.2',
  },
  'tlog.checkpoint': {
    title: 'Tree root is signed by the log (checkpoint)',
    why: 'A root hash proves nothing until the log signs it; a checkpoint binds the log’s identity to exactly this tree.',
    spec: 'C2SP signed-note and tlog-checkpoint; Sigstore client spec §4.3',
  },
  'timestamp.rfc3161': {
    title: 'Trusted timestamp over the signature',
    why: 'A timestamp authority independently attests when the signature existed, so an expired certificate cannot be used to sign later.',
    spec: 'RFC 3161 §2.4.2; RFC 5652 §5.4; RFC 5816',
  },
  'time.validity': {
    title: 'Certificate was valid when the signature was made',
    why: 'Fulcio certificates live for minutes; a signature counts only if a verified time falls inside that window, or a stolen key would sign forever.',
    spec: 'Sigstore client spec §4.1 (verified timestamps, thresholds)',
  },
  'policy.identity': {
    title: 'Signer is the expected identity',
    why: 'Everything above proves someone signed; only this check proves it was the someone you trust.',
    spec: 'cosign verify --certificate-identity / --certificate-oidc-issuer; Fulcio OID 1.3.6.1.4.1.57264.1.8',
  },
  'policy.attestation': {
    title: 'Attestation says what was asked',
    why: 'A valid attestation of the wrong kind (an SBOM where provenance was required) must not satisfy a provenance policy.',
    spec: 'in-toto attestation framework (predicateType)',
  },
  'rekor.entry': {
    title: 'Log entry is the one asked for',
    why: 'A log (or anything between it and you) could answer with another entry; only an entry whose body hashes to its UUID, at the index asked for, is the one the log committed to.',
    spec: 'Rekor v1 API (entry UUID = RFC 6962 leaf hash of the body); RFC 6962 §2.1',
  },
  'live.checkpoint': {
    title: 'The log’s current tree head is signed by the log',
    why: 'Every live check is measured against the log’s tree as it is today; an unsigned or foreign tree head would let anyone invent that tree.',
    spec: 'C2SP signed-note and tlog-checkpoint; Rekor v1 GET /api/v1/log; C2SP tlog-tiles checkpoint',
  },
  'live.inclusion': {
    title: 'Entry is in the log as it is today',
    why: 'An entry included once could have been shown to you alone; finding it, unchanged, in today’s signed tree shows the log still publishes it to everyone.',
    spec: 'RFC 6962 §2.1.1; RFC 9162 §2.1.3.2; C2SP tlog-tiles (proofs from tiles)',
  },
  'live.consistency': {
    title: 'The log’s history includes the bundle’s checkpoint',
    why: 'A consistency proof shows the tree the bundle was proven against is a prefix of today’s tree; if it fails, the log has shown two different histories (a fork, a split view).',
    spec: 'RFC 6962 §2.1.2; RFC 9162 §2.1.4',
  },
};
