// Signing keys of every algorithm Sigstore clients meet, with the identifiers each
// format needs: DER SPKI, PEM, protobuf-specs PublicKeyDetails and X.509 AlgorithmIdentifiers.
import { createHash, generateKeyPairSync, sign as nodeSign, constants, type KeyObject } from 'node:crypto';
import { int, nul, oid, seq, ctx, type Der } from './der.ts';

export type KeyAlgorithm =
  | 'ecdsa-p256'
  | 'ecdsa-p384'
  | 'ecdsa-p521'
  | 'rsa-pkcs1-2048'
  | 'rsa-pkcs1-3072'
  | 'rsa-pkcs1-4096'
  | 'rsa-pss-2048'
  | 'rsa-pss-3072'
  | 'rsa-pss-4096'
  | 'ed25519';

export type HashName = 'sha256' | 'sha384' | 'sha512';

export interface TestKey {
  readonly algorithm: KeyAlgorithm;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7). */
  readonly spki: Uint8Array;
  readonly pem: string;
  /** Hash the algorithm signs with; Ed25519 signs the message itself (RFC 8032 PureEdDSA). */
  readonly hash: HashName | undefined;
  /** Sigstore protobuf-specs PublicKeyDetails name. */
  readonly keyDetails: string;
  /** Signs data (hashing it per the algorithm); `hash` overrides the digest for ECDSA/RSA. */
  sign(data: Uint8Array, hash?: HashName): Uint8Array;
  /** AlgorithmIdentifier for signatures this key makes over certificates or CMS (RFC 5758, RFC 4055, RFC 8410). */
  signatureAlgorithm(hash?: HashName): Der;
}

interface AlgorithmProfile {
  readonly hash: HashName | undefined;
  readonly keyDetails: string;
  generate(): { privateKey: KeyObject; publicKey: KeyObject };
}

// Profile per algorithm: default digest, PublicKeyDetails name and key generation.
const PROFILES: Record<KeyAlgorithm, AlgorithmProfile> = {
  'ecdsa-p256': ecProfile('P-256', 'sha256', 'PKIX_ECDSA_P256_SHA_256'),
  'ecdsa-p384': ecProfile('P-384', 'sha384', 'PKIX_ECDSA_P384_SHA_384'),
  'ecdsa-p521': ecProfile('P-521', 'sha512', 'PKIX_ECDSA_P521_SHA_512'),
  'rsa-pkcs1-2048': rsaProfile(2048, 'PKIX_RSA_PKCS1V15_2048_SHA256'),
  'rsa-pkcs1-3072': rsaProfile(3072, 'PKIX_RSA_PKCS1V15_3072_SHA256'),
  'rsa-pkcs1-4096': rsaProfile(4096, 'PKIX_RSA_PKCS1V15_4096_SHA256'),
  'rsa-pss-2048': rsaProfile(2048, 'PKIX_RSA_PSS_2048_SHA256'),
  'rsa-pss-3072': rsaProfile(3072, 'PKIX_RSA_PSS_3072_SHA256'),
  'rsa-pss-4096': rsaProfile(4096, 'PKIX_RSA_PSS_4096_SHA256'),
  ed25519: {
    hash: undefined,
    keyDetails: 'PKIX_ED25519',
    generate: () => generateKeyPairSync('ed25519'),
  },
};

// Profile for an ECDSA curve.
function ecProfile(namedCurve: string, hash: HashName, keyDetails: string): AlgorithmProfile {
  return { hash, keyDetails, generate: () => generateKeyPairSync('ec', { namedCurve }) };
}

// Profile for an RSA modulus size (rsaEncryption SPKI; PKCS#1 v1.5 or PSS chosen at signing).
function rsaProfile(modulusLength: number, keyDetails: string): AlgorithmProfile {
  return { hash: 'sha256', keyDetails, generate: () => generateKeyPairSync('rsa', { modulusLength }) };
}

const OID_BY_ECDSA_HASH: Record<HashName, string> = {
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};
const OID_BY_RSA_HASH: Record<HashName, string> = {
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
export const OID_HASH: Record<HashName, string> = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

// RSASSA-PSS-params for SHA-256/MGF1-SHA-256/salt 32 (RFC 4055 §3.1).
function pssParams(hash: HashName): Der {
  const hashAlg = seq(oid(OID_HASH[hash]), nul());
  const saltLength = { sha256: 32, sha384: 48, sha512: 64 }[hash];
  return seq(ctx(0, hashAlg), ctx(1, seq(oid('1.2.840.113549.1.1.8'), hashAlg)), ctx(2, int(saltLength)));
}

// Wraps a generated key pair into a TestKey.
export function wrapKey(algorithm: KeyAlgorithm, pair: { privateKey: KeyObject; publicKey: KeyObject }): TestKey {
  const profile = PROFILES[algorithm];
  const spki = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
  const pem = String(pair.publicKey.export({ type: 'spki', format: 'pem' }));
  const isPss = algorithm.startsWith('rsa-pss');
  return {
    algorithm,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spki,
    pem,
    hash: profile.hash,
    keyDetails: profile.keyDetails,
    sign(data, hash) {
      const digest = profile.hash === undefined ? null : (hash ?? profile.hash);
      const key = isPss
        ? { key: pair.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
        : { key: pair.privateKey, dsaEncoding: 'der' as const };
      return new Uint8Array(nodeSign(digest, data, key));
    },
    signatureAlgorithm(hash) {
      const h = hash ?? profile.hash ?? 'sha256';
      if (algorithm === 'ed25519') return seq(oid('1.3.101.112'));
      if (isPss) return seq(oid('1.2.840.113549.1.1.10'), pssParams(h));
      if (algorithm.startsWith('rsa')) return seq(oid(OID_BY_RSA_HASH[h]), nul());
      return seq(oid(OID_BY_ECDSA_HASH[h]));
    },
  };
}

// Generates a fresh key of the given algorithm.
export function generateKey(algorithm: KeyAlgorithm): TestKey {
  return wrapKey(algorithm, PROFILES[algorithm].generate());
}

// Hashes bytes with a node digest name.
export function digest(hash: HashName, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(hash).update(data).digest());
}

// SHA-256 of bytes.
export function sha256(data: Uint8Array): Uint8Array {
  return digest('sha256', data);
}

// Standard base64 of bytes.
export function b64(data: Uint8Array): string {
  return Buffer.from(data).toString('base64');
}

// Lower-case hex of bytes.
export function hex(data: Uint8Array): string {
  return Buffer.from(data).toString('hex');
}

// UTF-8 bytes of a string.
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

// PEM armour for DER bytes (RFC 7468), 64-character lines, trailing newline.
export function toPem(label: string, der: Uint8Array): string {
  const body = b64(der).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

// Raw 32-byte Ed25519 public key from its SPKI (RFC 8410 §4).
export function ed25519Raw(spki: Uint8Array): Uint8Array {
  return spki.subarray(spki.length - 32);
}
