// The security headers every answer of the server carries, written out as a browser receives them.
import { expect } from 'vitest';

export const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const EXPECTED_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': EXPECTED_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

// Asserts the app's security headers on an answer (headers as a Headers object or Node's lower-cased record).
export function expectSecurityHeaders(headers: Headers | Record<string, string | string[] | undefined>): void {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(EXPECTED_HEADERS)) expect(get(name), name).toBe(value);
  const permissions = String(get('permissions-policy'));
  expect(permissions).toContain('camera=()');
  expect(permissions).toContain('clipboard-write=(self)');
  expect(permissions).not.toMatch(/=\*/);
}

// Asserts that an answer cannot be framed by any page: CSP frame-ancestors 'none'.
export function expectNotFramable(headers: Headers): void {
  expect(headers.get('content-security-policy') ?? '').toContain("frame-ancestors 'none'");
}
