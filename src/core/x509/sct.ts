// Embedded Signed Certificate Timestamps (RFC 6962 §3.2–3.3) verified against the CT logs of the trusted root.
import { VerifyError, type ErrorCode, type ErrorDetail } from '../errors';
import { sha256, verifySignature, type HashAlg, type PublicKey } from '../crypto';
import { bytesEqual, concatBytes, decodeOid, encodeTlv, readChildren, readTlv, toHex } from '../encoding';
import { isWithin, type TransparencyLogInstance } from '../trust/types';
import type { Certificate } from './certificate';
import { OID } from './extensions';
import { formatTime } from './time';

export interface SctResult {
  /** The SCT's log ID (SHA-256 of the log's DER public key), hex. */
  logId: string;
  logBaseUrl?: string;
  /** ms since the epoch. */
  timestamp: number;
  verified: boolean;
  code?: ErrorCode;
  detail?: ErrorDetail;
  extensionsHex: string;
}

/** One SCT as carried in the list (RFC 6962 §3.2, version v1). */
export interface SignedCertificateTimestamp {
  logId: Uint8Array;
  /** The 8 timestamp bytes exactly as signed. */
  timestampBytes: Uint8Array;
  timestamp: number;
  extensions: Uint8Array;
  hashAlgorithm: number;
  signatureAlgorithm: number;
  signature: Uint8Array;
  where: string;
}

// TLS HashAlgorithm and SignatureAlgorithm codes (RFC 5246 §7.4.1.4.1) usable by CT logs.
const TLS_HASHES: Record<number, HashAlg> = { 4: 'SHA-256', 5: 'SHA-384', 6: 'SHA-512' };
const TLS_SIGNATURES: Record<number, { kind: PublicKey['kind']; name: string }> = { 1: { kind: 'rsa', name: 'RSA PKCS#1 v1.5' }, 3: { kind: 'ec', name: 'ECDSA' } };

// A bounds-checked cursor over TLS presentation-language bytes (RFC 5246 §4).
class TlsReader {
  private pos = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly where: string,
  ) {}

  // The next n bytes; SCT_MALFORMED when fewer remain.
  take(n: number, what: string): Uint8Array {
    if (this.pos + n > this.bytes.length) {
      throw new VerifyError('SCT_MALFORMED', `${this.where}: ${what} runs past the end`, {
        where: this.where,
        expected: `${n} bytes of ${what} at offset ${this.pos}`,
        found: `${this.bytes.length - this.pos} bytes left`,
      });
    }
    this.pos += n;
    return this.bytes.subarray(this.pos - n, this.pos);
  }

  // A big-endian unsigned integer of n bytes.
  uint(n: 1 | 2 | 3, what: string): number {
    return this.take(n, what).reduce((v, b) => v * 256 + b, 0);
  }

  // A variable-length vector with a length prefix of the given size.
  vector(lengthBytes: 1 | 2 | 3, what: string): Uint8Array {
    return this.take(this.uint(lengthBytes, `${what} length`), what);
  }

  // Whether every byte has been read.
  get done(): boolean {
    return this.pos === this.bytes.length;
  }
}

// SignedCertificateTimestampList: opaque SerializedSCT<1..2^16-1> inside a <1..2^16-1> list (RFC 6962 §3.3).
export function parseSctList(list: Uint8Array, where: string): SignedCertificateTimestamp[] {
  const outer = new TlsReader(list, where);
  const body = outer.vector(2, 'sct_list');
  if (!outer.done || body.length === 0) {
    throw new VerifyError('SCT_MALFORMED', `${where}: the SCT list length does not match its content`, { where, expected: 'one non-empty sct_list filling the extension', found: `${list.length} bytes` });
  }
  const items = new TlsReader(body, where);
  const scts: SignedCertificateTimestamp[] = [];
  while (!items.done) scts.push(parseSct(items.vector(2, 'SerializedSCT'), `${where}[${scts.length}]`));
  return scts;
}

