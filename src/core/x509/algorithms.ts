// Signature algorithm identifiers used by X.509 certificates (RFC 5758 §3.2, RFC 4055 §5, RFC 8410 §3).
import { VerifyError } from '../errors';
import { HASH_LENGTH, HASH_OIDS, type HashAlg } from '../crypto';
import { decodeOid, readChildren, readTlv } from '../encoding';

export type SignatureScheme = 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss' | 'ed25519';

export interface SignatureAlgorithm {
  oid: string;
  name: string;
  hash: HashAlg;
  scheme: SignatureScheme;
}

const OID_RSA_PSS = '1.2.840.113549.1.1.10';

const FIXED: Record<string, Omit<SignatureAlgorithm, 'oid'>> = {
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'SHA-256', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'SHA-384', scheme: 'ecdsa' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'SHA-512', scheme: 'ecdsa' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'SHA-256', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'SHA-384', scheme: 'rsa-pkcs1' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'SHA-512', scheme: 'rsa-pkcs1' },
  '1.3.101.112': { name: 'Ed25519', hash: 'SHA-512', scheme: 'ed25519' },
};

// Decode an AlgorithmIdentifier (its SEQUENCE content) into the hash and scheme to verify with.
export function parseSignatureAlgorithm(algId: Uint8Array, where: string): SignatureAlgorithm {
  const [oidTlv, params, extra] = readChildren(algId, where);
  if (!oidTlv || oidTlv.tag !== 0x06 || extra) throw new VerifyError('DER_INVALID', `${where}: malformed AlgorithmIdentifier`, { where });
  const oid = decodeOid(oidTlv.value);
  const fixed = FIXED[oid];
  if (fixed) {
    // RSA PKCS#1 carries NULL parameters (RFC 4055 §5); ECDSA and Ed25519 none (RFC 5758 §3.2, RFC 8410 §3).
    const nullOk = fixed.scheme === 'rsa-pkcs1' && params?.tag === 0x05 && params.value.length === 0;
    if (params && !nullOk) throw new VerifyError('DER_INVALID', `${where}: unexpected parameters for ${fixed.name}`, { where });
    return { oid, ...fixed };
  }
  if (oid === OID_RSA_PSS && params?.tag === 0x30) return { oid, name: 'RSASSA-PSS', hash: pssHash(params.value, where), scheme: 'rsa-pss' };
  throw new VerifyError('KEY_UNSUPPORTED', `${where}: unsupported signature algorithm ${oid}`, {
    where,
    expected: 'ECDSA, RSA PKCS#1 v1.5, RSA-PSS (SHA-2) or Ed25519',
    found: oid,
  });
}

// RSASSA-PSS-params (RFC 4055 §3.1): the hash, which must also fix the MGF1 hash and the salt length.
function pssHash(params: Uint8Array, where: string): HashAlg {
  let hash: HashAlg | undefined;
  let salt = 20;
  for (const field of readChildren(params, where)) {
    const inner = readTlv(field.value, 0, where);
    if (field.tag === 0xa0 && inner.tag === 0x30) {
      const hashOid = readTlv(inner.value, 0, where);
      hash = hashOid.tag === 0x06 ? HASH_OIDS[decodeOid(hashOid.value)] : undefined;
    } else if (field.tag === 0xa2 && inner.tag === 0x02 && inner.value.length <= 2) {
      salt = inner.value.reduce((n, b) => n * 256 + b, 0);
    }
  }
  if (!hash || salt !== HASH_LENGTH[hash]) {
    throw new VerifyError('KEY_UNSUPPORTED', `${where}: RSA-PSS parameters other than SHA-2 with a salt of the hash length`, {
      where,
      expected: 'SHA-256/384/512 with salt length equal to the hash length',
      found: `${hash ?? 'other hash'}, salt ${salt}`,
    });
  }
  return hash;
}
