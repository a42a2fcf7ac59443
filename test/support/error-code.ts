// The code of the VerifyError a call throws, or 'no error': tests assert codes, never messages.
import { VerifyError } from '../../src/core';

export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as VerifyError).code;
  }
  return 'no error';
}

// The VerifyError a promise (or a call, sync or async) rejects with; fails the test when it succeeds instead.
export async function rejection(run: Promise<unknown> | (() => unknown)): Promise<VerifyError> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (err) {
    if (err instanceof VerifyError) return err;
    throw err;
  }
  throw new Error('expected a VerifyError, but the call succeeded');
}

// The code of that VerifyError.
export async function rejectionCode(run: Promise<unknown> | (() => unknown)): Promise<string> {
  return (await rejection(run)).code;
}
