// POSIX shell quoting for values pasted into a command line.

// One shell word that reads back as exactly `value`: single quotes, each embedded ' written as '\''.
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
