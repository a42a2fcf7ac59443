// Every verb as a user meets it: help from its declarations, usage errors with exit 2, refused cosign flags.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllVerbs, VERBS } from '../../src/cli/verbs';
import { runCli } from './run-cli';

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const DECLARED = await loadAllVerbs();

describe('signet', () => {
  it('--help lists every verb; --version prints the package version; no verb is a usage error', async () => {
    const help = await runCli(['--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    for (const v of VERBS) expect(help.stdout).toMatch(new RegExp(`^  ${v.name} +\\S`, 'm'));
    expect((await runCli(['-h'])).stdout).toBe(help.stdout);
    const version = await runCli(['--version']);
    expect([version.code, version.stdout]).toEqual([0, `signet ${VERSION}\n`]);
    const none = await runCli([]);
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toContain('Verbs:');
    const unknown = await runCli(['verfy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^signet: unknown verb "verfy"\nVerbs: /);
  });

  it('each registry entry loads the verb of its own name, once per name', () => {
    expect(DECLARED.map((v) => v.name)).toEqual(VERBS.map((v) => v.name));
    expect(new Set(VERBS.map((v) => v.name)).size).toBe(VERBS.length);
  });
});

describe.each(DECLARED.map((v) => [v.name, v] as const))('signet %s', (name, verb) => {
  it('--help and -h print every declared flag on its own line, exit 0', async () => {
    const help = await runCli([name, '--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain(`Usage: signet ${name} `);
    for (const f of verb.flags) expect(help.stdout).toMatch(new RegExp(`^  ${f.short ? `-${f.short}, ` : '    '}--${f.name}\\b`, 'm'));
    expect(help.stdout).toMatch(/^Exit status: 0 verified, 1 not verified, 2 usage or input error\.$/m);
    expect((await runCli([name, '-h'])).stdout).toBe(help.stdout);
    expect((await runCli(['help', name])).stdout).toBe(help.stdout);
  });

  it('an unknown flag: one line naming it, then the usage line, exit 2, nothing on stdout', async () => {
    const r = await runCli([name, '--no-such-flag', 'x']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n')).toEqual([`signet ${name}: unknown flag "--no-such-flag"`, expect.stringMatching(new RegExp(`^Usage: signet ${name} `)), '']);
  });

  it('a value flag without its value is a usage error naming the flag', async () => {
    const flag = verb.flags.find((f) => f.value !== undefined);
    if (!flag) return;
    const r = await runCli([name, `--${flag.name}`]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`signet ${name}: flag --${flag.name} needs a value (${flag.value})`);
  });

  it('a cosign flag Signet does not support is refused by name with the reason', async () => {
    const r = await runCli([name, '--sk']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^signet ${name}: --sk is not supported: hardware security keys are not read; .+`));
  });
});
