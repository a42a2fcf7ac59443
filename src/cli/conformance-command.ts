// `signet conformance DIR`: every case of DIR/cases.json through this CLI, exactly as the suite's harness calls it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, type Verb } from './verb';

interface ConformanceCase {
  name: string;
  expect: 'pass' | 'fail';
  cli: string[];
  why?: string;
}

// The installed command (bin/), which runs the build when there is one. This module sits two folders below the
// package root both as source (src/cli) and built (dist-cli/chunks).
const BIN = fileURLToPath(new URL('../../bin/signet.mjs', import.meta.url));

export const conformanceVerb: Verb = {
  name: 'conformance',
  summary: 'run the Sigstore conformance cases of DIR/cases.json through this command',
  synopsis: 'DIR [--verbose]',
  operands: { name: 'DIR (holds cases.json)', min: 1, max: 1 },
  flags: [{ name: 'verbose', help: 'print every case, not only mismatches' }],
  // Run all cases (a few at a time), print each mismatch and the `N passed, M failed` line; exit 1 on any mismatch.
  async run(args, io) {
    const root = resolve(args.operands[0]!);
    const cases = JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as ConformanceCase[];
    let passed = 0;
    const failures: string[] = [];
    const queue = [...cases];
    const workers = Array.from({ length: Math.max(1, Math.min(4, cpus().length)) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const { code, output } = await runCli(c.cli, root);
        const ok = (code === 0) === (c.expect === 'pass');
        if (ok) passed++;
        else failures.push(`MISMATCH ${c.name}: expected ${c.expect}, exit ${code}${c.why ? ` (${c.why})` : ''}\n${indent(output)}`);
        if (args.boolean('verbose')) io.stdout(`${ok ? 'ok  ' : 'FAIL'} ${c.name} (exit ${code})\n`);
      }
    });
    await Promise.all(workers);
    for (const f of failures) io.stdout(`${f}\n`);
    io.stdout(`${passed} passed, ${failures.length} failed\n`);
    return failures.length === 0 ? EXIT.verified : EXIT.notVerified;
  },
};

function runCli(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

function indent(text: string): string {
  return text.trimEnd().split('\n').slice(0, 40).map((l) => `    ${l}`).join('\n');
}
