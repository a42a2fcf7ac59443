// An RFC 3161 time-stamping authority issuing TimeStampResp structures in the form the
// Sigstore TSA returns: CMS SignedData (RFC 5652) over a TSTInfo, signed attributes with
// contentType, signingTime, messageDigest and SigningCertificateV2 (RFC 5035 ESSCertIDv2).
import { randomBytes } from 'node:crypto';
import { ctx, generalizedTime, int, intBytes, nul, octets, oid, seq, set, tlv, utcTime, children, type Der } from './der.ts';
import { createRootCa, type CertifiedKey } from './ca.ts';
import { OID_HASH, digest, generateKey, type KeyAlgorithm } from './keys.ts';
import {
  OID,
  authorityKeyId,
  encodeName,
  extKeyUsage,
  issueCertificate,
  keyUsage,
  randomSerial,
  subjectKeyId,
  type DistinguishedName,
} from './x509.ts';

export interface TsaOptions {
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyAlgorithm?: KeyAlgorithm;
  readonly organization?: string;
  readonly rootCommonName?: string;
  readonly leafCommonName?: string;
}

export interface TimestampRequest {
  /** The bytes being timestamped (Sigstore: the signature bytes). */
  readonly data: Uint8Array;
  readonly genTime: Date;
  /** Embed the TSA leaf certificate in SignedData.certificates (default true). */
  readonly embedCertificate?: boolean;
  /** Include a nonce in the TSTInfo (default true). */
  readonly nonce?: boolean;
}

export interface TimestampAuthority {
  readonly root: CertifiedKey;
  readonly leaf: CertifiedKey;
  /** Leaf first, then root (trusted root certChain order). */
  readonly chain: readonly Uint8Array[];
  /** A granted TimeStampResp (RFC 3161 §2.4.2) with a SHA-256 message imprint over `data`. */
  timestamp(request: TimestampRequest): Uint8Array;
}

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47';
const SIGSTORE_TSA_POLICY = '1.3.6.1.4.1.57264.2';

// Creates a TSA: self-signed root and a leaf with critical EKU timeStamping (RFC 3161 §2.3).
export function createTsa(options: TsaOptions): TimestampAuthority {
  const algorithm = options.keyAlgorithm ?? 'ecdsa-p384';
  const organization = options.organization ?? 'sigstore.dev';
  const rootName: DistinguishedName = { organization, commonName: options.rootCommonName ?? 'sigstore-tsa-selfsigned' };
  const leafName: DistinguishedName = { organization, commonName: options.leafCommonName ?? 'sigstore-tsa' };
  const root = createRootCa(algorithm, rootName, options.notBefore, options.notAfter, 0);
  const leafKey = generateKey(algorithm);
  const leafSerial = randomSerial();
  const leafCertificate = issueCertificate(
    {
      serial: leafSerial,
      issuer: rootName,
      subject: leafName,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      spki: leafKey.spki,
      extensions: [
        keyUsage([0]),
        subjectKeyId(leafKey.spki),
        authorityKeyId(root.key.spki),
        extKeyUsage([OID.timeStamping], true),
      ],
    },
    root.key,
  );
  const leaf: CertifiedKey = { key: leafKey, certificate: leafCertificate, name: leafName };
  return {
    root,
    leaf,
    chain: [leafCertificate, root.certificate],
    timestamp: (request) => timeStampResp(leaf, rootName, leafSerial, request),
  };
}

// AlgorithmIdentifier for SHA-256 without parameters (as in CMS digestAlgorithms).
function sha256Id(): Der {
  return seq(oid(OID_HASH.sha256));
}

// TSTInfo (RFC 3161 §2.4.2): version 1, policy, imprint, serial, genTime, accuracy 1s, nonce, tsa name.
function tstInfo(tsaName: DistinguishedName, request: TimestampRequest): Der {
  const imprint = seq(seq(oid(OID_HASH.sha256), nul()), octets(digest('sha256', request.data)));
  const parts: Der[] = [
    int(1),
    oid(SIGSTORE_TSA_POLICY),
    imprint,
    intBytes(randomSerial()),
    generalizedTime(request.genTime),
    seq(int(1)),
  ];
  if (request.nonce ?? true) parts.push(intBytes(new Uint8Array(randomBytes(8))));
  parts.push(ctx(0, ctx(4, encodeName(tsaName))));
  return seq(...parts);
}

// One signed attribute: SEQUENCE { type, SET OF value }.
function attribute(type: string, value: Der): Der {
  return seq(oid(type), set(value));
}

// Builds the granted TimeStampResp around a SignedData signed by the TSA leaf.
function timeStampResp(leaf: CertifiedKey, issuerName: DistinguishedName, leafSerial: Uint8Array, request: TimestampRequest): Uint8Array {
  const content = tstInfo(leaf.name, request);
  const issuerSerial = seq(encodeName(issuerName), intBytes(leafSerial));
  const essCertIdV2 = seq(octets(digest('sha256', leaf.certificate)), seq(seq(ctx(4, encodeName(issuerName))), intBytes(leafSerial)));
  const signedAttrs = set(
    attribute(OID_CONTENT_TYPE, oid(OID_TST_INFO)),
    attribute(OID_SIGNING_TIME, utcTime(request.genTime)),
    attribute(OID_MESSAGE_DIGEST, octets(digest('sha256', content))),
    attribute(OID_SIGNING_CERT_V2, seq(seq(essCertIdV2))),
  );
  // The signature covers the DER SET OF attributes (RFC 5652 §5.4); the SignerInfo stores it as [0] IMPLICIT.
  const signature = leaf.key.sign(signedAttrs, 'sha256');
  const signerInfo = seq(
    int(1),
    issuerSerial,
    sha256Id(),
    tlv(0xa0, ...children(signedAttrs)),
    leaf.key.signatureAlgorithm('sha256'),
    octets(signature),
  );
  const certificates = request.embedCertificate ?? true ? ctx(0, leaf.certificate) : ctx(0);
  const signedData = seq(
    int(3),
    set(sha256Id()),
    seq(oid(OID_TST_INFO), ctx(0, octets(content))),
    certificates,
    set(signerInfo),
  );
  const contentInfo = seq(oid(OID_SIGNED_DATA), ctx(0, signedData));
  return seq(seq(int(0)), contentInfo);
}
