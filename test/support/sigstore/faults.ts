// Named faults a test can inject into one signing, each breaking exactly one verification step.
// Where a real attack would sign wrong data, the instance signs wrong data rather than flipping bits.

export const FAULT_NAMES = [
  /** Leaf validity ends before the log/TSA time (cert.chain or time.validity). */
  'leafExpiredAtLogTime',
  /** The SCT is signed by a CT log that is not in the trusted root (cert.sct). */
  'sctFromUnknownLog',
  /** The trusted CT log signed the precertificate under another issuer key hash (cert.sct). */
  'badSctSignature',
  /** The leaf carries no embedded SCT (cert.sct). */
  'noSct',
  /** The leaf is issued by a CA with the same names but keys not in the trusted root (cert.chain). */
  'wrongCaKey',
  /** The artifact signature is made over other bytes (signature). */
  'badSignature',
  /** The log entry is for another signature and digest by the same signer (tlog.body). */
  'bodyMismatch',
  /** The SET signs a payload with another log index (tlog.set). */
  'badSet',
  /** The audit path of a neighbouring leaf (tlog.inclusion). */
  'badInclusionProof',
  /** The log signed a checkpoint with an older root hash (tlog.checkpoint). */
  'checkpointRootMismatch',
  /** The checkpoint signature is by another key under the log's name and hint (tlog.checkpoint). */
  'badCheckpointSignature',
  /** The checkpoint only carries a signature by a foreign name and key (tlog.checkpoint). */
  'checkpointForeignOriginOnly',
  /** The inclusion proof carries no checkpoint, so nobody signed its root (tlog.inclusion). */
  'noCheckpoint',
  /** A Rekor v2 entry records another public key than the certificate's (tlog.body). */
  'loggedOtherPublicKey',
  /** No inclusion proof in the entry (bundle.parse for v0.2+). */
  'noInclusionProof',
  /** No inclusion promise in the entry (bundle.parse for v0.1). */
  'noInclusionPromise',
  /** The timestamp is issued by a TSA that is not in the trusted root, certificate embedded (timestamp.rfc3161). */
  'tsaUntrusted',
  /** The timestamp's message imprint covers other bytes than the signature (timestamp.rfc3161). */
  'tsaImprintMismatch',
  /** The timestamp's genTime is after the leaf expired (time.validity). */
  'tsaTimeOutsideCert',
  /** The integrated time is five minutes ahead of the instance clock, inside the leaf validity (tlog.set / time.validity). */
  'integratedTimeInFuture',
  /** The bundle is a valid signature over other bytes than the caller's artifact (artifact.bind). */
  'messageDigestMismatch',
  /** The in-toto statement names subjects with other digests (artifact.bind). */
  'dsseSubjectMismatch',
  /** The same tlog entry appears twice. */
  'duplicateTlogEntry',
  /** The same RFC 3161 timestamp appears twice. */
  'duplicateTimestamp',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export type Faults = Partial<Record<FaultName, boolean>>;
