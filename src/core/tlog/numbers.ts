// Guards for the indexes, sizes and times a log entry carries.
import { VerifyError, type ErrorCode } from '../errors';

// Refuse a value that is negative, fractional or past 2^53 (bundles carry these as decimal strings).
export function assertNonNegativeInteger(value: number, code: ErrorCode, where: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new VerifyError(code, `${where} must be a non-negative integer`, {
      expected: 'an integer from 0 to 2^53-1',
      found: String(value),
      where,
    });
  }
}
