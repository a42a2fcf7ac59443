// The certificate layer: X.509 decoding, Fulcio claims, the leaf profile, chain building and embedded SCTs.
export { parseCertificate, readTbsFields, type Certificate, type CertificateExtension, type TbsFields } from './certificate';
export { parseSignatureAlgorithm, type SignatureAlgorithm, type SignatureScheme } from './algorithms';
export { EXTENSION_NAMES, OID, type SubjectAltName } from './extensions';
export {
  FULCIO_EXTENSIONS,
  OID_FULCIO_OTHERNAME_SAN,
  fulcioExtension,
  oidcIssuer,
  type FulcioClaimKey,
  type FulcioClaims,
  type FulcioEncoding,
  type FulcioExtension,
} from './fulcio-extensions';
export { verifyLeafProfile } from './leaf-profile';
export { isSelfSigned, isSignedBy, verifyCertificateChain, type ChainResult } from './chain';
export { parseSctList, precertificateTbs, verifyEmbeddedScts, verifySctThreshold, type SctResult, type SignedCertificateTimestamp } from './sct';
export { formatTime } from './time';
