// The record a live audit returns: the same VerificationResult a bundle gets, from its steps alone.
import type { TrustSource } from '../core/trust/types';
import type { Step, VerificationResult } from '../core/verify/types';
import { ENGINE_VERSION, verdictOf } from '../core/verify/verify-bundle';

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** When an audit started, for its record. */
export interface AuditClock {
  startedAt: number;
  t0: number;
}

// Start timing an audit.
export function startAudit(): AuditClock {
  return { startedAt: Date.now(), t0: now() };
}

// The result for ordered steps; a verified result gets the given headline instead of the generic one.
export function auditResult(clock: AuditClock, steps: Step[], trust: TrustSource, verifiedHeadline: string): VerificationResult {
  const verdict = verdictOf(steps);
  return {
    ...verdict,
    ...(verdict.verdict === 'verified' ? { headline: verifiedHeadline } : {}),
    steps,
    trust,
    startedAt: new Date(clock.startedAt).toISOString(),
    totalMs: Math.round((now() - clock.t0) * 1000) / 1000,
    engine: { name: 'signet', version: ENGINE_VERSION },
  };
}
