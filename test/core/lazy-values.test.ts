// defineLazy: a value made on first read, kept, and seen as ordinary data by JSON, structured clone and spreading.
import { describe, expect, it } from 'vitest';
import { defineLazy, defineLazyHex } from '../../src/core/encoding';

describe('defineLazy', () => {
  it("makes the value only when read, once, at the key's place", () => {
    let made = 0;
    const item = defineLazy({ kind: 'json', value: null as unknown, after: 1 }, 'value', () => {
      made++;
      return { levels: [1, 2] };
    });
    expect(made).toBe(0);
    expect(Object.keys(item)).toEqual(['kind', 'value', 'after']);
    expect(item.value).toEqual({ levels: [1, 2] });
    expect(item.value).toBe(item.value);
    expect(made).toBe(1);
  });

  it('reads as plain data through JSON, structured clone and spreading', () => {
    const item = defineLazyHex({ kind: 'hex', label: 'x', value: '' }, 'value', Uint8Array.of(0, 0xab, 0xff));
    expect(JSON.stringify(item)).toBe('{"kind":"hex","label":"x","value":"00abff"}');
    expect(structuredClone(item)).toEqual({ kind: 'hex', label: 'x', value: '00abff' });
    expect(Object.getOwnPropertyDescriptor({ ...item }, 'value')?.value).toBe('00abff');
  });
});
