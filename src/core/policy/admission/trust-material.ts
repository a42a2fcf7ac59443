// Trust carried by an admission policy (Kyverno roots/rekor/ctlog keys, a policy-controller TrustRoot) as a TrustedRoot.
import { sha256 } from '@noble/hashes/sha2.js';
import { VerifyError } from '../../errors';
import { parsePem, toBase64, type JsonObject } from '../../encoding';
import { parseTrustedRootJson, type TrustedRoot } from '../../trust';

/** One part of a trust root as a policy spells it: PEM text, and where in the policy it sits. */
export interface PemPart {
  pem: string;
  where: string;
  /** Log or CA URL, shown as the entry's base URL. */
  url?: string;
}

/** The parts a policy replaces; every part it leaves out comes from the trusted root the user chose. */
export interface TrustParts {
  certificateAuthorities?: PemPart[];
  tlogs?: PemPart[];
  ctlogs?: PemPart[];
  timestampAuthorities?: PemPart[];
}

const SINCE_EVER = '1970-01-01T00:00:00Z';

// The certificates of a PEM chain, issuing certificate first and root last (as trusted_root.json orders them).
function chainOf(part: PemPart): JsonObject {
  const certs = parsePem(part.pem, part.where).filter((b) => b.label === 'CERTIFICATE');
  if (certs.length === 0) throw new VerifyError('ADMISSION_POLICY_INVALID', `${part.where} holds no CERTIFICATE block`, { where: part.where, expected: '-----BEGIN CERTIFICATE-----' });
  return { certificates: certs.map((c) => ({ rawBytes: toBase64(c.der) })) };
}

// One log's public key as a trusted_root.json entry; its log ID is the SHA-256 of the key (RFC 6962 §3.2).
function logOf(part: PemPart): JsonObject[] {
  const keys = parsePem(part.pem, part.where).filter((b) => b.label === 'PUBLIC KEY');
  if (keys.length === 0) throw new VerifyError('ADMISSION_POLICY_INVALID', `${part.where} holds no PUBLIC KEY block`, { where: part.where, expected: '-----BEGIN PUBLIC KEY-----' });
  return keys.map((k) => ({
    baseUrl: part.url ?? '',
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: toBase64(k.der), validFor: { start: SINCE_EVER } },
    logId: { keyId: toBase64(sha256(k.der)) },
  }));
}

// A certificate authority entry with an open validity, as the controllers trust a configured root.
function authorityOf(part: PemPart): JsonObject {
  return { subject: {}, uri: part.url ?? '', certChain: chainOf(part), validFor: { start: SINCE_EVER } };
}

// The base root with the policy's parts swapped in, validated by the same parser as trusted_root.json.
export function trustWithParts(base: TrustedRoot, parts: TrustParts, label: string): TrustedRoot {
  const json: JsonObject = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    ...(parts.certificateAuthorities ? { certificateAuthorities: parts.certificateAuthorities.map(authorityOf) } : {}),
    ...(parts.tlogs ? { tlogs: parts.tlogs.flatMap(logOf) } : {}),
    ...(parts.ctlogs ? { ctlogs: parts.ctlogs.flatMap(logOf) } : {}),
    ...(parts.timestampAuthorities ? { timestampAuthorities: parts.timestampAuthorities.map(authorityOf) } : {}),
  };
  const replaced = Object.keys(parts).filter((k) => parts[k as keyof TrustParts] !== undefined);
  const parsed = parseTrustedRootJson(json, { name: label, description: `${replaced.join(', ')} from the policy; the rest from ${base.source.name}` });
  return {
    ...base,
    ...(parts.certificateAuthorities ? { certificateAuthorities: parsed.certificateAuthorities } : {}),
    ...(parts.tlogs ? { tlogs: parsed.tlogs } : {}),
    ...(parts.ctlogs ? { ctlogs: parsed.ctlogs } : {}),
    ...(parts.timestampAuthorities ? { timestampAuthorities: parsed.timestampAuthorities } : {}),
    source: parsed.source,
  };
}
