// What a loaded trusted root provides, read before verifying, in a worker (reading it needs the engine's decoders).
import { toVerifyError } from '../core/errors';
import { parseTrustedRoot } from '../core/trust/parse-trusted-root';

export type TrustSummary =
  | { ok: true; tlogs: number; ctlogs: number; timestampAuthorities: number }
  | { ok: false; message: string };

// Count what the root lists; a root that does not parse says why (the worker would refuse it the same way).
export function summarizeTrustedRoot(text: string): TrustSummary {
  try {
    const root = parseTrustedRoot(text, { name: 'loaded trusted root', description: 'read before verifying' });
    return { ok: true, tlogs: root.tlogs.length, ctlogs: root.ctlogs.length, timestampAuthorities: root.timestampAuthorities.length };
  } catch (err) {
    const e = toVerifyError(err);
    return { ok: false, message: `${e.code}: ${e.message}`.slice(0, 300) };
  }
}
