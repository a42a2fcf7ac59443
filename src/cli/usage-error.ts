// A command-line mistake: printed as one line plus the verb's usage, exit status 2.
import type { Verb } from './verb';

export class UsageError extends Error {
  constructor(
    message: string,
    /** The verb whose usage line to print after the message, when known. */
    readonly verb?: Verb,
  ) {
    super(message);
  }
}
