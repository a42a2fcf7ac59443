// Awaiting a rejection in tests, which assert codes rather than messages.
import { VerifyError } from '../../../src/core';

// The VerifyError a promise rejects with; fails the test when it resolves instead.
export async function rejection(promise: Promise<unknown>): Promise<VerifyError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof VerifyError) return err;
    throw err;
  }
  throw new Error('expected a VerifyError, but the promise resolved');
}
