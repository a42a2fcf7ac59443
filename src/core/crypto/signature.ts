// Signature verification over whole messages with WebCrypto, and over bare digests where WebCrypto cannot.
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { VerifyError } from '../errors';
import { readChildren, readInteger, readTlv } from '../encoding/der';
import { bytesEqual, concatBytes, fromHex, bufferSource } from '../encoding';
import { HASH_LENGTH, subtle, type HashAlg } from './digest';
import { cryptoKeyFor, defaultHash, type Curve, type PublicKey } from './keys';

const FIELD_BYTES: Record<Curve, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export interface VerifyOptions {
  /** Hash the signature scheme uses; defaults to the key's Sigstore default. */
  hash?: HashAlg;
  /** For RSA keys: which padding. Unspecified tries PKCS#1 v1.5, then PSS. */
  rsaScheme?: 'pkcs1' | 'pss';
}

// Verify a signature over a message. ECDSA signatures are DER (as X.509, Sigstore and cosign write them).
export async function verifySignature(key: PublicKey, signature: Uint8Array, data: Uint8Array, opts: VerifyOptions = {}): Promise<boolean> {
  const hash = opts.hash ?? defaultHash(key);
  const s = subtle();
  switch (key.kind) {
    case 'ec': {
      const raw = ecdsaDerToRaw(signature, FIELD_BYTES[key.curve]);
      if (!raw) return false;
      const ck = await cryptoKeyFor(key, 'ecdsa', hash);
      return s.verify({ name: 'ECDSA', hash }, ck, bufferSource(raw), bufferSource(data));
    }
    case 'ed25519': {
      const ck = await cryptoKeyFor(key, 'ed25519', hash);
      return s.verify({ name: 'Ed25519' }, ck, bufferSource(signature), bufferSource(data));
    }
    case 'rsa': {
      const schemes = opts.rsaScheme ? [opts.rsaScheme] : key.pssOnly ? ['pss' as const] : ['pkcs1' as const, 'pss' as const];
      for (const scheme of schemes) {
        if (scheme === 'pkcs1') {
          const ck = await cryptoKeyFor(key, 'rsa-pkcs1', hash);
          if (await s.verify({ name: 'RSASSA-PKCS1-v1_5' }, ck, bufferSource(signature), bufferSource(data))) return true;
        } else {
          const ck = await cryptoKeyFor(key, 'rsa-pss', hash);
          const params = { name: 'RSA-PSS', saltLength: HASH_LENGTH[hash] };
          if (await s.verify(params, ck, bufferSource(signature), bufferSource(data))) return true;
        }
      }
      return false;
    }
  }
}

// Verify a signature given only the message digest (the user typed sha256:…, the artifact is absent).
// WebCrypto has no pre-hashed mode, so ECDSA goes through @noble/curves (audited) and RSA PKCS#1 v1.5
// is checked by the RSAVP1 + EMSA-PKCS1-v1_5 comparison of RFC 8017 §8.2.2. Ed25519 and PSS cannot be.
export function verifyDigestSignature(key: PublicKey, signature: Uint8Array, messageDigest: Uint8Array, hash: HashAlg): boolean {
  if (messageDigest.length !== HASH_LENGTH[hash]) return false;
  switch (key.kind) {
    case 'ec': {
      const curve = key.curve === 'P-256' ? p256 : key.curve === 'P-384' ? p384 : p521;
      try {
        return curve.verify(signature, messageDigest, key.point, { prehash: false, format: 'der', lowS: false });
      } catch {
        return false;
      }
    }
    case 'rsa':
      if (key.pssOnly) break;
      return rsaPkcs1VerifyDigest(key, signature, messageDigest, hash);
    case 'ed25519':
      break;
  }
  throw new VerifyError('KEY_UNSUPPORTED', `a ${key.description} signature cannot be checked against a digest alone; give the artifact itself`, {
    expected: 'the artifact bytes',
    found: 'only its digest',
  });
}

// DER SEQUENCE { r INTEGER, s INTEGER } to the fixed-width r‖s WebCrypto expects; null when malformed.
export function ecdsaDerToRaw(sig: Uint8Array, size: number): Uint8Array | null {
  try {
    const seq = readTlv(sig, 0, 'ECDSA signature');
    if (seq.tag !== 0x30 || seq.end !== sig.length) return null;
    const parts = readChildren(seq.value, 'ECDSA signature');
    if (parts.length !== 2 || parts.some((p) => p.tag !== 0x02)) return null;
    const out = new Uint8Array(size * 2);
    for (const [i, part] of parts.entries()) {
      let v = readInteger(part, 'ECDSA signature');
      while (v.length > 1 && v[0] === 0) v = v.subarray(1);
      if (v.length > size) return null;
      out.set(v, size * (i + 1) - v.length);
    }
    return out;
  } catch {
    return null;
  }
}

// DigestInfo prefixes (RFC 8017 §9.2 note 1).
const DIGEST_INFO: Record<HashAlg, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

function rsaPkcs1VerifyDigest(key: Extract<PublicKey, { kind: 'rsa' }>, signature: Uint8Array, messageDigest: Uint8Array, hash: HashAlg): boolean {
  const k = key.modulus.length;
  if (signature.length !== k) return false;
  const n = toBigInt(key.modulus);
  const s = toBigInt(signature);
  if (s >= n) return false;
  const em = fromBigInt(modPow(s, toBigInt(key.exponent), n), k);
  const t = concatBytes(fromHex(DIGEST_INFO[hash]), messageDigest);
  const expected = new Uint8Array(k).fill(0xff);
  expected[0] = 0;
  expected[1] = 1;
  expected[k - t.length - 1] = 0;
  expected.set(t, k - t.length);
  return k - t.length - 3 >= 8 && bytesEqual(em, expected);
}

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function fromBigInt(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}
