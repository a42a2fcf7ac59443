// Command-line parsing from a verb's declarations: `--name value`, `--name=value`, booleans (`--flag`,
// `--flag=true|false` as cosign accepts them), one-letter aliases, `--` ending the flags, `-` as an operand.
import { refusedFlag } from './refused-flags';
import { UsageError } from './usage-error';
import type { FlagSpec, Verb } from './verb';

type Value = string | boolean | string[];

/** The flags and operands given to a verb, read through the verb's declarations. */
export class ParsedArgs {
  constructor(
    readonly verb: Verb,
    private readonly values: ReadonlyMap<string, Value>,
    readonly operands: readonly string[],
  ) {}

  // The value of a value flag, or undefined when not given.
  string(name: string): string | undefined {
    const v = this.values.get(this.declared(name).name);
    return typeof v === 'string' ? v : undefined;
  }

  // Whether a boolean flag was given (and not as =false).
  boolean(name: string): boolean {
    return this.values.get(this.declared(name).name) === true;
  }

  // Every value of a repeatable flag, in order.
  list(name: string): string[] {
    const v = this.values.get(this.declared(name).name);
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  }

  // Whether the flag appeared at all.
  has(name: string): boolean {
    return this.values.has(this.declared(name).name);
  }

  // A verb may only read flags it declared; reading another is a programming error.
  private declared(name: string): FlagSpec {
    const spec = this.verb.flags.find((f) => f.name === name);
    if (!spec) throw new Error(`verb ${this.verb.name} reads undeclared flag --${name}`);
    return spec;
  }
}

/** `--help` or `-h` was given: print the verb's help instead of running it. */
export const HELP = Symbol('help');

// Parse argv against the verb's flags; throws UsageError (exit 2) for anything it does not declare.
export function parseArgs(verb: Verb, argv: readonly string[]): ParsedArgs | typeof HELP {
  const values = new Map<string, Value>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return HELP;
    if (arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const spec = findFlag(verb, written);
    if (spec.value === undefined) {
      values.set(spec.name, booleanValue(verb, spec, inline));
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`flag --${spec.name} needs a value (${spec.value})`, verb);
      value = next;
      i++;
    }
    acceptValue(verb, spec, value, values);
  }
  checkOperands(verb, operands);
  return new ParsedArgs(verb, values, operands);
}

// The declaration a written flag names, or a usage error saying why it is not accepted.
function findFlag(verb: Verb, written: string): FlagSpec {
  const long = written.startsWith('--');
  const name = written.slice(long ? 2 : 1);
  const spec = verb.flags.find((f) => (long ? f.name === name : f.short === name));
  if (spec) return spec;
  const refusal = long ? refusedFlag(name) : undefined;
  if (refusal) throw new UsageError(`--${name} is not supported: ${refusal}`, verb);
  throw new UsageError(`unknown flag ${quoteArg(written)}`, verb);
}

// A boolean flag alone means true; cosign also accepts --flag=true and --flag=false.
function booleanValue(verb: Verb, spec: FlagSpec, inline: string | undefined): boolean {
  if (inline === undefined || inline === 'true') return true;
  if (inline === 'false') return false;
  throw new UsageError(`flag --${spec.name} takes no value (or =true / =false), got ${quoteArg(inline)}`, verb);
}

// Check a flag's value against its choices and refusals, then store it.
function acceptValue(verb: Verb, spec: FlagSpec, value: string, values: Map<string, Value>): void {
  if (spec.choices && !spec.choices.includes(value)) {
    throw new UsageError(`flag --${spec.name} must be one of ${spec.choices.join(', ')}, got ${quoteArg(value)}`, verb);
  }
  const refusal = spec.refuse?.(value);
  if (refusal) throw new UsageError(`--${spec.name} ${quoteArg(value)} is not supported: ${refusal}`, verb);
  const before = values.get(spec.name);
  if (before !== undefined && !spec.repeatable) throw new UsageError(`flag --${spec.name} given more than once`, verb);
  values.set(spec.name, spec.repeatable ? [...(Array.isArray(before) ? before : []), value] : value);
}

// The operand count the verb declares.
function checkOperands(verb: Verb, operands: string[]): void {
  const { name, min, max } = verb.operands;
  if (operands.length < min) throw new UsageError(`missing ${name}`, verb);
  if (max !== undefined && operands.length > max) {
    throw new UsageError(max === 0 ? `unexpected operand ${quoteArg(operands[0]!)}` : `too many operands: expected at most ${max} ${name}, got ${operands.length}`, verb);
  }
}

// An argument as typed, quoted and cut short so an error line stays one line.
export function quoteArg(text: string): string {
  const cut = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return JSON.stringify(cut);
}
