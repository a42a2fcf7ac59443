// The proxy's target read straight from a plain url=… query gives exactly what the URL parser and URLSearchParams
// give, for any target and for any query it accepts; every other query is left to the parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyUrl } from '../../src/http/proxy-wire';
import { plainTarget, targetOf } from '../../src/proxy/target-url';

const APP = 'http://app.test';

// What URLSearchParams reads as the one url parameter of a request URL, or null when the query is not exactly that.
function parsedTarget(url: string): string | null {
  const params = new URL(url).searchParams;
  return [...params.keys()].length === 1 ? params.get('url') : null;
}

describe('plainTarget', () => {
  it('reads any target proxyUrl writes as URLSearchParams reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (target) => {
        const url = proxyUrl(target, APP);
        const plain = plainTarget(url);
        if (plain !== undefined) expect(plain).toBe(parsedTarget(url));
        // A well-formed target is always read on the plain path.
        if (target !== '') expect(plain).toBe(target);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with URLSearchParams on any query it accepts, and accepts nothing else', () => {
    const char = fc.constantFrom(...'url=%&#+ ?aZ09-_.!~*\'()E0A4%2F/:;,$@\t\u00e9'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }).map((chars) => chars.join('')), (query) => {
        const url = `${APP}/proxy?${query}`;
        const plain = plainTarget(url);
        if (plain !== undefined) expect(plain).toBe(parsedTarget(url));
      }),
      { numRuns: 2000 },
    );
    expect(plainTarget(`${APP}/proxy?url=a+b`)).toBeUndefined();
    expect(plainTarget(`${APP}/proxy?url=%E0%A4%A`)).toBeUndefined();
    expect(plainTarget(`${APP}/proxy?url=x&url=y`)).toBeUndefined();
    expect(plainTarget(`${APP}/proxy?url=x#y`)).toBeUndefined();
  });

  it('gives targetOf the same URL on both paths', () => {
    const target = 'https://registry.example/v2/app/manifests/sha256:' + 'a'.repeat(64);
    const plain = targetOf({ url: proxyUrl(target, APP) });
    const parsed = targetOf({ url: `${APP}/proxy?url=${encodeURIComponent(target).replaceAll('%3A', ':')}` });
    expect(plain.href).toBe(target);
    expect(parsed.href).toBe(target);
  });
});
