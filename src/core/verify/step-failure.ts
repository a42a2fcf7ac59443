// A failed check that carries the evidence gathered before it broke, so the failed step still shows it.
import { toVerifyError, VerifyError, type ErrorCode, type ErrorDetail } from '../errors';
import type { Evidence } from '../evidence';

export class StepFailure extends VerifyError {
  readonly evidence: Evidence[];

  constructor(code: ErrorCode, message: string, detail: ErrorDetail, evidence: Evidence[]) {
    super(code, message, detail);
    this.name = 'StepFailure';
    this.evidence = evidence;
  }

  // A lower layer's error (a VerifyError, or anything thrown) with the evidence the step had gathered
  // (after any the error already carried).
  static of(err: unknown, evidence: Evidence[]): StepFailure {
    const e = toVerifyError(err);
    return new StepFailure(e.code, e.message, e.detail, [...evidence, ...(err instanceof StepFailure ? err.evidence : [])]);
  }
}
