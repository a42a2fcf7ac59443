// Help text from the declarations: `signet --help` lists the verbs, `signet VERB --help` every flag on one line.
import type { FlagSpec, Verb } from './verb';

const EXIT_LINE = 'Exit status: 0 verified, 1 not verified, 2 usage or input error.';
const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', help: 'show this help' };

// The usage line printed under a usage error.
export function usageLine(verb: Verb): string {
  return `Usage: signet ${verb.name} ${verb.synopsis}   (signet ${verb.name} --help lists every flag)`;
}

// The full help of one verb.
export function verbHelp(verb: Verb): string {
  const flags = [...verb.flags, HELP_FLAG];
  const left = flags.map(flagColumn);
  const width = Math.min(48, Math.max(...left.map((l) => l.length)) + 2);
  const rows = flags.map((f, i) => {
    const l = left[i]!;
    const extra = [f.choices ? `one of ${f.choices.join(', ')}` : '', f.repeatable ? 'repeatable' : ''].filter(Boolean).join('; ');
    const text = extra ? `${f.help} (${extra})` : f.help;
    return l.length + 2 > width ? `  ${l}\n  ${' '.repeat(width)}${text}` : `  ${l.padEnd(width)}${text}`;
  });
  return [
    `signet ${verb.name} — ${verb.summary}`,
    '',
    `Usage: signet ${verb.name} ${verb.synopsis}`,
    '',
    'Flags:',
    ...rows,
    ...(verb.notes ?? []).flatMap((n) => ['', n]),
    '',
    EXIT_LINE,
    '',
  ].join('\n');
}

// `-o, --output FORMAT` / `    --json`
function flagColumn(f: FlagSpec): string {
  return `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`;
}

// `signet --help`: every verb with its summary.
export function mainHelp(verbs: readonly Verb[], version: string): string {
  const width = Math.max(...verbs.map((v) => v.name.length)) + 2;
  return [
    `signet ${version} — verify Sigstore and cosign signatures, step by step`,
    '',
    'Usage: signet VERB [flags] [operands]',
    '',
    'Verbs:',
    ...verbs.map((v) => `  ${v.name.padEnd(width)}${v.summary}`),
    '',
    'Flags:',
    '  -h, --help     show this help (signet VERB --help shows the flags of VERB)',
    '      --version  print the version',
    '',
    'The verbs and flags are cosign\'s, so a pipeline can swap the binary; cosign flags Signet does not support are refused by name.',
    'Verdicts and steps go to stderr, the verified payloads (or --json, the full record) to stdout.',
    EXIT_LINE,
    '',
  ].join('\n');
}
