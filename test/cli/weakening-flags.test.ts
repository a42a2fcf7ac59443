// The weakening flags are declared, read and printed from one table: what a report prints parses back to the same options.
import { describe, expect, it } from 'vitest';
import { parseArgs, type ParsedArgs } from '../../src/cli/parse-args';
import type { Verb } from '../../src/cli/verb';
import { WEAKENING_FLAGS, weakeningFlagsOf, weakeningFromArgs, type WeakeningOptions } from '../../src/cli/weakening-flags';

const verb: Verb = { name: 'probe', summary: 'a verb for flag tests', synopsis: '[flags]', operands: { name: 'X', min: 0 }, flags: [...WEAKENING_FLAGS], run: async () => 0 };
const read = (argv: string[]) => weakeningFromArgs(parseArgs(verb, argv) as ParsedArgs);

describe('weakening flags', () => {
  it('prints a waived count by cosign\'s flag, another count by sigstore-go\'s, and each parses back to the same options', () => {
    const cases: [WeakeningOptions, string[]][] = [
      [{ thresholds: {}, useSignedTimestamps: false }, []],
      [{ thresholds: { tlog: 0 }, useSignedTimestamps: false }, ['--insecure-ignore-tlog']],
      [{ thresholds: { tlog: 0, sct: 0 }, useSignedTimestamps: true }, ['--insecure-ignore-tlog', '--insecure-ignore-sct', '--use-signed-timestamps']],
      [{ thresholds: { tlog: 2, sct: 3, timestamps: 0 }, useSignedTimestamps: false }, ['--tlog-threshold 2', '--ctlog-threshold 3', '--timestamp-threshold 0']],
    ];
    for (const [options, flags] of cases) {
      expect(weakeningFlagsOf(options)).toEqual(flags);
      expect(read(flags.flatMap((f) => f.split(' ')))).toEqual(options);
    }
  });

  it('declares each flag once, and every flag it prints is one it declares', () => {
    const names = WEAKENING_FLAGS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const printed = weakeningFlagsOf({ thresholds: { tlog: 0, sct: 0, timestamps: 0 }, useSignedTimestamps: true }).concat(weakeningFlagsOf({ thresholds: { tlog: 1, sct: 1, timestamps: 1 }, useSignedTimestamps: false }));
    for (const f of printed) expect(names).toContain(f.split(' ')[0]!.slice(2));
    expect(names.sort()).toEqual(['ctlog-threshold', 'insecure-ignore-sct', 'insecure-ignore-tlog', 'timestamp-threshold', 'tlog-threshold', 'use-signed-timestamps']);
  });

  it('refuses a waiver that contradicts its count', () => {
    expect(() => read(['--insecure-ignore-sct', '--ctlog-threshold', '2'])).toThrow(/--insecure-ignore-sct contradicts --ctlog-threshold 2/);
    expect(read(['--insecure-ignore-sct', '--ctlog-threshold', '0'])).toEqual({ thresholds: { sct: 0 }, useSignedTimestamps: false });
  });
});
