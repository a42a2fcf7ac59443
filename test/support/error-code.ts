// The code of the VerifyError a call throws, or 'no error': tests assert codes, never messages.
import type { VerifyError } from '../../src/core';

export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as VerifyError).code;
  }
  return 'no error';
}
