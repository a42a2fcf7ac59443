// Reads the realm out of a Bearer challenge in WWW-Authenticate (RFC 9110 §11.6.1 and §11.2 syntax;
// Docker token authentication spec: `Bearer realm="…",service="…",scope="…"`).

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
// A scheme name at the start of a challenge, after any commas that separate challenges.
const SCHEME = new RegExp(`^[\\s,]*(${TOKEN})(?=\\s|,|$)`);
// One auth-param: name = token / quoted-string, then a comma or the end.
const PARAM = new RegExp(`^[\\s,]*(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")\\s*(?=,|$)`);
// A token68 credential form (RFC 9110 §11.2), which some schemes use instead of parameters.
const TOKEN68 = /^\s+[A-Za-z0-9._~+/-]+=*\s*(?=,|$)/;

// The auth-params of every challenge in a header value, by lower-cased scheme; null when the value does not parse.
export function parseChallenges(header: string): Map<string, Map<string, string>> | null {
  const challenges = new Map<string, Map<string, string>>();
  let rest = header;
  while (rest.trim().replace(/^[\s,]+/, '') !== '') {
    const scheme = SCHEME.exec(rest);
    if (!scheme?.[1]) return null;
    rest = rest.slice(scheme[0].length);
    const params = new Map<string, string>();
    const token68 = PARAM.test(rest) ? null : TOKEN68.exec(rest);
    if (token68) rest = rest.slice(token68[0].length);
    for (let param = PARAM.exec(rest); param?.[1] && param[2] !== undefined; param = PARAM.exec(rest)) {
      params.set(param[1].toLowerCase(), unquote(param[2]));
      rest = rest.slice(param[0].length);
    }
    challenges.set(scheme[1].toLowerCase(), params);
  }
  return challenges;
}

// A quoted-string's content with its backslash escapes undone (RFC 9110 §5.6.4), or a bare token as is.
function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

// The realm URL of the Bearer challenge in a WWW-Authenticate value, or null when there is none.
export function bearerRealm(header: string): string | null {
  return parseChallenges(header)?.get('bearer')?.get('realm') ?? null;
}
