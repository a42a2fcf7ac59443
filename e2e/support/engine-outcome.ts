// One signature's result reduced to what Node and Chromium must agree on: the verdict, the failed step and every
// step's status and code.
export interface EngineOutcome {
  verdict: string;
  failedStep?: string;
  steps: string[];
}

// Reduce a result (from the engine, or as the CLI printed it as JSON).
export function outcomeOf(r: { verdict: string; failedStep?: string; steps: ReadonlyArray<{ id: string; status: string; code?: string }> }): EngineOutcome {
  return { verdict: r.verdict, ...(r.failedStep ? { failedStep: r.failedStep } : {}), steps: r.steps.map((s) => `${s.id}:${s.status}:${s.code ?? ''}`) };
}
