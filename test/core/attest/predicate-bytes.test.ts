// The predicate as signed: the exact bytes of the statement's top-level "predicate" member, whatever the
// spacing, escapes, nesting or duplicate names, checked against JSON.parse.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signedPredicateBytes } from '../../../src/core';

const enc = (s: string) => new TextEncoder().encode(s);
const cut = (s: string) => {
  const bytes = signedPredicateBytes(enc(s));
  return bytes && new TextDecoder().decode(bytes);
};

describe('signedPredicateBytes', () => {
  it('cuts the predicate byte for byte, spacing and key order as signed', () => {
    expect(cut('{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"x","predicate":{"b": 1,  "a":[2 ,3]}}')).toBe('{"b": 1,  "a":[2 ,3]}');
    expect(cut('\ufeff{\n  "predicate" :\t{ "k": "v" }\r\n, "predicateType": "x"\n}')).toBe('{ "k": "v" }');
    expect(cut('{"predicate":"{\\"not\\": [an object]}"}')).toBe('"{\\"not\\": [an object]}"');
    expect(cut('{"predicate":-1.5e3,"x":1}')).toBe('-1.5e3');
    expect(cut('{"predicate":null}')).toBe('null');
    expect(cut('{"predicate":{"predicate":{"deep":"}"}},"z":[]}')).toBe('{"predicate":{"deep":"}"}}');
  });

  it('reads escaped names and takes the last of duplicates, as JSON.parse does', () => {
    expect(cut('{"pred\\u0069cate":[1]}')).toBe('[1]');
    expect(cut('{"predicate":[1],"predicate":{"second":true}}')).toBe('{"second":true}');
    expect(cut('{"predicates":[1]}')).toBeUndefined();
    expect(cut('[{"predicate":1}]')).toBeUndefined();
    expect(cut('{"predicate":')).toBeUndefined();
  });

  it('answers undefined, never throws, on a payload whose member name is not a JSON string', () => {
    expect(cut('{"_ty\u0001pe":"x","predicate":{}}')).toBeUndefined();
    expect(cut('{"bad\\qescape":1,"predicate":{}}')).toBeUndefined();
    expect(cut('{"\ud800":1,"predicate":[]}')).toBe('[]');
  });

  it('keeps multi-byte UTF-8 and markup exactly', () => {
    const predicate = '{"name":"<script>é🙂</script>","n":[]}';
    const bytes = signedPredicateBytes(enc(`{"predicateType":"t","predicate":${predicate}}`))!;
    expect([...bytes]).toEqual([...enc(predicate)]);
  });

  it('agrees with JSON.parse on any JSON value, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (predicate, other, indent) => {
        const text = JSON.stringify({ _type: 't', subject: other, predicate, predicateType: 'p' }, null, indent);
        const bytes = signedPredicateBytes(enc(text));
        expect(bytes).toBeDefined();
        expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(JSON.parse(text).predicate);
      }),
      { numRuns: 300 },
    );
  });
});
