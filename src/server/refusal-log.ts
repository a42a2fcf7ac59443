// Bounded logging of exchanges that ended early: when hundreds end at once (a time limit striking a crowd of slow
// upstreams), the server writes one line per kind of end per interval with a count and one example, never a line
// per exchange (stderr to a pipe or file is written synchronously, and 500 writes stall every other request).
import { ProxyRefusal } from '../proxy';
import { readableStack } from './stack-traces';

/** Where lines go, and the clock; the process's stderr and timers unless a test gives its own. */
export interface RefusalLogOptions {
  write?: (line: string) => void;
  intervalMs?: number;
  schedule?: (flush: () => void, ms: number) => { unref?(): unknown };
}

export interface RefusalLog {
  /** Counts one exchange that ended with error (a refusal by its code, anything else by its name). */
  note(error: unknown): void;
  /** Writes what is counted now. */
  flush(): void;
}

// Lines are written at most this often per kind of end.
const INTERVAL_MS = 1000;
// An example message is cut to this many characters.
const MAX_EXAMPLE = 600;

interface Tally {
  count: number;
  example: string;
}

// The log; the first end of a quiet spell schedules a flush one interval later.
export function createRefusalLog({ write = (line) => void process.stderr.write(line), intervalMs = INTERVAL_MS, schedule = setTimeout }: RefusalLogOptions = {}): RefusalLog {
  const tallies = new Map<string, Tally>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const lines = [...tallies].map(([kind, { count, example }]) => `signet proxy: ${count} ${count === 1 ? 'exchange' : 'exchanges'} ended with ${kind}, e.g. ${example}\n`);
    tallies.clear();
    if (lines.length > 0) write(lines.join(''));
  };
  return {
    note(error) {
      const [kind, example] = describe(error);
      const tally = tallies.get(kind);
      if (tally) tally.count += 1;
      else tallies.set(kind, { count: 1, example: example.length > MAX_EXAMPLE ? `${example.slice(0, MAX_EXAMPLE)}…` : example });
      if (scheduled) return;
      scheduled = true;
      schedule(flush, intervalMs).unref?.();
    },
    flush,
  };
}

// The kind of end and an example line for it: a refusal's code and message (with its target), or an error's name
// and stack on one line (a fault, also counted, never dropped).
function describe(error: unknown): [string, string] {
  if (error instanceof ProxyRefusal) return [error.code, `${error.message}${error.target === '' ? '' : ` (${error.target})`}`];
  if (error instanceof Error) return [error.name, readableStack(error).replace(/\s*\n\s*/g, ' | ')];
  return ['an unknown error', String(error)];
}
