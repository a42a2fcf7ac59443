// Flag parsing from declarations: the forms cosign users type, and every way a command line can be wrong.
import { describe, expect, it } from 'vitest';
import { HELP, parseArgs, type ParsedArgs } from '../../src/cli/parse-args';
import { UsageError } from '../../src/cli/usage-error';
import type { Verb } from '../../src/cli/verb';

const verb: Verb = {
  name: 'probe',
  summary: 'a verb for parser tests',
  synopsis: 'THING…',
  operands: { name: 'THING', min: 1, max: 3 },
  flags: [
    { name: 'bundle', value: 'FILE', help: 'a value flag' },
    { name: 'output', short: 'o', value: 'FORMAT', choices: ['json', 'text'], help: 'a choice' },
    { name: 'file', short: 'f', value: 'FILE', repeatable: true, help: 'repeatable' },
    { name: 'offline', help: 'a boolean' },
    { name: 'key', value: 'FILE', refuse: (v) => (v.startsWith('awskms://') ? 'KMS keys are not fetched' : undefined), help: 'refusable' },
  ],
  run: async () => 0,
};

const parse = (...argv: string[]) => parseArgs(verb, argv) as ParsedArgs;
const usageError = (...argv: string[]) => {
  try {
    parseArgs(verb, argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
  throw new Error('expected a usage error');
};

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, one-letter aliases, booleans and operands in any order', () => {
    const a = parse('x', '--bundle', 'b.json', '-o', 'text', '--offline', '-f', 'one', '--file=two', 'y');
    expect([a.string('bundle'), a.string('output'), a.boolean('offline'), a.list('file'), a.operands]).toEqual(['b.json', 'text', true, ['one', 'two'], ['x', 'y']]);
    expect([a.has('key'), a.string('key'), a.list('key')]).toEqual([false, undefined, []]);
  });

  it('accepts cosign\'s --flag=true and --flag=false for booleans, and nothing else', () => {
    expect(parse('x', '--offline=true').boolean('offline')).toBe(true);
    const off = parse('x', '--offline=false');
    expect([off.boolean('offline'), off.has('offline')]).toEqual([false, true]);
    expect(usageError('x', '--offline=yes')).toBe('flag --offline takes no value (or =true / =false), got "yes"');
  });

  it('`-` is an operand (standard input); `--` ends the flags', () => {
    expect(parse('-', '--', '--bundle', '-o').operands).toEqual(['-', '--bundle', '-o']);
  });

  it('--help or -h anywhere asks for help', () => {
    expect(parseArgs(verb, ['x', '--bundle', 'b', '-h'])).toBe(HELP);
    expect(parseArgs(verb, ['--help'])).toBe(HELP);
  });

  it('refuses unknown flags, missing values, bad choices, repeats of single flags, refused values and wrong operand counts', () => {
    expect(usageError('x', '--bundel', 'b')).toBe('unknown flag "--bundel"');
    expect(usageError('x', '-z')).toBe('unknown flag "-z"');
    expect(usageError('x', '--bundle')).toBe('flag --bundle needs a value (FILE)');
    expect(usageError('x', '--bundle', '--offline')).toBe('flag --bundle needs a value (FILE)');
    expect(usageError('x', '-o', 'yaml')).toBe('flag --output must be one of json, text, got "yaml"');
    expect(usageError('x', '--bundle', 'a', '--bundle', 'b')).toBe('flag --bundle given more than once');
    expect(usageError('x', '--key', 'awskms://alias/k')).toBe('--key "awskms://alias/k" is not supported: KMS keys are not fetched');
    expect(usageError('--offline')).toBe('missing THING');
    expect(usageError('a', 'b', 'c', 'd')).toBe('too many operands: expected at most 3 THING, got 4');
  });

  it('names a known cosign flag it does not support, with the reason', () => {
    expect(usageError('x', '--rekor-url', 'https://rekor.example')).toMatch(/^--rekor-url is not supported: Signet verifies the log entry carried with the signature offline/);
    expect(usageError('x', '--allow-insecure-registry')).toMatch(/^--allow-insecure-registry is not supported: /);
  });

  it('quotes a typed value at bounded length, so an error stays one line', () => {
    const msg = usageError('x', `--${'a'.repeat(500)}`);
    expect(msg.length).toBeLessThan(120);
    expect(usageError('x', '-o', 'a\nb')).toBe('flag --output must be one of json, text, got "a\\nb"');
  });

  it('a verb reading a flag it never declared is a programming error, not a silent undefined', () => {
    expect(() => parse('x').string('bunlde')).toThrow(/undeclared flag --bunlde/);
  });
});
