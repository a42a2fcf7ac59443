// Where Signet deliberately differs from a corpus expectation, or how it settles a contested case: each choice
// follows the Sigstore client spec, protobuf-specs or the sigstore-conformance suite, and says which.
export interface Decision {
  /** What Signet does on the case. */
  signet: 'pass' | 'fail';
  why: string;
}

export const DECISIONS: Readonly<Record<string, Decision>> = {
  'sigstore-go/examples/bundle-provenance': {
    signet: 'fail',
    why: 'its x509CertificateChain carries the Fulcio root; sigstore-conformance bundle-with-root-cert_fail requires such a chain to be refused (the root must come from the trusted root only)',
  },
  'sigstore-js/bundleV01-full-cert-chain.sigstore': {
    signet: 'fail',
    why: 'contested: the chain carries the Fulcio root; Signet follows sigstore-conformance bundle-with-root-cert_fail (sigstore-js and sigstore-go accept it)',
  },
  'sigstore-java/bundle-no-digest': {
    signet: 'fail',
    why: 'a v0.3 bundle with x509CertificateChain: protobuf-specs requires the single `certificate` form from v0.3 on, and @sigstore/verify refuses it too; the missing messageDigest itself is accepted (the artifact is hashed)',
  },
  'sigstore-python/tsa/bundle.txt': {
    signet: 'fail',
    why: 'contested: one of its RFC 3161 timestamps does not cover the signature; Signet requires every supplied timestamp to verify (sigstore-conformance PR #404 semantics, as sigstore-js) rather than counting only the good ones (sigstore-python)',
  },
  'sigstore-java/bundle.dsse.rekor-v2.bad-entry-type': {
    signet: 'pass',
    why: 'contested: a DSSE bundle logged as Rekor v2 dsse 0.0.2 is a valid entry of the Rekor v2 spec it was written against (sigstore-js accepts it; the removed conformance rekor2-dsse-happy-path expected pass); sigstore-java refuses the kind only because it dropped it',
  },
  'sigstore-js/verify-fixture/V3.DSSE.TLOG_DSSEV002': {
    signet: 'fail',
    why: 'contested: the case gives no artifact; every cryptographic check passes, but Signet never calls a signature verified when nothing ties it to an artifact (the verdict is incomplete), where sigstore-js verifies the envelope alone',
  },
  'legacy/sigstore-rs/oci-layer-2021-keyless-rekord': {
    signet: 'fail',
    why: 'contested: a 2021 rekord 0.0.1 entry (the pre-hashedrekord kind, no SCT, no issuer extension); Signet does not read rekord bodies, as @sigstore/verify and current cosign without flags do not',
  },
};
