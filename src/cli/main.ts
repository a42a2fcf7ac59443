// Entry point of the `signet` command line: finds the verb, parses its flags from its declarations, runs it.
import { VerifyError } from '../core/errors';
import packageJson from '../../package.json' with { type: 'json' };
import { processIo, type Io } from './io';
import { HELP, parseArgs } from './parse-args';
import { UsageError } from './usage-error';
import { EXIT, type Verb } from './verb';
import { mainHelp, usageLine, verbHelp } from './verb-help';
import { loadAllVerbs, VERBS } from './verbs';

export const VERSION: string = packageJson.version;

// Dispatch a command line; returns the exit status.
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(mainHelp(await loadAllVerbs(), VERSION));
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') return helpFor(rest[0], io);
  if (name === '--version' || name === 'version') {
    io.stdout(`signet ${VERSION}\n`);
    return EXIT.verified;
  }
  const entry = VERBS.find((v) => v.name === name);
  if (!entry) {
    io.stderr(`signet: unknown verb ${JSON.stringify(name.slice(0, 80))}\nVerbs: ${VERBS.map((v) => v.name).join(', ')}   (signet --help)\n`);
    return EXIT.usage;
  }
  const verb = await entry.load();
  try {
    const args = parseArgs(verb, rest);
    if (args === HELP) {
      io.stdout(verbHelp(verb));
      return EXIT.verified;
    }
    return await verb.run(args, io);
  } catch (err) {
    return reportError(err, verb, io);
  }
}

// `signet --help` or `signet help VERB`.
async function helpFor(verbName: string | undefined, io: Io): Promise<number> {
  const entry = VERBS.find((v) => v.name === verbName);
  io.stdout(entry ? verbHelp(await entry.load()) : mainHelp(await loadAllVerbs(), VERSION));
  return EXIT.verified;
}

// A usage or input error: one line on stderr (plus the usage line for a usage error), exit 2.
function reportError(err: unknown, verb: Verb, io: Io): number {
  if (err instanceof UsageError) {
    io.stderr(`signet ${verb.name}: ${err.message}\n${usageLine(err.verb ?? verb)}\n`);
    return EXIT.usage;
  }
  if (err instanceof VerifyError) {
    io.stderr(`signet ${verb.name}: ${err.code}: ${err.message}\n`);
    return EXIT.usage;
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
    io.stderr(`signet ${verb.name}: ${e.message}\n`);
    return EXIT.usage;
  }
  throw err;
}
