// Which transparency log of the trusted root an entry claims to come from.
import { VerifyError } from '../errors';
import { bytesEqual, toHex } from '../encoding';
import { isWithin, type TransparencyLogInstance } from '../trust/types';
import type { TlogEntry } from '../bundle/types';

// The trusted log whose ID equals the entry's logId (Sigstore client spec: only logs of the trusted root count).
// Rekor v1 IDs are SHA-256 of the log's DER key; Rekor v2 IDs are the C2SP signed-note key ID
// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key), which the trusted root lists as logId (or checkpointKeyId).
// When a key appears under several entries (e.g. rotated URLs), the one valid at the integrated time wins.
export function findTransparencyLog(tlogs: TransparencyLogInstance[], entry: TlogEntry): TransparencyLogInstance {
  const matches = tlogs.filter(
    (log) => bytesEqual(log.logId, entry.logId) || (log.checkpointKeyId !== undefined && bytesEqual(log.checkpointKeyId, entry.logId)),
  );
  const first = matches[0];
  if (!first) {
    throw new VerifyError('TLOG_LOG_UNKNOWN', `the entry's log ${toHex(entry.logId)} is not a transparency log of the trusted root`, {
      expected: tlogs.length > 0 ? `one of ${tlogs.map((log) => toHex(log.logId)).join(', ')}` : 'a trusted root with transparency logs',
      found: toHex(entry.logId),
      where: `${entry.where}.logId`,
    });
  }
  if (matches.length > 1 && entry.integratedTime !== null) {
    const at = entry.integratedTime * 1000;
    return matches.find((log) => isWithin(log.validFor, at)) ?? first;
  }
  return first;
}
