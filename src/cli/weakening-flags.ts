// The verifier's threshold and "insecure" flags, spelled as cosign and sigstore-go spell them, shared by every verb.
import type { Thresholds } from '../core';
import { UsageError } from './usage-error';

/** parseArgs definitions of the threshold and weakening flags. */
export const WEAKENING_OPTIONS = {
  'insecure-ignore-tlog': { type: 'boolean' },
  'insecure-ignore-sct': { type: 'boolean' },
  'use-signed-timestamps': { type: 'boolean' },
  'tlog-threshold': { type: 'string' },
  'ctlog-threshold': { type: 'string' },
  'timestamp-threshold': { type: 'string' },
} as const;

export const WEAKENING_USAGE = `[--insecure-ignore-tlog] [--insecure-ignore-sct] [--use-signed-timestamps]
    [--tlog-threshold N] [--ctlog-threshold N] [--timestamp-threshold N]`;

// The engine's thresholds and signed-timestamp choice from the flags; a flag pair that contradicts itself is a usage error.
export function weakeningFromFlags(values: Record<string, string | boolean | undefined>): { thresholds: Partial<Thresholds>; useSignedTimestamps: boolean } {
  const count = (flag: string): number | undefined => {
    const v = values[flag];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !/^\d{1,2}$/.test(v)) throw new UsageError(`--${flag} takes a whole number, not ${JSON.stringify(String(v).slice(0, 40))}`);
    return Number(v);
  };
  const thresholds: Partial<Thresholds> = {};
  const tlog = count('tlog-threshold');
  const sct = count('ctlog-threshold');
  const timestamps = count('timestamp-threshold');
  if (values['insecure-ignore-tlog'] && tlog !== undefined && tlog !== 0) throw new UsageError('--insecure-ignore-tlog contradicts --tlog-threshold above 0');
  if (values['insecure-ignore-sct'] && sct !== undefined && sct !== 0) throw new UsageError('--insecure-ignore-sct contradicts --ctlog-threshold above 0');
  if (values['insecure-ignore-tlog'] || tlog !== undefined) thresholds.tlog = values['insecure-ignore-tlog'] ? 0 : tlog!;
  if (values['insecure-ignore-sct'] || sct !== undefined) thresholds.sct = values['insecure-ignore-sct'] ? 0 : sct!;
  if (timestamps !== undefined) thresholds.timestamps = timestamps;
  return { thresholds, useSignedTimestamps: values['use-signed-timestamps'] === true };
}
