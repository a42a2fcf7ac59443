// Algorithm identifiers a timestamp token may name: digests (RFC 5754 §2) and CMS signature algorithms (RFC 5754 §3).
import { HASH_OIDS, type HashAlg } from '../crypto';
import type { Tlv } from '../encoding';
import { parseSignatureAlgorithm, type SignatureScheme } from '../x509/algorithms';
import { Fields, TAG, oidOf, parseError } from './der-fields';

// AlgorithmIdentifier (RFC 5280 §4.1.1.2) naming a SHA-2 digest; parameters absent or NULL (RFC 5754 §2).
export function hashAlgorithmOf(tlv: Tlv, where: string): HashAlg {
  const f = new Fields(tlv, where);
  const oid = oidOf(f.next(TAG.oid, 'algorithm'));
  const params = f.optional(TAG.null);
  f.end();
  const hash = HASH_OIDS[oid];
  if (!hash) throw parseError(where, 'SHA-256, SHA-384 or SHA-512', oid);
  if (params && params.value.length !== 0) throw parseError(where, 'NULL or absent parameters', `${params.value.length} bytes`);
  return hash;
}

export interface SignatureAlgorithm {
  oid: string;
  scheme: SignatureScheme;
  /** The hash the algorithm names; absent when it takes the SignerInfo's digestAlgorithm. */
  hash?: HashAlg;
}

// CMS also lets a SignerInfo name just the key type, the hash coming from digestAlgorithm (RFC 5754 §3.2, RFC 3370 §3.2).
const KEY_TYPE_ONLY: Record<string, SignatureScheme> = {
  '1.2.840.113549.1.1.1': 'rsa-pkcs1',
  '1.2.840.10045.2.1': 'ecdsa',
};

// A SignerInfo.signatureAlgorithm: a key-type-only OID, or any algorithm an X.509 certificate may use.
export function parseCmsSignatureAlgorithm(algId: Tlv, where: string): SignatureAlgorithm {
  const oid = oidOf(new Fields(algId, where).next(TAG.oid, 'algorithm'));
  const scheme = KEY_TYPE_ONLY[oid];
  return scheme ? { oid, scheme } : parseSignatureAlgorithm(algId.value, where);
}
