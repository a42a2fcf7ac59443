// The verifier's threshold and "insecure" flags, spelled as cosign and sigstore-go spell them, for every verifying verb.
import type { Thresholds } from '../core/verify/thresholds';
import type { ParsedArgs } from './parse-args';
import { UsageError } from './usage-error';
import type { FlagSpec } from './verb';

/** The engine's options these flags set. */
export interface WeakeningOptions {
  thresholds: Partial<Thresholds>;
  useSignedTimestamps: boolean;
}

/** Per threshold: sigstore-go's count flag and, where there is one, cosign's flag that sets it to 0. The one table
 *  the flags are declared, read and printed from. */
const THRESHOLD_FLAGS: readonly { name: keyof Thresholds; count: FlagSpec; waive?: FlagSpec }[] = [
  {
    name: 'tlog',
    count: { name: 'tlog-threshold', value: 'N', help: 'distinct verified transparency-log entries required (default 1; 0 is --insecure-ignore-tlog)' },
    waive: { name: 'insecure-ignore-tlog', help: 'do not require a transparency-log entry (shown as a warn step; GitHub private-repository attestations have none)' },
  },
  {
    name: 'sct',
    count: { name: 'ctlog-threshold', value: 'N', help: 'verified SCTs from distinct CT logs required (default 1; 0 is --insecure-ignore-sct)' },
    waive: { name: 'insecure-ignore-sct', help: 'do not require an embedded SCT from a CT log (shown as a warn step)' },
  },
  { name: 'timestamps', count: { name: 'timestamp-threshold', value: 'N', help: 'distinct verified times (log integration or RFC 3161) required (default 1)' } },
];

const SIGNED_TIMESTAMPS_FLAG: FlagSpec = { name: 'use-signed-timestamps', help: 'require at least one verified RFC 3161 timestamp from a timestamp authority of the trusted root' };

/** Thresholds and weakenings; each weakening shows as a warn step saying what was not checked. */
export const WEAKENING_FLAGS: readonly FlagSpec[] = [
  ...THRESHOLD_FLAGS.flatMap((t) => (t.waive ? [t.waive] : [])),
  SIGNED_TIMESTAMPS_FLAG,
  ...THRESHOLD_FLAGS.map((t) => t.count),
];

// The engine's thresholds and signed-timestamp choice from the flags; a pair that contradicts itself is a usage error.
export function weakeningFromArgs(args: ParsedArgs): WeakeningOptions {
  const count = (flag: string): number | undefined => {
    const v = args.string(flag);
    if (v === undefined) return undefined;
    if (!/^\d{1,2}$/.test(v)) throw new UsageError(`--${flag} takes a whole number, not ${JSON.stringify(v.slice(0, 40))}`, args.verb);
    return Number(v);
  };
  const thresholds: Partial<Thresholds> = {};
  for (const t of THRESHOLD_FLAGS) {
    const n = count(t.count.name);
    if (t.waive && args.boolean(t.waive.name)) {
      if (n !== undefined && n !== 0) throw new UsageError(`--${t.waive.name} contradicts --${t.count.name} ${n}`, args.verb);
      thresholds[t.name] = 0;
    } else if (n !== undefined) thresholds[t.name] = n;
  }
  return { thresholds, useSignedTimestamps: args.boolean(SIGNED_TIMESTAMPS_FLAG.name) };
}

// The options as the flags that ask for them, as a user would type them (a waived count by cosign's name).
export function weakeningFlagsOf(options: WeakeningOptions): string[] {
  const flags = THRESHOLD_FLAGS.flatMap((t) => {
    const n = options.thresholds[t.name];
    if (n === undefined) return [];
    return [n === 0 && t.waive ? `--${t.waive.name}` : `--${t.count.name} ${n}`];
  });
  return options.useSignedTimestamps ? [...flags, `--${SIGNED_TIMESTAMPS_FLAG.name}`] : flags;
}
