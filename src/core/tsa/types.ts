// The typed form of an RFC 3161 timestamp token and of its verification result.
import type { HashAlg } from '../crypto';
import type { CertificateAuthority } from '../trust/types';
import type { Evidence } from '../evidence';
import type { SignatureAlgorithm } from './algorithms';

/** RFC 3161 §2.4.2 Accuracy; absent fields are 0. */
export interface Accuracy {
  seconds: number;
  millis: number;
  micros: number;
}

/** RFC 3161 §2.4.2 TSTInfo, with the DER bytes the CMS message digest covers. */
export interface TstInfo {
  /** The eContent OCTET STRING's value: the TSTInfo DER as signed. */
  der: Uint8Array;
  policy: string;
  messageImprint: { hashAlgorithm: HashAlg; hashedMessage: Uint8Array };
  /** INTEGER content bytes, as encoded. */
  serialNumber: Uint8Array;
  /** genTime in ms since the epoch; sub-millisecond digits are truncated. */
  genTime: number;
  /** genTime exactly as encoded, e.g. "20250612120220Z" or "20250612120220.123Z". */
  genTimeText: string;
  accuracy?: Accuracy;
  ordering: boolean;
  nonce?: Uint8Array;
  /** The tsa GeneralName's DER, when the TSA named itself. */
  tsaName?: Uint8Array;
}

/** RFC 5652 §5.3 SignerIdentifier. */
export type SignerIdentifier =
  | { kind: 'issuerAndSerialNumber'; issuer: Uint8Array /* Name content bytes */; serialNumber: Uint8Array }
  | { kind: 'subjectKeyIdentifier'; keyId: Uint8Array };

/** ESSCertID (RFC 2634 §5.4, SHA-1) or ESSCertIDv2 (RFC 5816 / RFC 5035 §5.4), the first one listed. */
export interface SigningCertificateRef {
  version: 1 | 2;
  /** undefined for SHA-1 (ESSCertID v1), which the engine does not compute. */
  hashAlgorithm?: HashAlg;
  certHash: Uint8Array;
  issuerSerial?: { issuer: Uint8Array /* GeneralNames TLV */; serialNumber: Uint8Array };
}

/** RFC 5652 §5.3 SignerInfo, with the attributes RFC 3161 requires already picked out. */
export interface SignerInfo {
  sid: SignerIdentifier;
  digestAlgorithm: HashAlg;
  signatureAlgorithm: SignatureAlgorithm;
  /** The signed attributes' original bytes with the [0] tag replaced by SET (RFC 5652 §5.4). */
  signedAttrs: Uint8Array;
  /** content-type attribute (RFC 5652 §11.1). */
  contentType: string;
  /** message-digest attribute (RFC 5652 §11.2). */
  messageDigest: Uint8Array;
  signingCertificate?: SigningCertificateRef;
  signature: Uint8Array;
}

export interface TimestampToken {
  /** PKIStatus when the input was a whole TimeStampResp. */
  status?: number;
  eContentType: string;
  tstInfo: TstInfo;
  signer: SignerInfo;
  /** DER certificates embedded in SignedData.certificates (never trusted on their own). */
  certificates: Uint8Array[];
  where: string;
}

export interface TimestampResult {
  /** genTime in ms since the epoch. */
  time: number;
  authority: CertificateAuthority;
  serialNumber: string;
  policy: string;
  hashAlgorithm: HashAlg;
  messageImprint: string;
  evidence: Evidence[];
}
