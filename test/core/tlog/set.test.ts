import { describe, expect, it } from 'vitest';
import { findTransparencyLog, verifySignedEntryTimestamp } from '../../../src/core/tlog';
import { setPayload } from '../../../src/core/tlog/set';
import { canonicalJson, toBase64, utf8 } from '../../../src/core/encoding';
import { loadLogCase } from './conformance';
import { rejectionCode } from '../../support/error-code';

// The entry and its trusted log for one conformance case.
function setCase(name: string) {
  const { entry, tlogs } = loadLogCase(name);
  return { entry, log: findTransparencyLog(tlogs, entry) };
}

describe('verifySignedEntryTimestamp', () => {
  it.each(['happy-path-v0.1', 'happy-path-v0.3', 'happy-path-intoto-in-dsse-v3', 'intoto-with-custom-trust-root', 'managed-key-happy-path'])(
    'verifies the SET of %s',
    async (name) => {
      const { entry, log } = setCase(name);
      const evidence = await verifySignedEntryTimestamp(entry, log);
      expect(evidence).toContainEqual({ kind: 'text', label: 'Log index', value: String(entry.logIndex) });
      expect(evidence).toContainEqual({ kind: 'time', label: 'Integrated time', value: new Date(entry.integratedTime! * 1000).toISOString() });
    },
  );

  it('rejects set-invalid-signature_fail', async () => {
    const { entry, log } = setCase('set-invalid-signature_fail');
    expect(await rejectionCode(() => verifySignedEntryTimestamp(entry, log))).toBe('TLOG_SET_INVALID');
  });

  it('rejects incorrect-public-key_fail (the body was changed after the log signed it)', async () => {
    const { entry, log } = setCase('incorrect-public-key_fail');
    expect(await rejectionCode(() => verifySignedEntryTimestamp(entry, log))).toBe('TLOG_SET_INVALID');
  });

  it('reports a missing SET (Rekor v2 entries have none)', async () => {
    const { entry, log } = setCase('rekor2-happy-path');
    expect(await rejectionCode(() => verifySignedEntryTimestamp(entry, log))).toBe('TLOG_SET_MISSING');
    const v1 = setCase('happy-path-v0.3');
    expect(await rejectionCode(() => verifySignedEntryTimestamp({ ...v1.entry, inclusionPromise: new Uint8Array() }, v1.log))).toBe('TLOG_SET_MISSING');
  });

  it('fails when any signed field changes, or the SET has a flipped bit', async () => {
    const { entry, log } = setCase('happy-path-v0.3');
    const flipped = entry.inclusionPromise!.slice();
    flipped[flipped.length - 3]! ^= 0x01;
    const body = entry.canonicalizedBody.slice();
    body[20]! ^= 0x01;
    const logId = entry.logId.slice();
    logId[0]! ^= 0x01;
    for (const changed of [
      { ...entry, inclusionPromise: flipped },
      { ...entry, integratedTime: entry.integratedTime! + 1 },
      { ...entry, logIndex: entry.logIndex + 1 },
      { ...entry, canonicalizedBody: body },
      { ...entry, logId },
    ]) {
      expect(await rejectionCode(() => verifySignedEntryTimestamp(changed, log))).toBe('TLOG_SET_INVALID');
    }
  });

  it('refuses hostile numbers and a missing integrated time', async () => {
    const { entry, log } = setCase('happy-path-v0.3');
    for (const changed of [
      { ...entry, integratedTime: null },
      { ...entry, integratedTime: -1 },
      { ...entry, logIndex: -1 },
      { ...entry, logIndex: 2 ** 64 },
      { ...entry, inclusionPromise: new Uint8Array(3) },
    ]) {
      expect(await rejectionCode(() => verifySignedEntryTimestamp(changed, log))).toBe('TLOG_SET_INVALID');
    }
  });

  it('does not verify with another log key', async () => {
    const { entry } = setCase('happy-path-v0.3');
    const staging = setCase('managed-key-and-trusted-root').log;
    expect(await rejectionCode(() => verifySignedEntryTimestamp(entry, staging))).toBe('TLOG_SET_INVALID');
  });

  it('signs exactly the RFC 8785 canonical JSON of {body, integratedTime, logID, logIndex}', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 299, 4096]) {
      const body = Uint8Array.from({ length }, (_, i) => (i * 151 + length) & 0xff);
      const fields = { body: toBase64(body), integratedTime: 1_700_000_000 + length, logID: 'c0d23d6a'.repeat(8), logIndex: 2 ** 40 + length };
      expect(setPayload(body, fields.integratedTime, fields.logID, fields.logIndex)).toEqual(utf8(canonicalJson(fields)));
    }
  });
});
