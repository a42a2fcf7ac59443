// The timeline as terminal text: status by symbol and word (not colour alone), summary, and failure detail.
import type { Step, StepStatus, VerificationResult } from '../core/verify/types';
import type { ImageVerificationResult } from '../image/types';

const MARK: Record<StepStatus, string> = { pass: '✔ pass', fail: '✘ FAIL', warn: '! warn', skip: '- skip' };
const COLOUR: Record<StepStatus, string> = { pass: '32', fail: '31', warn: '33', skip: '90' };

export type Paint = (code: string, text: string) => string;
export const painter = (colour: boolean): Paint => (code, text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
const VERDICT_COLOUR = { verified: '32', failed: '31', incomplete: '33' } as const;

// The verdict line: `VERIFIED: Signed by …`, `FAILED: the signer is not …` (the headline's own leading verdict word,
// "Verified." or "Failed:", is not said twice).
function verdictLine(result: Pick<VerificationResult, 'verdict' | 'headline'>, paint: Paint): string {
  const headline = result.headline.replace(/^(Verified\.|Failed:)\s*/, '');
  return paint(VERDICT_COLOUR[result.verdict], `${result.verdict.toUpperCase()}: ${sanitize(headline)}`);
}

// Render a result for a terminal; colour only when the stream is a TTY.
export function formatTimeline(result: VerificationResult, colour: boolean): string {
  const paint = painter(colour);
  const lines = [verdictLine(result, paint), '', ...formatSteps(result.steps, paint)];
  lines.push('', paint('90', `trust: ${result.trust.name} — ${result.trust.description}${result.trust.date ? ` (newest key ${result.trust.date})` : ''}`));
  lines.push(paint('90', `checked in ${result.totalMs.toFixed(1)} ms`));
  return lines.join('\n');
}

// An image verification: the discovery steps, then each signature's verdict and timeline, then the platforms.
export function formatImageResult(result: ImageVerificationResult, colour: boolean): string {
  const paint = painter(colour);
  const lines = [verdictLine(result, paint), ''];
  if (result.reference) lines.push(`image     ${sanitize(result.reference)}${result.digest ? `@${result.digest}` : ''}`, '');
  lines.push(...formatSteps(result.steps, paint));
  for (const [i, sig] of result.signatures.entries()) {
    lines.push('', paint(VERDICT_COLOUR[sig.result.verdict], `signature ${i + 1} of ${result.signatures.length}: ${sig.result.verdict.toUpperCase()} — ${sanitize(sig.where)}`));
    lines.push(...formatSteps(sig.result.steps, paint).map((l) => `    ${l}`));
  }
  if (result.platforms.length > 0) {
    lines.push('', 'platforms:');
    for (const p of result.platforms) {
      const detail = p.error ? `: ${sanitize(p.error)}` : p.signatures ? ` (${p.verified} of ${p.signatures} signatures verified)` : '';
      lines.push(`    ${p.platform.padEnd(16)} ${p.digest}  ${p.verdict}${detail}`);
      for (const a of p.attestations) lines.push(`        attestation ${sanitize(a.typeName)} (${sanitize(a.predicateType ?? 'type unknown')}): ${a.verdict} — ${sanitize(a.where)}`);
    }
    if (result.onlyIndexSigned) lines.push(paint('33', '    ! only the index is signed: the platform manifests carry no signatures of their own'));
  }
  lines.push('', paint('90', `trust: ${result.trust.name} — ${result.trust.description}`), paint('90', `${result.totalMs.toFixed(1)} ms`));
  return lines.join('\n');
}

// One line per step, plus code, where, expected and found for a failed one.
function formatSteps(steps: Step[], paint: Paint): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(`${paint(COLOUR[step.status], MARK[step.status])}  ${step.id.padEnd(18)} ${sanitize(step.summary)}`);
    if (step.status === 'fail') {
      const d = step.detail ?? {};
      if (step.code) lines.push(`        code      ${step.code}`);
      if (d.where) lines.push(`        where     ${sanitize(d.where)}`);
      if (d.expected) lines.push(`        expected  ${sanitize(d.expected)}`);
      if (d.found) lines.push(`        found     ${sanitize(d.found)}`);
    }
  }
  return lines;
}

// Input-derived text may hold terminal control sequences; show them escaped, never interpreted.
export function sanitize(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