// One SignedCertificateTimestamp v1 (RFC 6962 §3.2).
function parseSct(bytes: Uint8Array, where: string): SignedCertificateTimestamp {
  const r = new TlsReader(bytes, where);
  const version = r.uint(1, 'sct_version');
  if (version !== 0) throw new VerifyError('SCT_MALFORMED', `${where}: unknown SCT version ${version}`, { where, expected: 'v1 (0)', found: String(version) });
  const logId = r.take(32, 'log_id');
  const timestampBytes = r.take(8, 'timestamp');
  const timestamp = timestampBytes.reduce((v, b) => v * 256 + b, 0);
  if (timestampBytes[0]! > 0x00 || timestampBytes[1]! > 0x1f) {
    throw new VerifyError('SCT_MALFORMED', `${where}: timestamp beyond any representable date`, { where, found: toHex(timestampBytes) });
  }
  const extensions = r.vector(2, 'extensions');
  const hashAlgorithm = r.uint(1, 'hash algorithm');
  const signatureAlgorithm = r.uint(1, 'signature algorithm');
  // digitally-signed (RFC 6962 §3.2 by RFC 5246 §4.7): HashAlgorithm and SignatureAlgorithm as RFC 5246 §7.4.1.4.1 defines them.
  if (hashAlgorithm > 6 || signatureAlgorithm > 3) {
    throw new VerifyError('SCT_MALFORMED', `${where}: the signature names an algorithm TLS 1.2 does not define`, {
      where,
      expected: 'hash algorithm 0–6 and signature algorithm 0–3 (RFC 5246 §7.4.1.4.1)',
      found: `hash algorithm ${hashAlgorithm}, signature algorithm ${signatureAlgorithm}`,
    });
  }
  const signature = r.vector(2, 'signature');
  if (!r.done) throw new VerifyError('SCT_MALFORMED', `${where}: trailing bytes after the signature`, { where, expected: 'the SCT to end with its signature', found: `${bytes.length} bytes` });
  return { logId, timestampBytes, timestamp, extensions, hashAlgorithm, signatureAlgorithm, signature, where };
}

// The TBSCertificate of the precertificate the log signed: the leaf's TBS without the SCT list extension,
// every other byte identical and only the enclosing lengths re-encoded (RFC 6962 §3.2).
export function precertificateTbs(leaf: Certificate): Uint8Array {
  const where = `${leaf.where}.tbsCertificate`;
  const tbs = readTlv(leaf.tbs, 0, where);
  const wrapper = leaf.extensionsField;
  if (!wrapper) throw new VerifyError('SCT_MISSING', `${leaf.where} has no extensions`, { where });
  const list = readTlv(wrapper.value, 0, where);
  const kept = readChildren(list.value, where)
    .filter((ext) => decodeOid(readTlv(ext.value, 0, where).value) !== OID.sctList)
    .map((ext) => list.value.subarray(ext.start, ext.end));
  const extensions = kept.length > 0 ? encodeTlv(0xa3, encodeTlv(0x30, concatBytes(...kept))) : new Uint8Array(0);
  return encodeTlv(0x30, concatBytes(tbs.value.subarray(0, wrapper.start), extensions));
}

// Parse the leaf's embedded SCTs and verify each with the CT log its log ID names; per-SCT failures are reported
// in the results, a missing or malformed list throws (SCT_MISSING, SCT_MALFORMED).
export async function verifyEmbeddedScts(leaf: Certificate, issuer: Certificate, ctlogs: TransparencyLogInstance[]): Promise<SctResult[]> {
  if (!leaf.sctList) {
    throw new VerifyError('SCT_MISSING', 'the signing certificate carries no SCT', {
      where: `${leaf.where} extensions`,
      expected: `a ${OID.sctList} (CT Precertificate SCTs) extension`,
      found: 'none',
    });
  }
  const scts = parseSctList(leaf.sctList, `${leaf.where}[CT Precertificate SCTs]`);
  const tbs = precertificateTbs(leaf);
  // PreCert { issuer_key_hash, TBSCertificate tbs_certificate<1..2^24-1> } (RFC 6962 §3.2).
  const preCert = concatBytes(await sha256(issuer.spki), Uint8Array.of(tbs.length >> 16, (tbs.length >> 8) & 0xff, tbs.length & 0xff), tbs);
  return Promise.all(scts.map((sct) => verifySct(sct, preCert, ctlogs)));
}

