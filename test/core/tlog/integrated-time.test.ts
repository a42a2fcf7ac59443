import { describe, expect, it } from 'vitest';
import { findTransparencyLog, verifyIntegratedTime } from '../../../src/core/tlog';
import { loadLogCase } from './conformance';
import { rejectionCode } from '../../support/error-code';

// The entry and its trusted log for one conformance case.
function timeCase(name: string) {
  const { entry, tlogs } = loadLogCase(name);
  return { entry, log: findTransparencyLog(tlogs, entry) };
}

describe('verifyIntegratedTime', () => {
  it('accepts a time inside the log validity and in the past', () => {
    const { entry, log } = timeCase('happy-path-v0.3');
    expect(verifyIntegratedTime(entry, log, Date.now())).toContainEqual({ kind: 'time', label: 'Integrated time', value: '2024-03-19T17:26:26.000Z' });
  });

  it('treats the end of the log validity as inclusive (trust-root-tlog-validity-end-inclusive)', () => {
    const { entry, log } = timeCase('trust-root-tlog-validity-end-inclusive');
    expect(log.validFor.end).toBe(entry.integratedTime! * 1000);
    expect(verifyIntegratedTime(entry, log, Date.now()).length).toBeGreaterThan(0);
    expect(verifyIntegratedTime(entry, { ...log, validFor: { start: entry.integratedTime! * 1000 } }, Date.now()).length).toBeGreaterThan(0);
  });

  it('rejects a time outside the log validity', async () => {
    const { entry, log } = timeCase('trust-root-tlog-validity-end-inclusive');
    const at = entry.integratedTime! * 1000;
    expect(await rejectionCode(() => verifyIntegratedTime(entry, { ...log, validFor: { end: at - 1000 } }, Date.now()))).toBe('TLOG_LOG_NOT_VALID_AT_TIME');
    expect(await rejectionCode(() => verifyIntegratedTime(entry, { ...log, validFor: { start: at + 1000 } }, Date.now()))).toBe('TLOG_LOG_NOT_VALID_AT_TIME');
  });

  it('rejects a time after now', async () => {
    const { entry, log } = timeCase('happy-path-v0.3');
    const at = entry.integratedTime! * 1000;
    expect(await rejectionCode(() => verifyIntegratedTime(entry, log, at - 1))).toBe('TLOG_INTEGRATED_TIME_FUTURE');
    expect(verifyIntegratedTime(entry, log, at).length).toBeGreaterThan(0);
  });

  it('rejects hostile times', async () => {
    const { entry, log } = timeCase('happy-path-v0.3');
    for (const t of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(await rejectionCode(() => verifyIntegratedTime({ ...entry, integratedTime: t }, log, Date.now()))).toBe('TLOG_LOG_NOT_VALID_AT_TIME');
    }
  });

  it('has nothing to check for a Rekor v2 entry and says so', () => {
    const { entry, log } = timeCase('rekor2-happy-path');
    expect(entry.integratedTime).toBeNull();
    expect(verifyIntegratedTime(entry, log, 0)).toHaveLength(1);
  });
});
