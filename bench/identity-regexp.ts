// Worst-case identity matching: (a|aa)*c against an attacker's SAN, RE2 (the engine) vs a backtracking RegExp.
import { evaluateIdentityPolicy, LIMITS } from '../src/core';

const issuer = { exact: 'https://issuer.example' };

// Milliseconds for one policy evaluation of the pattern over a SAN of `length` a's (never matching).
async function timeRe2(length: number): Promise<number> {
  const t = performance.now();
  try {
    await evaluateIdentityPolicy({ identity: { regexp: '(a|aa)*c' }, issuer }, { sans: ['a'.repeat(length)], issuer: issuer.exact, claims: {} });
  } catch {
    // a mismatch is the expected outcome
  }
  return performance.now() - t;
}

// The same with the JavaScript engine the policy used before (anchored, backtracking).
function timeBacktracking(length: number): number {
  const t = performance.now();
  new RegExp('^(?:(a|aa)*c)$', 'u').test('a'.repeat(length));
  return performance.now() - t;
}

// The figures as lines of text: the backtracking engine up to 32 characters, RE2 up to the certificate size cap.
export async function benchIdentityRegexp(): Promise<string> {
  await timeRe2(64); // warm up once (this also imports the engine), as a long-running verifier would be
  const rows: string[] = [];
  for (const n of [20, 26, 30, 32]) rows.push(`  ${n} chars: backtracking ${timeBacktracking(n).toFixed(1)} ms, RE2 ${(await timeRe2(n)).toFixed(2)} ms`);
  const cap = LIMITS.certificateBytes;
  rows.push(`  40 chars: RE2 ${(await timeRe2(40)).toFixed(2)} ms (backtracking not run: about 1.6^8 times the 32-character figure)`);
  rows.push(`  ${cap} chars (the certificate size cap): RE2 ${(await timeRe2(cap)).toFixed(1)} ms`);
  return `identity regexp (a|aa)*c against a SAN of a's, worst case\n${rows.join('\n')}\n`;
}