// Verify one SCT's signature over the digitally-signed struct of RFC 6962 §3.2 with its log's key.
async function verifySct(sct: SignedCertificateTimestamp, preCert: Uint8Array, ctlogs: TransparencyLogInstance[]): Promise<SctResult> {
  const base = { logId: toHex(sct.logId), timestamp: sct.timestamp, extensionsHex: toHex(sct.extensions) };
  const fail = (code: ErrorCode, detail: ErrorDetail, logBaseUrl?: string): SctResult => ({
    ...base,
    ...(logBaseUrl !== undefined && { logBaseUrl }),
    verified: false,
    code,
    detail: { where: sct.where, ...detail },
  });
  const logs = ctlogs.filter((l) => bytesEqual(l.logId, sct.logId));
  if (logs.length === 0) {
    return fail('SCT_LOG_UNKNOWN', {
      expected: `the log ID of a CT log in the trusted root (${ctlogs.map((l) => toHex(l.logId)).join(', ') || 'none'})`,
      found: base.logId,
    });
  }
  const log = logs.find((l) => isWithin(l.validFor, sct.timestamp));
  if (!log) {
    return fail(
      'SCT_LOG_UNKNOWN',
      {
        expected: `a CT log trusted at ${formatTime(sct.timestamp)}`,
        found: logs.map((l) => `${l.baseUrl} trusted from ${formatTime(l.validFor.start)} to ${formatTime(l.validFor.end)}`).join('; '),
      },
      logs[0]!.baseUrl,
    );
  }
  const hash = TLS_HASHES[sct.hashAlgorithm];
  const sigAlg = TLS_SIGNATURES[sct.signatureAlgorithm];
  if (!hash || sigAlg?.kind !== log.publicKey.kind) {
    return fail(
      'SCT_SIGNATURE_INVALID',
      {
        expected: `a signature the log key (${log.publicKey.description}) can make, with SHA-256/384/512`,
        found: `hash algorithm ${sct.hashAlgorithm}, signature algorithm ${sigAlg?.name ?? sct.signatureAlgorithm}`,
      },
      log.baseUrl,
    );
  }
  const signed = concatBytes(
    Uint8Array.of(0, 0), // sct_version v1, signature_type certificate_timestamp
    sct.timestampBytes,
    Uint8Array.of(0, 1), // entry_type precert_entry
    preCert,
    Uint8Array.of(sct.extensions.length >> 8, sct.extensions.length & 0xff),
    sct.extensions,
  );
  const ok = await verifySignature(log.publicKey, sct.signature, signed, { hash, rsaScheme: 'pkcs1' }).catch(() => false);
  if (!ok) {
    return fail(
      'SCT_SIGNATURE_INVALID',
      { expected: `a ${sigAlg.name} signature by ${log.baseUrl} over the precertificate`, found: 'a signature that does not verify' },
      log.baseUrl,
    );
  }
  return { ...base, logBaseUrl: log.baseUrl, verified: true };
}

const FAILURE_ORDER: ErrorCode[] = ['SCT_SIGNATURE_INVALID', 'SCT_LOG_UNKNOWN'];

// Require verified SCTs from at least `threshold` distinct logs; returns one verified SCT per counted log.
export function verifySctThreshold(results: SctResult[], threshold = 1): SctResult[] {
  if (results.length === 0) {
    throw new VerifyError('SCT_MISSING', 'the signing certificate carries no SCT', { expected: `SCTs from ${threshold} CT log(s)`, found: 'none' });
  }
  const perLog = new Map<string, SctResult>();
  for (const r of results) if (r.verified && !perLog.has(r.logId)) perLog.set(r.logId, r);
  if (perLog.size >= threshold) return [...perLog.values()];
  const failures = results.filter((r) => !r.verified);
  if (perLog.size === 0 && failures.length > 0) {
    const worst = FAILURE_ORDER.map((code) => failures.find((r) => r.code === code)).find((r) => r) ?? failures[0]!;
    throw new VerifyError(worst.code ?? 'SCT_SIGNATURE_INVALID', `no SCT verified: ${failures.length} failed`, worst.detail ?? {});
  }
  throw new VerifyError('SCT_THRESHOLD', `SCTs from ${perLog.size} distinct CT log(s) verified, ${threshold} required`, {
    expected: `verified SCTs from at least ${threshold} distinct CT logs`,
    found: `${perLog.size} (${[...perLog.keys()].join(', ') || 'none'})`,
  });
}
