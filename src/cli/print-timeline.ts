// The timeline as terminal text: status by symbol and word (not colour alone), summary, and failure detail.
import type { StepStatus, VerificationResult } from '../core';

const MARK: Record<StepStatus, string> = { pass: '✔ pass', fail: '✘ FAIL', warn: '! warn', skip: '- skip' };
const COLOUR: Record<StepStatus, string> = { pass: '32', fail: '31', warn: '33', skip: '90' };

// Render a result for a terminal; colour only when the stream is a TTY.
export function formatTimeline(result: VerificationResult, colour: boolean): string {
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const verdictColour = result.verdict === 'verified' ? '32' : result.verdict === 'failed' ? '31' : '33';
  lines.push(paint(verdictColour, `${result.verdict.toUpperCase()}: ${sanitize(result.headline)}`), '');
  for (const step of result.steps) {
    lines.push(`${paint(COLOUR[step.status], MARK[step.status])}  ${step.id.padEnd(18)} ${sanitize(step.summary)}`);
    if (step.status === 'fail') {
      const d = step.detail ?? {};
      if (step.code) lines.push(`        code      ${step.code}`);
      if (d.where) lines.push(`        where     ${sanitize(d.where)}`);
      if (d.expected) lines.push(`        expected  ${sanitize(d.expected)}`);
      if (d.found) lines.push(`        found     ${sanitize(d.found)}`);
    }
  }
  lines.push('', paint('90', `trust: ${result.trust.name} — ${result.trust.description}${result.trust.date ? ` (newest key ${result.trust.date})` : ''}`));
  lines.push(paint('90', `${result.totalMs.toFixed(1)} ms`));
  return lines.join('\n');
}

// Input-derived text may hold terminal control sequences; show them escaped, never interpreted.
function sanitize(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
