// trusted_root.json (protobuf-specs dev.sigstore.trustroot.v1.TrustedRoot, JSON form) into the TrustedRoot model.
import { VerifyError } from '../errors';
import { LIMITS } from '../limits';
import { isJsonObject, JsonFields, parseJson, type JsonObject, type JsonValue } from '../encoding';
import { parsePkcs1RsaPublicKey, parsePublicKey, type HashAlg } from '../crypto';
import type { CertificateAuthority, TransparencyLogInstance, TrustedRoot, TrustSource, ValidityPeriod } from './types';

const f: JsonFields = new JsonFields('TRUST_ROOT_INVALID', 'TRUST_ROOT_INVALID');

const MEDIA_TYPE_PREFIX = 'application/vnd.dev.sigstore.trustedroot';
const HASH_ALGORITHMS: Record<string, HashAlg> = { SHA2_256: 'SHA-256', SHA2_384: 'SHA-384', SHA2_512: 'SHA-512' };

// Parse trusted_root.json text (size-capped).
export function parseTrustedRoot(text: string, source: Omit<TrustSource, 'date'>): TrustedRoot {
  return parseTrustedRootJson(parseJson(text, 'trusted root', LIMITS.trustedRootBytes), source);
}

// Validate a parsed trusted root; every key and CA a verification may use comes from here.
export function parseTrustedRootJson(json: JsonValue, source: Omit<TrustSource, 'date'>): TrustedRoot {
  const root = f.object(json, 'trustedRoot');
  const mediaType = f.string(root.mediaType, 'trustedRoot.mediaType');
  if (!mediaType.startsWith(MEDIA_TYPE_PREFIX)) f.invalid('trustedRoot.mediaType', `${MEDIA_TYPE_PREFIX}+json;version=0.1`, mediaType);
  const list = (key: string) => f.array(root[key] ?? [], `trustedRoot.${key}`, LIMITS.trustedRootEntities);
  const tlogs = list('tlogs').map((t, i) => parseLog(t, `tlogs[${i}]`));
  const ctlogs = list('ctlogs').map((t, i) => parseLog(t, `ctlogs[${i}]`));
  const certificateAuthorities = list('certificateAuthorities').map((c, i) => parseAuthority(c, `certificateAuthorities[${i}]`));
  // A timestamp authority without certificates cannot vouch for any time (sigstore-conformance
  // rekor2-timestamp-wrong-tsa-validity-borrow): it is left out and named, never borrowed from another entry.
  const unusable: string[] = [];
  const timestampAuthorities = list('timestampAuthorities').flatMap((c, i) => {
    const where = `timestampAuthorities[${i}]`;
    if (!hasNoCertificates(c)) return [parseAuthority(c, where)];
    unusable.push(`${where}: no certificate, so it can verify no timestamp`);
    return [];
  });
  const starts = [...tlogs, ...ctlogs, ...certificateAuthorities, ...timestampAuthorities].map((e) => e.validFor.start ?? 0);
  const newest = Math.max(0, ...starts);
  return {
    mediaType,
    tlogs,
    ctlogs,
    certificateAuthorities,
    timestampAuthorities,
    source: { ...source, ...(newest > 0 ? { date: new Date(newest).toISOString() } : {}) },
    ...(unusable.length > 0 ? { unusable } : {}),
  };
}

// An authority entry whose chain is absent or empty; any other malformation is parseAuthority's to report.
function hasNoCertificates(json: JsonValue): boolean {
  if (!isJsonObject(json)) return false;
  const chain = json.certChain;
  if (chain === undefined) return true;
  return isJsonObject(chain) && (chain.certificates === undefined || (Array.isArray(chain.certificates) && chain.certificates.length === 0));
}

