// Public keys from SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): algorithm detection and WebCrypto import.
import { VerifyError } from '../errors';
import { decodeOid, encodeTlv, readChildren, readTlv } from '../encoding/der';
import { concatBytes, bufferSource } from '../encoding/bytes';
import { subtle, type HashAlg } from './digest';

export type Curve = 'P-256' | 'P-384' | 'P-521';

export type PublicKey =
  | { kind: 'ec'; curve: Curve; spki: Uint8Array; point: Uint8Array; description: string }
  | { kind: 'rsa'; pssOnly: boolean; bits: number; spki: Uint8Array; modulus: Uint8Array; exponent: Uint8Array; description: string }
  | { kind: 'ed25519'; spki: Uint8Array; raw: Uint8Array; description: string };

const OID_EC = '1.2.840.10045.2.1';
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_ED25519 = '1.3.101.112';
const CURVES: Record<string, Curve> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

// Parse an SPKI and name its algorithm; throws KEY_UNSUPPORTED for anything Sigstore does not use.
export function parsePublicKey(spki: Uint8Array, where = 'public key'): PublicKey {
  const outer = readTlv(spki, 0, where);
  if (outer.tag !== 0x30 || outer.end !== spki.length) throw new VerifyError('DER_INVALID', `${where} is not a DER SubjectPublicKeyInfo`, { where });
  const [algId, bitString] = readChildren(outer.value, where);
  if (!algId || !bitString || algId.tag !== 0x30 || bitString.tag !== 0x03) {
    throw new VerifyError('DER_INVALID', `${where} is not a SubjectPublicKeyInfo`, { where });
  }
  const [oidTlv, params] = readChildren(algId.value, where);
  if (!oidTlv || oidTlv.tag !== 0x06) throw new VerifyError('DER_INVALID', `${where} has no algorithm OID`, { where });
  const oid = decodeOid(oidTlv.value);
  const keyBits = bitString.value.subarray(1);
  if (bitString.value[0] !== 0) throw new VerifyError('DER_INVALID', `${where} key bit string has unused bits`, { where });

  if (oid === OID_EC) {
    const curve = params?.tag === 0x06 ? CURVES[decodeOid(params.value)] : undefined;
    if (!curve) throw new VerifyError('KEY_UNSUPPORTED', `${where} uses an unsupported elliptic curve`, { where, expected: 'P-256, P-384 or P-521' });
    return { kind: 'ec', curve, spki, point: keyBits, description: `ECDSA ${curve}` };
  }
  if (oid === OID_RSA || oid === OID_RSA_PSS) return rsaKey(keyBits, oid === OID_RSA_PSS, spki, where);
  if (oid === OID_ED25519) {
    if (keyBits.length !== 32) throw new VerifyError('DER_INVALID', `${where} Ed25519 key is not 32 bytes`, { where });
    return { kind: 'ed25519', spki, raw: keyBits, description: 'Ed25519' };
  }
  throw new VerifyError('KEY_UNSUPPORTED', `${where} has unsupported key algorithm ${oid}`, { where, found: oid });
}

// A bare PKCS#1 RSAPublicKey (RFC 8017 A.1.1), as some trusted roots list CT log keys (PKCS1_RSA_*).
export function parsePkcs1RsaPublicKey(der: Uint8Array, where = 'public key'): PublicKey {
  return rsaKey(der, false, undefined, where);
}

// RSAPublicKey ::= SEQUENCE { modulus, publicExponent }; 2048 to 4096 bits.
function rsaKey(der: Uint8Array, pssOnly: boolean, spki: Uint8Array | undefined, where: string): PublicKey {
  const rsa = readTlv(der, 0, where);
  const [n, e] = readChildren(rsa.value, where);
  if (rsa.tag !== 0x30 || !n || !e || n.tag !== 0x02 || e.tag !== 0x02) throw new VerifyError('DER_INVALID', `${where} is not an RSA public key`, { where });
  const modulus = stripLeadingZeros(n.value);
  const bits = modulus.length * 8 - Math.clz32(modulus[0] ?? 0) + 24;
  if (bits < 2048 || bits > 4096) {
    throw new VerifyError('KEY_UNSUPPORTED', `${where} is a ${bits}-bit RSA key`, { where, expected: '2048 to 4096 bits', found: String(bits) });
  }
  const exponent = stripLeadingZeros(e.value);
  const key = { kind: 'rsa' as const, pssOnly, bits, spki: spki ?? new Uint8Array(), modulus, exponent, description: `RSA ${bits}${pssOnly ? ' (PSS)' : ''}` };
  return spki ? key : { ...key, spki: rsaEncryptionSpki(key) };
}

function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

// The hash Sigstore pairs with a key when nothing else names one (Sigstore algorithm registry).
export function defaultHash(key: PublicKey): HashAlg {
  if (key.kind === 'ec') return key.curve === 'P-256' ? 'SHA-256' : key.curve === 'P-384' ? 'SHA-384' : 'SHA-512';
  return 'SHA-256';
}

type ImportKind = 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss' | 'ed25519';
const keyCache = new WeakMap<PublicKey, Map<string, Promise<CryptoKey>>>();

// Import (once per key, scheme and hash) the WebCrypto key for verification.
export function cryptoKeyFor(key: PublicKey, kind: ImportKind, hash: HashAlg): Promise<CryptoKey> {
  let perKey = keyCache.get(key);
  if (!perKey) keyCache.set(key, (perKey = new Map()));
  const cacheKey = `${kind}/${hash}`;
  let imported = perKey.get(cacheKey);
  if (!imported) {
    const algorithm: EcKeyImportParams | RsaHashedImportParams | Algorithm =
      kind === 'ecdsa'
        ? { name: 'ECDSA', namedCurve: (key as { curve: Curve }).curve }
        : kind === 'ed25519'
          ? { name: 'Ed25519' }
          : { name: kind === 'rsa-pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash };
    // WebCrypto refuses the RSASSA-PSS SPKI OID; import PSS-only keys through their rsaEncryption form.
    const spki = key.kind === 'rsa' && key.pssOnly ? rsaEncryptionSpki(key) : key.spki;
    imported = subtle()
      .importKey('spki', bufferSource(spki), algorithm, false, ['verify'])
      .catch((err: unknown) => {
        // WebCrypto refuses points off the curve and similar: the key is broken, not Signet.
        throw new VerifyError('KEY_INVALID', `the ${key.description} public key is not a valid key: ${(err as Error).message}`, { expected: `a valid ${key.description} key` });
      });
    perKey.set(cacheKey, imported);
  }
  return imported;
}

// Re-wrap an RSA key under the rsaEncryption algorithm identifier.
function rsaEncryptionSpki(key: Extract<PublicKey, { kind: 'rsa' }>): Uint8Array {
  const int = (v: Uint8Array) => encodeTlv(0x02, v[0]! & 0x80 ? concatBytes(Uint8Array.of(0), v) : v);
  const rsaKey = encodeTlv(0x30, concatBytes(int(key.modulus), int(key.exponent)));
  const algId = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00);
  return encodeTlv(0x30, concatBytes(algId, encodeTlv(0x03, concatBytes(Uint8Array.of(0), rsaKey))));
}
