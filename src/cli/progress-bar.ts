// A one-line progress bar on stderr, only on a terminal: images done of total, failures so far.
import type { Io } from './io';

export interface Progress {
  update(p: { done: number; total: number; failed: number }): void;
  /** Erase the bar before other output follows. */
  clear(): void;
}

const BAR_WIDTH = 30;
const NONE: Progress = { update: () => {}, clear: () => {} };

// The bar when stderr is a terminal; otherwise nothing at all (logs stay clean).
export function createProgress(io: Io, label: string): Progress {
  if (!io.stderrIsTTY) return NONE;
  let drawn = false;
  return {
    update({ done, total, failed }) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} done, ${failed} failed`;
      io.stderr(`\r${line.slice(0, Math.max(40, io.columns - 1))}\u001b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr('\r\u001b[K');
      drawn = false;
    },
  };
}
