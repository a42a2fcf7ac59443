// Runs steps, times them, and turns thrown VerifyErrors into failed steps with code and detail.
import { toVerifyError } from '../errors';
import { CATALOGUE } from './catalogue';
import type { Evidence, Step, StepId, StepStatus } from './types';

export interface StepOutcome {
  summary: string;
  evidence?: Evidence[];
  /** Defaults to pass. */
  status?: Extract<StepStatus, 'pass' | 'warn'>;
  /** A check the user waived (a zero threshold, cosign's --insecure-… flags): shown as a warn step that says what was
   *  not checked, and not counted toward the verdict. */
  waived?: true;
}

const gathered = new WeakMap<object, Evidence[]>();

// Rethrow a step's error with the evidence gathered before it failed, so the failure still shows it.
export function rethrowWithEvidence(err: unknown, evidence: Evidence[]): never {
  if (err !== null && typeof err === 'object') gathered.set(err, evidence);
  throw err;
}

function evidenceOf(err: unknown): Evidence[] {
  return (err !== null && typeof err === 'object' && gathered.get(err)) || [];
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

export class StepRecorder {
  private readonly steps = new Map<StepId, Step>();

  // Run a step; a VerifyError (or anything thrown) becomes a failed step, never an exception.
  async run(id: StepId, required: boolean, fn: () => Promise<StepOutcome> | StepOutcome): Promise<boolean> {
    const started = now();
    try {
      const outcome = await fn();
      this.record(id, required && !outcome.waived, outcome.waived ? 'warn' : (outcome.status ?? 'pass'), outcome.summary, outcome.evidence ?? [], now() - started);
      return outcome.status !== 'warn';
    } catch (err) {
      const e = toVerifyError(err);
      this.record(id, required, 'fail', e.message, evidenceOf(err), now() - started, e);
      return false;
    }
  }

  // Fail a step that already ran because of a result over several entries (a threshold): what it checked stays
  // in its record, and the threshold's evidence is added after it.
  fail(id: StepId, err: unknown): void {
    const e = toVerifyError(err);
    const prior = this.steps.get(id);
    const evidence = [...(prior?.evidence ?? []), ...evidenceOf(err)];
    this.record(id, true, 'fail', prior && prior.status !== 'fail' ? `${e.message} (${prior.summary})` : e.message, evidence, prior?.ms ?? 0, e);
  }

  // Record a step that was not run, with the reason.
  skip(id: StepId, reason: string, required = false): void {
    this.record(id, required, 'skip', reason, [], 0);
  }

  get(id: StepId): Step | undefined {
    return this.steps.get(id);
  }

  // The steps in catalogue order.
  ordered(order: readonly StepId[]): Step[] {
    return order.map((id) => this.steps.get(id)).filter((s): s is Step => s !== undefined);
  }

  private record(id: StepId, required: boolean, status: StepStatus, summary: string, evidence: Evidence[], ms: number, err?: ReturnType<typeof toVerifyError>): void {
    const info = CATALOGUE[id];
    this.steps.set(id, {
      id,
      title: info.title,
      status,
      summary,
      why: info.why,
      spec: info.spec,
      evidence,
      ...(err ? { code: err.code, detail: err.detail } : {}),
      required,
      ms: Math.round(ms * 1000) / 1000,
    });
  }
}
