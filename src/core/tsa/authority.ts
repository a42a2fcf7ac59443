// Timestamp authorities of the trusted root: their certificates parsed once, and signature checks with their keys.
import { verifySignature, type HashAlg, type PublicKey } from '../crypto';
import { parseCertificate, type Certificate } from '../x509/certificate';
import type { CertificateAuthority } from '../trust/types';
import type { SignatureAlgorithm } from './algorithms';

const parsed = new WeakMap<CertificateAuthority, Certificate[] | null>();

// The authority's chain (signing certificate first), parsed once; null when the trusted root holds a bad certificate.
export function authorityCertificates(ca: CertificateAuthority): Certificate[] | null {
  let certs = parsed.get(ca);
  if (certs === undefined) {
    try {
      certs = ca.certChain.length > 0 ? ca.certChain.map((der, i) => parseCertificate(der, `${ca.where}.certChain.certificates[${i}]`)) : null;
    } catch {
      certs = null; // such an authority can match no timestamp; the trusted-root step reports the certificate itself
    }
    parsed.set(ca, certs);
  }
  return certs;
}

const KEY_KINDS: Record<SignatureAlgorithm['scheme'], PublicKey['kind']> = { ecdsa: 'ec', 'rsa-pkcs1': 'rsa', 'rsa-pss': 'rsa', ed25519: 'ed25519' };

// Verify a signature whose algorithm must fit the key's type; hash is the algorithm's own or the fallback.
export async function verifyWithKey(key: PublicKey, alg: SignatureAlgorithm, fallbackHash: HashAlg, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  if (KEY_KINDS[alg.scheme] !== key.kind) return false;
  const rsaScheme = alg.scheme === 'rsa-pkcs1' ? 'pkcs1' : alg.scheme === 'rsa-pss' ? 'pss' : undefined;
  try {
    return await verifySignature(key, signature, data, { hash: alg.hash ?? fallbackHash, ...(rsaScheme && { rsaScheme }) });
  } catch {
    return false; // WebCrypto rejects some malformed inputs instead of returning false
  }
}
