// The time a Rekor v1 log says it integrated the entry, checked against the log's validity and the clock.
import { VerifyError } from '../errors';
import { isWithin, type TransparencyLogInstance, type ValidityPeriod } from '../trust/types';
import type { Evidence } from '../evidence';
import type { TlogEntry } from '../bundle/types';
import { assertNonNegativeInteger } from './numbers';

// A validity period in words, open ends included.
function describePeriod(period: ValidityPeriod): string {
  const start = period.start === undefined ? 'the beginning' : new Date(period.start).toISOString();
  const end = period.end === undefined ? 'no end' : new Date(period.end).toISOString();
  return `from ${start} to ${end} (inclusive)`;
}

// The log's key must be valid at the integrated time (both ends inclusive, Sigstore client spec), and the
// integrated time must not be after now (ms since the epoch). Entries without a time (Rekor v2) pass with a note.
export function verifyIntegratedTime(entry: TlogEntry, log: TransparencyLogInstance, now: number): Evidence[] {
  const where = `${entry.where}.integratedTime`;
  if (entry.integratedTime === null) {
    return [{ kind: 'text', label: 'Integrated time', value: 'none: the entry carries no time (Rekor v2); a timestamp authority must give one' }];
  }
  assertNonNegativeInteger(entry.integratedTime, 'TLOG_LOG_NOT_VALID_AT_TIME', where);
  const at = entry.integratedTime * 1000;
  const iso = new Date(at).toISOString();
  if (!isWithin(log.validFor, at)) {
    throw new VerifyError('TLOG_LOG_NOT_VALID_AT_TIME', `${log.baseUrl} was not a valid log at the integrated time ${iso}`, {
      expected: describePeriod(log.validFor),
      found: iso,
      where,
    });
  }
  if (at > now) {
    throw new VerifyError('TLOG_INTEGRATED_TIME_FUTURE', `the integrated time ${iso} is in the future`, {
      expected: `at or before ${new Date(now).toISOString()}`,
      found: iso,
      where,
    });
  }
  return [
    { kind: 'time', label: 'Integrated time', value: iso },
    { kind: 'text', label: 'Log validity', value: `${log.baseUrl} ${describePeriod(log.validFor)}` },
  ];
}
