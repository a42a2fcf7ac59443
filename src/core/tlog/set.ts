// The signed entry timestamp (inclusion promise) of a Rekor v1 entry.
import { VerifyError } from '../errors';
import { concatBytes, toBase64Ascii, toHex, utf8 } from '../encoding';
import type { Evidence } from '../evidence';
import type { TlogEntry } from '../bundle/types';
import type { TransparencyLogInstance } from '../trust/types';
import { verifyLogSignature } from './log-key';
import { assertNonNegativeInteger } from './numbers';

// The bytes a SET signs: the RFC 8785 canonical JSON of {body, integratedTime, logID, logIndex}, written directly: the
// members in canonical (code point) order, base64 and hex strings need no escaping, and integers print as
// JavaScript prints them (RFC 8785 §3.2.2.3). The body goes from bytes to base64 bytes, never through a string.
export function setPayload(body: Uint8Array, integratedTime: number, logID: string, logIndex: number): Uint8Array {
  return concatBytes(utf8('{"body":"'), toBase64Ascii(body), utf8(`","integratedTime":${integratedTime},"logID":"${logID}","logIndex":${logIndex}}`));
}

// Verify the SET: the log's signature over the RFC 8785 canonical JSON of
// {body, integratedTime, logID, logIndex} (Rekor v1 API, Sigstore client spec "inclusion promise").
export async function verifySignedEntryTimestamp(entry: TlogEntry, log: TransparencyLogInstance): Promise<Evidence[]> {
  const where = `${entry.where}.inclusionPromise.signedEntryTimestamp`;
  const set = entry.inclusionPromise;
  if (!set || set.length === 0) {
    throw new VerifyError('TLOG_SET_MISSING', 'the entry has no signed entry timestamp (inclusion promise)', {
      expected: 'an inclusion promise',
      found: 'none',
      where,
    });
  }
  if (entry.integratedTime === null) {
    throw new VerifyError('TLOG_SET_INVALID', 'a signed entry timestamp needs the integrated time it signs', {
      expected: 'integratedTime',
      found: 'none',
      where: `${entry.where}.integratedTime`,
    });
  }
  assertNonNegativeInteger(entry.integratedTime, 'TLOG_SET_INVALID', `${entry.where}.integratedTime`);
  assertNonNegativeInteger(entry.logIndex, 'TLOG_SET_INVALID', `${entry.where}.logIndex`);
  const logID = toHex(entry.logId);
  if (!(await verifyLogSignature(log, set, setPayload(entry.canonicalizedBody, entry.integratedTime, logID, entry.logIndex)))) {
    throw new VerifyError('TLOG_SET_INVALID', `the signed entry timestamp does not verify with the key of ${log.baseUrl}`, {
      expected: `a ${log.publicKey.description} signature by ${log.baseUrl} over {body, integratedTime ${entry.integratedTime}, logID, logIndex ${entry.logIndex}}`,
      found: toHex(set),
      where,
    });
  }
  return [
    { kind: 'text', label: 'Signed by', value: `${log.baseUrl} (${log.publicKey.description}, ${log.where})` },
    { kind: 'text', label: 'Log index', value: String(entry.logIndex) },
    { kind: 'time', label: 'Integrated time', value: new Date(entry.integratedTime * 1000).toISOString() },
    { kind: 'hex', label: 'Log ID', value: logID },
    { kind: 'hex', label: 'Signed entry timestamp', value: toHex(set) },
  ];
}
