// Identity regular expressions are Go RE2, as in cosign: its syntax works, what RE2 refuses is refused in Go's
// words, the whole value must match, and an attacker's SAN cannot make matching slow.
import { describe, expect, it } from 'vitest';
import { evaluateIdentityPolicy, VerifyError, type CertificateIdentity } from '../../src/core';

const issuer = { exact: 'https://token.actions.githubusercontent.com' };
const cert = (san: string): CertificateIdentity => ({ sans: [san], issuer: issuer.exact, claims: {} });
const matches = async (regexp: string, san: string) => {
  try {
    await evaluateIdentityPolicy({ identity: { regexp }, issuer }, cert(san));
    return true;
  } catch (err) {
    if ((err as VerifyError).code === 'POLICY_IDENTITY_MISMATCH') return false;
    throw err;
  }
};
const refusal = async (regexp: string) => {
  try {
    await evaluateIdentityPolicy({ identity: { regexp }, issuer }, cert('x'));
  } catch (err) {
    return { code: (err as VerifyError).code, message: (err as VerifyError).message };
  }
  return null;
};

describe('RE2 identity expressions', async () => {
  it('reads Go syntax: (?i), \\A, \\z and (?P<name>…)', async () => {
    expect(await matches('(?i)HTTPS://GITHUB\\.COM/acme/.*', 'https://github.com/acme/app')).toBe(true);
    expect(await matches('\\Ahttps://github\\.com/acme/app\\z', 'https://github.com/acme/app')).toBe(true);
    expect(await matches('https://github\\.com/(?P<org>[a-z]+)/app', 'https://github.com/acme/app')).toBe(true);
    expect(await matches('https://github\\.com/(?P<org>[a-z]+)/app', 'https://github.com/ACME/app')).toBe(false);
  });

  it('matches the whole value, never a part of it', async () => {
    expect(await matches('acme/app', 'https://github.com/acme/app')).toBe(false);
    expect(await matches('https://github\\.com/acme/app', 'https://github.com/acme/app-fork')).toBe(false);
  });

  it('refuses lookarounds and backreferences with the Go error cosign prints', async () => {
    expect(await refusal('(?=a)b')).toEqual({ code: 'POLICY_INVALID', message: 'certificate identity: error parsing regexp: invalid or unsupported Perl syntax: `(?=`' });
    expect((await refusal('(?!a)b'))?.message).toBe('certificate identity: error parsing regexp: invalid or unsupported Perl syntax: `(?!`');
    expect((await refusal('(a)\\1'))?.message).toBe('certificate identity: error parsing regexp: invalid escape sequence: `\\1`');
    expect((await refusal('('))?.message).toMatch(/^certificate identity: error parsing regexp: missing closing \)/);
  });

  it('stays linear on the pattern that backtracks exponentially: (a|aa)*c against a long SAN', async () => {
    // A backtracking engine takes seconds at 40 characters and never finishes at 4096; RE2 answers both.
    expect(await matches('(a|aa)*c', 'a'.repeat(40))).toBe(false);
    expect(await matches('(a|aa)*c', `${'a'.repeat(4095)}c`)).toBe(true);
  });
});
