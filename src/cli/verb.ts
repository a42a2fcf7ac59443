// What a verb of the `signet` command declares: its flags, operands and run function. Help, parsing and usage errors all come from these declarations.
import type { ParsedArgs } from './parse-args';
import type { Io } from './io';

/** One flag as a verb declares it; `--help` prints `help` on one line. */
export interface FlagSpec {
  /** The long name without dashes, as cosign spells it: `certificate-identity`. */
  name: string;
  /** A one-letter alias: `-o`. */
  short?: string;
  /** For a flag that takes a value, the value's name in help (`FILE`, `URL`); absent for a boolean flag. */
  value?: string;
  /** The only values accepted, for a value flag (`json`, `text`). */
  choices?: readonly string[];
  /** May be given several times; the values are kept in order. */
  repeatable?: boolean;
  /** One line: what the flag does. */
  help: string;
  /** Why this value is refused (a KMS URI for --key, say); undefined when it is acceptable. */
  refuse?: (value: string) => string | undefined;
}

/** The operands after the flags: how many, and what they are called in help. */
export interface OperandSpec {
  name: string;
  min: number;
  /** Absent: no upper bound. */
  max?: number;
}

/** A verb: one module per verb, registered in verbs.ts. */
export interface Verb {
  name: string;
  /** One line for `signet --help`. */
  summary: string;
  /** What follows `signet <name>` in the usage line: `FILE --bundle FILE [flags]`. */
  synopsis: string;
  flags: readonly FlagSpec[];
  operands: OperandSpec;
  /** Further help paragraphs: environment variables, what is printed where. */
  notes?: readonly string[];
  /** Runs the verb; returns the exit status (EXIT). */
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** The exit status of every verb. */
export const EXIT = { verified: 0, notVerified: 1, usage: 2 } as const;
