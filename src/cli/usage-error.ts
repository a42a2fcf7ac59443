// A command-line mistake: printed with usage, exit status 2.
export class UsageError extends Error {}
