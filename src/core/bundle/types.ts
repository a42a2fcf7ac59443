// The one internal shape every input becomes: Sigstore bundles v0.1–v0.3 and legacy cosign forms.
import type { HashAlg } from '../crypto';

export type BundleVersion = '0.1' | '0.2' | '0.3';

export interface MessageSignatureContent {
  kind: 'message';
  /** messageDigest from the bundle; absent in some legacy forms. */
  digest: { algorithm: HashAlg; value: Uint8Array } | null;
  signature: Uint8Array;
  /** The signed bytes themselves where the input carries them (a cosign simplesigning payload); digest is then their SHA-256. */
  payload?: SignedPayload;
}

export interface SignedPayload {
  mediaType: string;
  bytes: Uint8Array;
}

export interface DsseSignature {
  keyid: string;
  sig: Uint8Array;
}

export interface DsseContent {
  kind: 'dsse';
  payloadType: string;
  payload: Uint8Array;
  signatures: DsseSignature[];
}

export type SignatureContent = MessageSignatureContent | DsseContent;

export type VerificationMaterial =
  /** chain[0] is the leaf; v0.3 bundles carry only the leaf. */
  | { kind: 'certificate'; chain: Uint8Array[]; form: 'certificate' | 'x509CertificateChain' }
  | { kind: 'publicKey'; hint: string };

export interface InclusionProof {
  logIndex: number;
  rootHash: Uint8Array;
  treeSize: number;
  hashes: Uint8Array[];
  /** The signed note (checkpoint) text as carried in the bundle. */
  checkpoint: string;
}

export interface TlogEntry {
  logIndex: number;
  logId: Uint8Array;
  kind: string;
  version: string;
  /** Seconds since the epoch; null where the log gives none (Rekor v2). */
  integratedTime: number | null;
  /** The signed entry timestamp (Rekor v1 inclusion promise). */
  inclusionPromise: Uint8Array | null;
  inclusionProof: InclusionProof | null;
  canonicalizedBody: Uint8Array;
  /** Where in the input this entry came from, e.g. "verificationMaterial.tlogEntries[0]". */
  where: string;
}

export interface Bundle {
  mediaType: string;
  version: BundleVersion;
  content: SignatureContent;
  material: VerificationMaterial;
  tlogEntries: TlogEntry[];
  /** DER RFC 3161 TimeStampResp/TimeStampToken bytes. */
  rfc3161Timestamps: Uint8Array[];
  /** The input format the bundle was normalised from; 'rekor-entry' is an entry read from a log, as the signature it records. */
  origin: 'sigstore-bundle' | 'cosign-legacy' | 'rekor-entry';
}
