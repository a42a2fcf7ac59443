// WWW-Authenticate parsing: several challenges, several parameters, quoted strings with escapes, token68.
import { describe, expect, it } from 'vitest';
import { parseAuthChallenges } from '../../src/oci';
import { codeOf } from '../support/error-code';

describe('parseAuthChallenges', () => {
  it('reads a Docker Hub Bearer challenge', () => {
    const [challenge, ...rest] = parseAuthChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"');
    expect(rest).toEqual([]);
    expect(challenge).toEqual({ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/ubuntu:pull' } });
  });

  it('reads several challenges, lower-cases schemes and names, keeps values, undoes escapes', () => {
    const header = 'Basic realm="a \\"quoted\\" realm, with comma", BEARER Realm = "https://t.example/token" , service=reg.example,scope="repository:a/b:pull repository:c:pull" ,, Negotiate YIIabc+/==';
    expect(parseAuthChallenges(header)).toEqual([
      { scheme: 'basic', params: { realm: 'a "quoted" realm, with comma' } },
      { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 'reg.example', scope: 'repository:a/b:pull repository:c:pull' } },
      { scheme: 'negotiate', params: {}, token68: 'YIIabc+/==' },
    ]);
  });

  it('reads a bare scheme and an empty header', () => {
    expect(parseAuthChallenges('Basic')).toEqual([{ scheme: 'basic', params: {} }]);
    expect(parseAuthChallenges('')).toEqual([]);
  });

  it.each([
    ['unclosed quoted string', 'Bearer realm="unterminated'],
    ['missing comma', 'Bearer realm="a" service="b"'],
    ['duplicate parameter', 'Bearer realm="a",realm="b"'],
    ['parameter without value', 'Bearer realm="a", service='],
    ['no scheme', '"Bearer" realm="a"'],
    ['too long', `Bearer realm="${'a'.repeat(9000)}"`],
  ])('refuses %s', (_label, header) => {
    expect(codeOf(() => parseAuthChallenges(header))).toBe('OCI_AUTH_FAILED');
  });
});
