// Caps applied to every attacker-controlled input before it is parsed further.

const MiB = 1024 * 1024;
/** An attestation's in-toto statement (a DSSE payload) after base64 decoding: SBOMs run large. */
const ATTESTATION_BYTES = 64 * MiB;

export const LIMITS = {
  /** A whole bundle or signature dump, as text: room for one attestation in base64 plus its material. */
  bundleBytes: Math.ceil(ATTESTATION_BYTES / 3) * 4 + MiB,
  attestationBytes: ATTESTATION_BYTES,
  /** A cosign simplesigning payload. */
  dssePayloadBytes: 4 * MiB,
  /** A trusted_root.json file. */
  trustedRootBytes: 4 * 1024 * 1024,
  /** One DER certificate. */
  certificateBytes: 64 * 1024,
  /** Certificates in a bundle's chain. */
  chainLength: 10,
  /** Transparency-log entries in one bundle. */
  tlogEntries: 32,
  /** RFC 3161 timestamps in one bundle. */
  rfc3161Timestamps: 32,
  /** DSSE signatures in one envelope. */
  dsseSignatures: 16,
  /** Hashes in one inclusion proof (a tree of 2^64 leaves needs 64). */
  inclusionProofHashes: 64,
  /** Hashes in one consistency proof (at most about 2·log2 of the tree size). */
  consistencyProofHashes: 130,
  /** A checkpoint (signed note) text. */
  checkpointBytes: 64 * 1024,
  /** Signature lines in one checkpoint. */
  checkpointSignatures: 32,
  /** A canonicalized Rekor entry body. */
  tlogBodyBytes: 1024 * 1024,
  /** in-toto subjects in one statement. */
  statementSubjects: 1024,
  /** JSON nesting depth. */
  jsonDepth: 64,
  /** A user-supplied regular expression. */
  regexpLength: 1024,
  /** Signatures in one pasted dump or one signature image (cosign's own cap, maxAllowedSigsOrAtts). */
  signaturesPerInput: 100,
  /** Entities of each kind in a trusted root. */
  trustedRootEntities: 64,
  /** One TUF metadata file (root, timestamp, snapshot or targets). */
  tufMetadataBytes: 1024 * 1024,
  /** Keys or signatures in one TUF metadata file. */
  tufKeys: 64,
  /** Targets or metafile entries listed in one TUF metadata file. */
  tufListEntries: 4096,
  /** Root versions walked in one TUF refresh (TUF spec §5.3.3's upper bound). */
  tufRootRotations: 64,
  /** A YAML text (admission policies, Kubernetes manifests); Kubernetes itself caps an object near 1.5 MiB. */
  yamlBytes: 2 * 1024 * 1024,
  /** Documents in one YAML stream. */
  yamlDocuments: 256,
  /** YAML nesting depth of mappings and sequences. */
  yamlDepth: 64,
  /** Aliases in one YAML text (each expanded at most this many times in total). */
  yamlAliases: 100,
  /** Nodes in one YAML text. */
  yamlNodes: 200_000,
  /** Containers evaluated from one manifest or one list of image references. */
  admissionContainers: 256,
} as const;

// A byte count in MiB for messages ("64 MiB", "70.5 MiB").
export function mebibytes(bytes: number): string {
  const m = bytes / MiB;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MiB`;
}
