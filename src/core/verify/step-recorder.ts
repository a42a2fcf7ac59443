// Runs steps, times them, and turns thrown errors into failed steps with code, detail and evidence.
import { toVerifyError, type VerifyError } from '../errors';
import type { Evidence } from '../evidence';
import type { StepInfo } from './plan';
import { StepFailure } from './step-failure';
import type { Step, StepId, StepStatus } from './types';

export interface StepOutcome {
  summary: string;
  evidence?: Evidence[];
  /** Defaults to pass. */
  status?: Extract<StepStatus, 'pass' | 'warn'>;
  /** A check the user waived (a zero threshold, cosign's --insecure-… flags): shown as a warn step that says what was
   *  not checked, and not counted toward the verdict. */
  waived?: true;
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

// The record of one run: each step's outcome, worded from the catalogue the recorder was made with.
export class StepRecorder<Id extends StepId = StepId> {
  private readonly steps = new Map<Id, Step>();

  constructor(private readonly catalogue: Record<Id, StepInfo>) {}

  // Run a step; a VerifyError (or anything thrown) becomes a failed step, never an exception.
  async run(id: Id, required: boolean, fn: () => Promise<StepOutcome> | StepOutcome): Promise<boolean> {
    const started = now();
    try {
      const outcome = await fn();
      this.record(id, required && !outcome.waived, outcome.waived ? 'warn' : (outcome.status ?? 'pass'), outcome.summary, outcome.evidence ?? [], now() - started);
      return outcome.status !== 'warn';
    } catch (err) {
      this.fail(id, required, err, now() - started);
      return false;
    }
  }

  // Record a step as failed by an error; a StepFailure keeps the evidence gathered before it.
  fail(id: Id, required: boolean, err: unknown, ms = 0): void {
    const e = toVerifyError(err);
    this.record(id, required, 'fail', e.message, err instanceof StepFailure ? err.evidence : [], ms, e);
  }

  // Fail a step that already ran, for a result over what other steps found (a threshold): what it checked stays
  // in its record, the failure's evidence is added after it, and its summary is kept after the reason.
  failAfterwards(id: Id, required: boolean, err: unknown): void {
    const prior = this.steps.get(id);
    const e = toVerifyError(err);
    const evidence = [...(prior?.evidence ?? []), ...(err instanceof StepFailure ? err.evidence : [])];
    this.record(id, required, 'fail', prior ? `${e.message}. ${prior.summary}` : e.message, evidence, prior?.ms ?? 0, e);
  }

  // Record a step that was not run, with the reason.
  skip(id: Id, reason: string, required = false): void {
    this.record(id, required, 'skip', reason, [], 0);
  }

  get(id: Id): Step | undefined {
    return this.steps.get(id);
  }

  // The steps in catalogue order.
  ordered(order: readonly Id[]): Step[] {
    return order.map((id) => this.steps.get(id)).filter((s): s is Step => s !== undefined);
  }

  private record(id: Id, required: boolean, status: StepStatus, summary: string, evidence: Evidence[], ms: number, err?: VerifyError): void {
    const info = this.catalogue[id];
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
