// The process's streams and environment as the verbs see them, and whether each stream may carry colour.
import { readFileSync } from 'node:fs';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Terminal width of stderr, for progress bars. */
  columns: number;
  /** All of standard input as text (for `-f -`). */
  readStdin(): string;
  /** All of standard input as bytes (`-` as the blob). */
  readStdinBytes(): Uint8Array;
}

// The real process.
export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    // A pseudo-terminal without a window size reports 0 columns.
    columns: process.stderr.columns || 80,
    readStdin: () => readFileSync(0, 'utf8'),
    readStdinBytes: () => new Uint8Array(readFileSync(0)),
  };
}

// Colour on stderr only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
export function stderrColour(io: Io): boolean {
  return io.stderrIsTTY && !io.env.NO_COLOR;
}