// A TransparencyLogInstance; its key must have a validity start (a key trusted since forever is a malformed root).
function parseLog(json: JsonValue, where: string): TransparencyLogInstance {
  const log = f.object(json, where);
  const hashName = f.string(log.hashAlgorithm, `${where}.hashAlgorithm`);
  const hashAlgorithm = HASH_ALGORITHMS[hashName];
  if (!hashAlgorithm) f.invalid(`${where}.hashAlgorithm`, Object.keys(HASH_ALGORITHMS).join(' | '), hashName);
  const pk = f.object(log.publicKey, `${where}.publicKey`);
  const validFor = parseValidity(pk.validFor, `${where}.publicKey.validFor`);
  const rawKey = f.bytes(pk.rawBytes, `${where}.publicKey.rawBytes`);
  const keyDetails = f.optString(pk.keyDetails, `${where}.publicKey.keyDetails`) ?? '';
  let publicKey;
  try {
    // PKCS1_RSA_* keys are bare RSAPublicKey structures; every other key is a SubjectPublicKeyInfo.
    publicKey = keyDetails.startsWith('PKCS1_') ? parsePkcs1RsaPublicKey(rawKey, `${where}.publicKey`) : parsePublicKey(rawKey, `${where}.publicKey`);
  } catch (err) {
    throw new VerifyError('TRUST_ROOT_INVALID', `${where}.publicKey is not a usable key: ${(err as Error).message}`, { where: `${where}.publicKey` });
  }
  const checkpointKeyId = f.optObject(log.checkpointKeyId, `${where}.checkpointKeyId`);
  return {
    baseUrl: f.string(log.baseUrl, `${where}.baseUrl`),
    hashAlgorithm,
    publicKey,
    keyDetails,
    validFor,
    logId: f.bytes(f.object(log.logId, `${where}.logId`).keyId, `${where}.logId.keyId`),
    ...(checkpointKeyId ? { checkpointKeyId: f.bytes(checkpointKeyId.keyId, `${where}.checkpointKeyId.keyId`) } : {}),
    where,
  };
}

// A CertificateAuthority (Fulcio or TSA): subject, URI, DER chain and validity.
function parseAuthority(json: JsonValue, where: string): CertificateAuthority {
  const ca = f.object(json, where);
  const subject = f.optObject(ca.subject, `${where}.subject`) ?? {};
  const chain = f.object(ca.certChain, `${where}.certChain`);
  const certs = f.array(chain.certificates, `${where}.certChain.certificates`, LIMITS.chainLength);
  if (certs.length === 0) f.missing(`${where}.certChain.certificates`, 'at least one certificate');
  return {
    subject: {
      organization: f.optString(subject.organization, `${where}.subject.organization`) ?? '',
      commonName: f.optString(subject.commonName, `${where}.subject.commonName`) ?? '',
    },
    uri: f.optString(ca.uri, `${where}.uri`) ?? '',
    certChain: certs.map((c, i) => f.bytes(f.object(c, `${where}.certChain.certificates[${i}]`).rawBytes, `${where}.certChain.certificates[${i}].rawBytes`)),
    validFor: parseValidity(ca.validFor, `${where}.validFor`),
    where,
  };
}

// TimeRange {start, end?}: start is required, end open-ended when absent (protobuf-specs TimeRange).
function parseValidity(json: JsonValue | undefined, where: string): ValidityPeriod {
  const range: JsonObject = f.object(json, where);
  const start = parseTimestamp(f.string(range.start, `${where}.start`), `${where}.start`);
  const endText = f.optString(range.end, `${where}.end`);
  return endText === undefined ? { start } : { start, end: parseTimestamp(endText, `${where}.end`) };
}

// RFC 3339 timestamp to epoch milliseconds (fractions beyond milliseconds are truncated).
function parseTimestamp(text: string, where: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const ms = m ? Date.parse(`${m[1]}${m[2] ? m[2].slice(0, 4).padEnd(4, '0') : ''}${m[3]}`) : NaN;
  if (Number.isNaN(ms)) f.invalid(where, 'an RFC 3339 timestamp', text);
  return ms;
}
