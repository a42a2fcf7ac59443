// The declared plan: each step's text, whether the verdict needs it, what it waits for and when it is
// skipped; the runner schedules a whole verification from that declaration alone.
import type { StepOutcome, StepRecorder } from './step-recorder';
import type { StepId } from './types';

/** What a step checks, why it matters, and the spec it comes from: the text every view explains. */
export interface StepInfo {
  title: string;
  /** What a failure means, as the end of "Failed: …" (e.g. "the signer is not the expected identity"); else the title is used. */
  failure?: string;
  why: string;
  spec: string;
}

/** Why a step is not run, checked in order before it would run; the first that holds decides. */
export type SkipRule<Id extends string, Condition extends string> =
  /** The input makes the step meaningless (no certificate to chain): skipped, not required unless said. */
  | { when: Condition; reason: string; required?: boolean }
  /** A step this one needs failed or was skipped while required: skipped, and still required. */
  | { unmet: Id; reason: string; unless?: Condition };

export interface PlannedStep<Id extends string, Condition extends string> extends StepInfo {
  /** Whether the verdict depends on this step passing when it applies. */
  required: boolean;
  /** A fact about the request alone under which the step still runs but the verdict does not depend on it. */
  optional?: Condition;
  /** Steps that must have finished first (whatever their outcome), because this one reads what they found. */
  after?: readonly Id[];
  skip?: readonly SkipRule<Id, Condition>[];
}

export type Catalogue<Id extends string, Condition extends string = never> = Record<Id, PlannedStep<Id, Condition>>;

/** A step's check, and optionally a second look once other steps finished (a threshold over their results). */
export interface StepCheck<Ctx, Id extends string> {
  run: (ctx: Ctx) => Promise<StepOutcome> | StepOutcome;
  /** Throws to turn this step's pass into a failure, after `after` finished. */
  recheck?: { after: readonly Id[]; run: (ctx: Ctx) => void };
}

export interface Plan<Id extends StepId, Condition extends string, Ctx> {
  /** Steps in record order; a step may only wait for steps listed before it. */
  order: readonly Id[];
  catalogue: Catalogue<Id, Condition>;
  checks: Record<Id, StepCheck<Ctx, Id>>;
  conditions: Record<Condition, (ctx: Ctx) => boolean>;
}

// The steps a step waits for: those it reads from and those whose failure skips it.
export function waitsFor<Id extends string, Condition extends string>(step: PlannedStep<Id, Condition>): Id[] {
  return [...new Set([...(step.after ?? []), ...(step.skip ?? []).flatMap((r) => ('unmet' in r ? [r.unmet] : []))])];
}

/** Each declared step's wait list, derived once from the declaration (a constant of the code, never of an input). */
const waitLists = new WeakMap<object, readonly string[]>();

// waitsFor, derived once per declared step.
function waitListOf<Id extends string, Condition extends string>(step: PlannedStep<Id, Condition>): readonly Id[] {
  let list = waitLists.get(step);
  if (!list) waitLists.set(step, (list = waitsFor(step)));
  return list as readonly Id[];
}

// Run every step of the plan as soon as what it waits for is done, so independent checks overlap.
export async function runPlan<Id extends StepId, Condition extends string, Ctx>(plan: Plan<Id, Condition, Ctx>, ctx: Ctx, steps: StepRecorder<Id>): Promise<void> {
  const finished = new Map<Id, Promise<void>>();
  const rechecks: Promise<void>[] = [];
  const awaitAll = (ids: readonly Id[]): Promise<unknown> =>
    Promise.all(
      ids.map((d) => {
        const p = finished.get(d);
        if (!p) throw new Error(`the plan lists ${d} after a step that waits for it`);
        return p;
      }),
    );
  for (const id of plan.order) {
    const entry = plan.catalogue[id];
    const check = plan.checks[id];
    const done = awaitAll(waitListOf(entry)).then(async () => {
      const skip = skipReason(plan, ctx, steps, id);
      if (skip) steps.skip(id, skip.reason, skip.required);
      else await steps.run(id, isRequired(plan, ctx, id), () => check.run(ctx));
    });
    finished.set(id, done);
    const recheck = check.recheck;
    if (recheck) {
      rechecks.push(
        done.then(async () => {
          await awaitAll(recheck.after);
          if (steps.get(id)?.status !== 'pass' && steps.get(id)?.status !== 'warn') return;
          try {
            recheck.run(ctx);
          } catch (err) {
            steps.failAfterwards(id, isRequired(plan, ctx, id), err);
          }
        }),
      );
    }
  }
  await Promise.all([...finished.values(), ...rechecks]);
}

// The first skip rule that holds for a step, with whether the skipped step still counts as required.
function skipReason<Id extends StepId, Condition extends string, Ctx>(plan: Plan<Id, Condition, Ctx>, ctx: Ctx, steps: StepRecorder<Id>, id: Id): { reason: string; required: boolean } | null {
  const entry = plan.catalogue[id];
  for (const rule of entry.skip ?? []) {
    if ('when' in rule) {
      if (plan.conditions[rule.when](ctx)) return { reason: rule.reason, required: rule.required ?? false };
    } else if (!(rule.unless && plan.conditions[rule.unless](ctx)) && !passed(steps.get(rule.unmet))) {
      return { reason: rule.reason, required: isRequired(plan, ctx, id) };
    }
  }
  return null;
}

// Whether the verdict depends on this step in this run.
function isRequired<Id extends StepId, Condition extends string, Ctx>(plan: Plan<Id, Condition, Ctx>, ctx: Ctx, id: Id): boolean {
  const entry = plan.catalogue[id];
  return entry.required && !(entry.optional && plan.conditions[entry.optional](ctx));
}

// A dependency is met when it passed, warned, or did not apply (skipped without being required).
function passed(step: { status: string; required: boolean } | undefined): boolean {
  return step !== undefined && (step.status === 'pass' || step.status === 'warn' || (step.status === 'skip' && !step.required));
}
