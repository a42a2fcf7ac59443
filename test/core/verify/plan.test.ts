// The declared plan: the bundle catalogue is a consistent schedule, and the runner honours every
// declaration (overlap, skip rules, dependencies, rechecks, evidence carried by StepFailure).
import { describe, expect, it } from 'vitest';
import { BUNDLE_PLAN, CATALOGUE, runPlan, STEP_IDS, StepFailure, StepRecorder, VerifyError, waitsFor, type Catalogue, type Plan } from '../../../src/core';
import { IMAGE_CATALOGUE, IMAGE_STEP_IDS } from '../../../src/image';

type Id = 'image.resolve' | 'image.discover';

// A two-step plan over the image ids (any registered ids do), with the given declarations and checks.
function plan(catalogue: Partial<Catalogue<Id, 'off'>>, checks: Plan<Id, 'off', { off: boolean }>['checks']): Plan<Id, 'off', { off: boolean }> {
  const base = { title: 't', why: 'w', spec: 's', required: true };
  return {
    order: ['image.resolve', 'image.discover'],
    catalogue: { 'image.resolve': { ...base, ...catalogue['image.resolve'] }, 'image.discover': { ...base, ...catalogue['image.discover'] } },
    checks,
    conditions: { off: (ctx) => ctx.off },
  };
}

async function run(p: Plan<Id, 'off', { off: boolean }>, off = false) {
  const steps = new StepRecorder<Id>(p.catalogue);
  await runPlan(p, { off }, steps);
  return steps.ordered(p.order);
}

describe('the bundle plan', () => {
  it('lists every step once, and each waits only for steps listed before it', () => {
    expect(BUNDLE_PLAN.order).toEqual(STEP_IDS);
    for (const [i, id] of STEP_IDS.entries()) {
      for (const dep of waitsFor(CATALOGUE[id])) expect(STEP_IDS.indexOf(dep), `${id} waits for ${dep}`).toBeLessThan(i);
    }
    for (const [id, check] of Object.entries(BUNDLE_PLAN.checks)) for (const dep of check.recheck?.after ?? []) expect(STEP_IDS).toContain(dep), expect(id).not.toBe(dep);
  });

  it('names only conditions it defines, and every later step is skipped when the bundle does not parse', () => {
    for (const id of STEP_IDS) {
      const rules = CATALOGUE[id].skip ?? [];
      for (const r of rules) if ('when' in r) expect(Object.keys(BUNDLE_PLAN.conditions)).toContain(r.when);
      if (id !== 'bundle.parse') expect(rules.some((r) => 'unmet' in r && r.unmet === 'bundle.parse'), id).toBe(true);
    }
  });

  it('the image steps plan the same way, from their own catalogue', () => {
    expect(IMAGE_STEP_IDS.every((id) => IMAGE_CATALOGUE[id].title.length > 0)).toBe(true);
    expect(IMAGE_CATALOGUE['image.discover'].skip).toEqual([{ unmet: 'image.resolve', reason: expect.stringContaining('could not be resolved') }]);
  });
});

describe('the runner', () => {
  it('overlaps steps that do not wait for each other', async () => {
    // Each step finishes only once the other has started: a runner that ran them one after the other would never finish.
    let release!: () => void;
    const started = new Promise<void>((r) => (release = r));
    const steps = await run(
      plan({}, {
        'image.resolve': { run: async () => (await started, { summary: 'first' }) },
        'image.discover': { run: () => (release(), { summary: 'second' }) },
      }),
    );
    expect(steps.map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('waits for what a step declares it reads', async () => {
    const seen: string[] = [];
    await run(
      plan({ 'image.discover': { after: ['image.resolve'] } as never }, {
        'image.resolve': { run: async () => (await Promise.resolve(), seen.push('resolve'), { summary: 'a' }) },
        'image.discover': { run: () => (seen.push('discover'), { summary: 'b' }) },
      }),
    );
    expect(seen).toEqual(['resolve', 'discover']);
  });

  it('skips a step whose dependency failed, still required, with the declared reason', async () => {
    const steps = await run(
      plan({ 'image.discover': { skip: [{ unmet: 'image.resolve', reason: 'needs the first' }] } as never }, {
        'image.resolve': { run: () => Promise.reject(new VerifyError('OCI_NOT_FOUND', 'gone')) },
        'image.discover': { run: () => ({ summary: 'never' }) },
      }),
    );
    expect(steps.map((s) => [s.status, s.required, s.summary, s.code])).toEqual([
      ['fail', true, 'gone', 'OCI_NOT_FOUND'],
      ['skip', true, 'needs the first', undefined],
    ]);
  });

  it('skips a step the input makes meaningless as not required, and a dependency that did not apply counts as met', async () => {
    const p = plan({ 'image.resolve': { skip: [{ when: 'off', reason: 'not here' }] } as never, 'image.discover': { skip: [{ unmet: 'image.resolve', reason: 'needs the first' }] } as never }, {
      'image.resolve': { run: () => ({ summary: 'ran' }) },
      'image.discover': { run: () => ({ summary: 'ran too' }) },
    });
    expect((await run(p, true)).map((s) => [s.status, s.required, s.summary])).toEqual([
      ['skip', false, 'not here'],
      ['pass', true, 'ran too'],
    ]);
    expect((await run(p, false)).map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('a recheck turns a passed step into a failure once the steps it names are done', async () => {
    const steps = await run(
      plan({}, {
        'image.resolve': {
          run: () => ({ summary: 'looked fine' }),
          recheck: {
            after: ['image.discover'],
            run: () => {
              throw new VerifyError('TLOG_THRESHOLD', 'not enough');
            },
          },
        },
        'image.discover': { run: () => ({ summary: 'b' }) },
      }),
    );
    expect(steps.map((s) => [s.id, s.status, s.code])).toEqual([
      ['image.resolve', 'fail', 'TLOG_THRESHOLD'],
      ['image.discover', 'pass', undefined],
    ]);
  });

  it('a StepFailure keeps the evidence gathered before the check broke; another error keeps none', async () => {
    const evidence = [{ kind: 'text' as const, label: 'searched', value: 'tag' }];
    const steps = await run(
      plan({}, {
        'image.resolve': { run: () => Promise.reject(StepFailure.of(new VerifyError('OCI_NO_SIGNATURES', 'none'), evidence)) },
        'image.discover': { run: () => Promise.reject(new Error('boom')) },
      }),
    );
    expect(steps.map((s) => [s.code, s.evidence])).toEqual([
      ['OCI_NO_SIGNATURES', evidence],
      ['INTERNAL', []],
    ]);
  });
});
