// A certificate transparency log that only issues SCTs for precertificates (RFC 6962 §3).
import { concat, octets } from './der.ts';
import { generateKey, sha256, type TestKey } from './keys.ts';
import { OID, tbsOf, tbsWithoutExtension } from './x509.ts';

export interface SctOptions {
  /** Milliseconds since the epoch carried by the SCT. */
  readonly timestamp: number;
  /** Opaque CtExtensions bytes (RFC 6962 §3.2), empty by default. */
  readonly extensions?: Uint8Array;
}

export interface CtLog {
  readonly key: TestKey;
  /** LogID: SHA-256 of the log's DER SPKI (RFC 6962 §3.2). */
  readonly logId: Uint8Array;
  readonly baseUrl: string;
  /** Issues a serialized SCT for a precertificate issued by the key with `issuerSpki` (RFC 6962 §3.1–3.2). */
  signPrecertificate(precertificate: Uint8Array, issuerSpki: Uint8Array, options: SctOptions): Uint8Array;
  /** Issues a serialized SCT over an already prepared TBSCertificate (no poison), for fault injection. */
  signTbs(tbs: Uint8Array, issuerSpki: Uint8Array, options: SctOptions): Uint8Array;
}

// Big-endian unsigned integer of `width` bytes (TLS presentation language, RFC 5246 §4.4).
export function uint(value: number | bigint, width: number): Uint8Array {
  const out = new Uint8Array(width);
  let v = BigInt(value);
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

// TLS opaque vector with a length prefix of `width` bytes.
export function vector(body: Uint8Array, width: number): Uint8Array {
  return concat(uint(body.length, width), body);
}

// The data an SCT signature covers for a precert_entry (RFC 6962 §3.2 digitally-signed struct).
export function sctSignedData(tbsWithoutPoison: Uint8Array, issuerSpki: Uint8Array, options: SctOptions): Uint8Array {
  return concat(
    Uint8Array.of(0, 0), // sct_version v1, signature_type certificate_timestamp
    uint(options.timestamp, 8),
    uint(1, 2), // entry_type precert_entry
    sha256(issuerSpki), // issuer_key_hash
    vector(tbsWithoutPoison, 3),
    vector(options.extensions ?? new Uint8Array(0), 2),
  );
}

// TLS SignatureAndHashAlgorithm for a key (RFC 5246 §7.4.1.4.1): sha256 with ecdsa(3) or rsa(1).
function signatureAndHash(key: TestKey): Uint8Array {
  return Uint8Array.of(4, key.algorithm.startsWith('rsa') ? 1 : 3);
}

// Creates a CT log with a fresh key (P-256 by default, as the public-good CT logs use).
export function createCtLog(baseUrl: string, algorithm: 'ecdsa-p256' | 'ecdsa-p384' | 'rsa-pkcs1-2048' = 'ecdsa-p256'): CtLog {
  const key = generateKey(algorithm);
  const logId = sha256(key.spki);
  const signTbs = (tbs: Uint8Array, issuerSpki: Uint8Array, options: SctOptions): Uint8Array => {
    const signature = key.sign(sctSignedData(tbs, issuerSpki, options), 'sha256');
    return concat(
      Uint8Array.of(0),
      logId,
      uint(options.timestamp, 8),
      vector(options.extensions ?? new Uint8Array(0), 2),
      signatureAndHash(key),
      vector(signature, 2),
    );
  };
  return {
    key,
    logId,
    baseUrl,
    signTbs,
    signPrecertificate(precertificate, issuerSpki, options) {
      return signTbs(tbsWithoutExtension(tbsOf(precertificate), OID.ctPoison), issuerSpki, options);
    },
  };
}

// extnValue contents of the embedded SCT list extension: an OCTET STRING holding the
// TLS SignedCertificateTimestampList (RFC 6962 §3.3).
export function sctListExtensionValue(serializedScts: readonly Uint8Array[]): Uint8Array {
  const list = concat(...serializedScts.map((s) => vector(s, 2)));
  return octets(vector(list, 2));
}
