// A Fulcio-like certificate authority: self-signed root, intermediate, and short-lived
// code-signing leaves with Fulcio extensions and embedded SCTs (RFC 6962 §3.1 precertificate flow).
import { nul } from './der.ts';
import { sctListExtensionValue } from './ct-log.ts';
import { fulcioExtensions, type SigningIdentity } from './fulcio-extensions.ts';
import { generateKey, type KeyAlgorithm, type TestKey } from './keys.ts';
import {
  OID,
  authorityKeyId,
  caConstraints,
  extKeyUsage,
  issueCertificate,
  keyUsage,
  randomSerial,
  subjectAltName,
  subjectKeyId,
  type DistinguishedName,
  type Extension,
} from './x509.ts';

export interface CaOptions {
  readonly keyAlgorithm?: KeyAlgorithm;
  readonly organization?: string;
  readonly rootCommonName?: string;
  readonly intermediateCommonName?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface CertifiedKey {
  readonly key: TestKey;
  readonly certificate: Uint8Array;
  readonly name: DistinguishedName;
}

/** Issues the serialized SCT for a precertificate; absent means no SCT extension. */
export type SctIssuer = (precertificate: Uint8Array, issuerSpki: Uint8Array) => Uint8Array;

export interface LeafRequest {
  readonly spki: Uint8Array;
  readonly identity: SigningIdentity;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly sct?: SctIssuer;
}

export interface IssuedLeaf {
  readonly certificate: Uint8Array;
  /** The precertificate submitted to the CT log (poison extension, no SCT list). */
  readonly precertificate: Uint8Array | undefined;
  /** Issuer chain, intermediate first, then root. */
  readonly chain: readonly Uint8Array[];
}

export interface FulcioCa {
  readonly root: CertifiedKey;
  readonly intermediate: CertifiedKey;
  issueLeaf(request: LeafRequest): IssuedLeaf;
}

const DIGITAL_SIGNATURE = 0;
const KEY_CERT_SIGN = 5;
const CRL_SIGN = 6;

// Creates a root and an intermediate CA (P-384 by default, like the public-good Fulcio).
export function createFulcioCa(options: CaOptions): FulcioCa {
  const algorithm = options.keyAlgorithm ?? 'ecdsa-p384';
  const organization = options.organization ?? 'sigstore.dev';
  const rootName = { organization, commonName: options.rootCommonName ?? 'sigstore' };
  const intermediateName = { organization, commonName: options.intermediateCommonName ?? 'sigstore-intermediate' };
  const root = createRootCa(algorithm, rootName, options.notBefore, options.notAfter);
  const intermediateKey = generateKey(algorithm);
  const intermediate: CertifiedKey = {
    key: intermediateKey,
    name: intermediateName,
    certificate: issueCertificate(
      {
        serial: randomSerial(),
        issuer: rootName,
        subject: intermediateName,
        notBefore: options.notBefore,
        notAfter: options.notAfter,
        spki: intermediateKey.spki,
        extensions: [
          keyUsage([KEY_CERT_SIGN, CRL_SIGN]),
          extKeyUsage([OID.codeSigning]),
          caConstraints(0),
          subjectKeyId(intermediateKey.spki),
          authorityKeyId(root.key.spki),
        ],
      },
      root.key,
    ),
  };
  return {
    root,
    intermediate,
    issueLeaf: (request) => issueLeaf(intermediate, [intermediate.certificate, root.certificate], request),
  };
}

// Self-signed root CA certificate with keyCertSign/cRLSign and CA:TRUE.
export function createRootCa(algorithm: KeyAlgorithm, name: DistinguishedName, notBefore: Date, notAfter: Date, pathLen?: number): CertifiedKey {
  const key = generateKey(algorithm);
  const certificate = issueCertificate(
    {
      serial: randomSerial(),
      issuer: name,
      subject: name,
      notBefore,
      notAfter,
      spki: key.spki,
      extensions: [
        keyUsage([KEY_CERT_SIGN, CRL_SIGN]),
        caConstraints(pathLen),
        subjectKeyId(key.spki),
        authorityKeyId(key.spki),
      ],
    },
    key,
  );
  return { key, certificate, name };
}

// Issues a leaf: precertificate first when an SCT is wanted, then the final certificate whose
// extensions are the precertificate's minus the poison plus the SCT list appended last, so that
// removing the SCT extension from the final TBS yields exactly the bytes the log signed.
function issueLeaf(issuer: CertifiedKey, chain: readonly Uint8Array[], request: LeafRequest): IssuedLeaf {
  const serial = randomSerial();
  const extensions: Extension[] = [
    keyUsage([DIGITAL_SIGNATURE]),
    extKeyUsage([OID.codeSigning]),
    subjectKeyId(request.spki),
    authorityKeyId(issuer.key.spki),
    subjectAltName(request.identity.san),
    ...fulcioExtensions(request.identity),
  ];
  const fields = {
    serial,
    issuer: issuer.name,
    subject: {},
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    spki: request.spki,
  };
  if (!request.sct) {
    return { certificate: issueCertificate({ ...fields, extensions }, issuer.key), precertificate: undefined, chain };
  }
  const poison: Extension = { oid: OID.ctPoison, critical: true, value: nul() };
  const precertificate = issueCertificate({ ...fields, extensions: [...extensions, poison] }, issuer.key);
  const sct = request.sct(precertificate, issuer.key.spki);
  const sctExtension: Extension = { oid: OID.ctSctList, value: sctListExtensionValue([sct]) };
  const certificate = issueCertificate({ ...fields, extensions: [...extensions, sctExtension] }, issuer.key);
  return { certificate, precertificate, chain };
}
