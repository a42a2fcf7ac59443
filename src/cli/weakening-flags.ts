// The verifier's threshold and "insecure" flags, spelled as cosign and sigstore-go spell them, for every verifying verb.
import type { Thresholds } from '../core/verify/thresholds';
import type { ParsedArgs } from './parse-args';
import { UsageError } from './usage-error';
import type { FlagSpec } from './verb';

/** Thresholds and weakenings; each weakening shows as a warn step saying what was not checked. */
export const WEAKENING_FLAGS: readonly FlagSpec[] = [
  { name: 'insecure-ignore-tlog', help: 'do not require a transparency-log entry (shown as a warn step; GitHub private-repository attestations have none)' },
  { name: 'insecure-ignore-sct', help: 'do not require an embedded SCT from a CT log (shown as a warn step)' },
  { name: 'use-signed-timestamps', help: 'require at least one verified RFC 3161 timestamp from a timestamp authority of the trusted root' },
  { name: 'tlog-threshold', value: 'N', help: 'distinct verified transparency-log entries required (default 1; 0 is --insecure-ignore-tlog)' },
  { name: 'ctlog-threshold', value: 'N', help: 'verified SCTs from distinct CT logs required (default 1; 0 is --insecure-ignore-sct)' },
  { name: 'timestamp-threshold', value: 'N', help: 'distinct verified times (log integration or RFC 3161) required (default 1)' },
];

// The engine's thresholds and signed-timestamp choice from the flags; a pair that contradicts itself is a usage error.
export function weakeningFromArgs(args: ParsedArgs): { thresholds: Partial<Thresholds>; useSignedTimestamps: boolean } {
  const count = (flag: string): number | undefined => {
    const v = args.string(flag);
    if (v === undefined) return undefined;
    if (!/^\d{1,2}$/.test(v)) throw new UsageError(`--${flag} takes a whole number, not ${JSON.stringify(v.slice(0, 40))}`, args.verb);
    return Number(v);
  };
  const waive = (flag: string, thresholdFlag: string): number | undefined => {
    const n = count(thresholdFlag);
    if (!args.boolean(flag)) return n;
    if (n !== undefined && n !== 0) throw new UsageError(`--${flag} contradicts --${thresholdFlag} ${n}`, args.verb);
    return 0;
  };
  const tlog = waive('insecure-ignore-tlog', 'tlog-threshold');
  const sct = waive('insecure-ignore-sct', 'ctlog-threshold');
  const timestamps = count('timestamp-threshold');
  return {
    thresholds: { ...(tlog !== undefined ? { tlog } : {}), ...(sct !== undefined ? { sct } : {}), ...(timestamps !== undefined ? { timestamps } : {}) },
    useSignedTimestamps: args.boolean('use-signed-timestamps'),
  };
}
