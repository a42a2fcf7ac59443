// WWW-Authenticate challenges: RFC 7235 §4.1 (challenge list, auth-params, quoted strings with
// quoted-pair escapes, token68) as used by Bearer (RFC 6750 §3) and Basic (RFC 7617) registries.
import { VerifyError } from '../core/errors';
import { OCI_LIMITS } from './limits';

export interface AuthChallenge {
  /** Lower-cased auth scheme, e.g. 'bearer' or 'basic'. */
  scheme: string;
  /** Parameter names lower-cased (they are case-insensitive); values as sent, unescaped. */
  params: Record<string, string>;
  token68?: string;
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;
/** Unquoted values are read leniently (registries send e.g. scope=repository:a/b:pull without quotes). */
const BARE_VALUE = /[^\s,"]+/y;
const SPACES = /[ \t]*/y;
const SEPARATORS = /[ \t,]*/y;

// Refuse a malformed header with OCI_AUTH_FAILED, quoting where parsing stopped.
function malformed(header: string, at: number, problem: string): never {
  throw new VerifyError('OCI_AUTH_FAILED', `the registry's WWW-Authenticate header is malformed: ${problem} at character ${at}`, {
    where: 'WWW-Authenticate',
    found: header.slice(0, 300),
  });
}

// Parse every challenge of a WWW-Authenticate header value.
export function parseAuthChallenges(header: string): AuthChallenge[] {
  if (header.length > OCI_LIMITS.headerChars) malformed(header, OCI_LIMITS.headerChars, 'the header is too long');
  let pos = 0;
  // Match a sticky pattern at the current position and advance past it.
  const take = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(header);
    if (!match || match[0].length === 0) return undefined;
    pos += match[0].length;
    return match[0];
  };
  const challenges: AuthChallenge[] = [];
  for (;;) {
    take(SEPARATORS);
    if (pos >= header.length) return challenges;
    const scheme = take(TOKEN);
    if (scheme === undefined) malformed(header, pos, 'expected an auth scheme');
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(challenge);
    take(SPACES);
    const start = pos;
    const token68 = take(TOKEN68);
    take(SPACES);
    if (token68 !== undefined && (pos >= header.length || header[pos] === ',')) {
      challenge.token68 = token68;
      continue;
    }
    pos = start;
    readParams(challenge);
  }

  // Read `name = value` pairs separated by commas until something that is not a parameter (the next challenge).
  function readParams(challenge: AuthChallenge): void {
    for (;;) {
      const before = pos;
      take(SEPARATORS);
      const name = take(TOKEN)?.toLowerCase();
      take(SPACES);
      if (name === undefined || header[pos] !== '=') {
        pos = before;
        return;
      }
      pos++;
      take(SPACES);
      const value = header[pos] === '"' ? readQuoted() : take(BARE_VALUE);
      if (value === undefined) malformed(header, pos, `parameter "${name}" has no value`);
      if (Object.hasOwn(challenge.params, name)) malformed(header, pos, `parameter "${name}" appears twice`);
      challenge.params[name] = value;
      take(SPACES);
      if (pos < header.length && header[pos] !== ',') malformed(header, pos, 'expected ","');
    }
  }

  // Read a quoted-string, undoing quoted-pair escapes (RFC 7230 §3.2.6).
  function readQuoted(): string {
    let out = '';
    for (pos++; pos < header.length; pos++) {
      const c = header[pos];
      if (c === '"') {
        pos++;
        return out;
      }
      if (c === '\\') pos++;
      if (pos < header.length) out += header[pos];
    }
    return malformed(header, pos, 'a quoted string is not closed');
  }
}
