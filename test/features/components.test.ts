// The generic components: the hex dump marks ranges and collapses large inputs; the field list is a <dl>.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { HexView } from '../../src/components/hex-view';
import { FieldList } from '../../src/components/field-list';

// Hex of n bytes counting up from 0 (mod 256).
function counting(n: number): string {
  return Array.from({ length: n }, (_, i) => (i & 0xff).toString(16).padStart(2, '0')).join('');
}

describe('HexView', () => {
  it('writes offset, hex and ASCII rows and marks highlighted bytes with their label and a legend', () => {
    const hex = Array.from(new TextEncoder().encode('DSSEv1 4 type 2 {}'), (b) => b.toString(16).padStart(2, '0')).join('');
    const html = renderToStaticMarkup(createElement(HexView, { hex, label: 'PAE', highlight: [{ start: 0, end: 6, label: 'header' }, { start: 16, end: 18, label: 'payload' }] }));
    expect(html).toContain('00000000');
    expect(html).toContain('00000010');
    expect(html).toMatch(/<mark title="header"[^>]*>44 53 53 45 76 31<\/mark>/);
    expect(html).toMatch(/<mark title="header"[^>]*>DSSEv1<\/mark>/);
    expect(html).toMatch(/<mark title="payload"[^>]*>7b 7d<\/mark>/);
    expect(html).toContain('header: bytes 0–5 (6 bytes)');
    expect(html).toContain('payload: bytes 16–17 (2 bytes)');
    expect(html).not.toContain('Show all');
  });

  it('collapses beyond maxBytes with a button naming the full size, and marks a long range once per row', () => {
    const big = counting(65536);
    const html = renderToStaticMarkup(createElement(HexView, { hex: big, label: 'big', highlight: [{ start: 100, end: 60000, label: 'most' }] }));
    expect(html).toContain('Show all 65536 bytes');
    expect(html).toContain('000001f0');
    expect(html).not.toContain('00000200');
    expect(html.match(/\n/g)?.length).toBe(512 / 16 - 1);
    const full = renderToStaticMarkup(createElement(HexView, { hex: big, label: 'big', maxBytes: 65536, highlight: [{ start: 100, end: 60000, label: 'most' }] }));
    // Output stays linear in the rows shown: a range spanning 4,096 rows is one mark per row and column, never one per byte.
    expect(full.match(/<mark /g)?.length).toBeLessThanOrEqual(2 * 4096);
    expect(full).toContain('0000fff0');
    expect(full).not.toContain('Show all');
    const small = renderToStaticMarkup(createElement(HexView, { hex: counting(40), label: 'small', maxBytes: 16 }));
    expect(small).toContain('Show all 40 bytes');
    expect(small).toContain('(40 bytes, first 16 shown)');
  });

  it('escapes bytes that spell markup in the ASCII column', () => {
    const hex = Array.from(new TextEncoder().encode('<img src=x>'), (b) => b.toString(16).padStart(2, '0')).join('');
    const html = renderToStaticMarkup(createElement(HexView, { hex, label: '<b>label</b>' }));
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).toContain('&lt;b&gt;label&lt;/b&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('FieldList', () => {
  it('renders a definition list with text values escaped', () => {
    const html = renderToStaticMarkup(createElement(FieldList, { fields: [{ name: 'SAN', value: '<img src=x onerror=alert(1)>' }, { name: 'digest', value: 'ab', mono: true }] }));
    expect(html).toMatch(/^<dl/);
    expect(html).toMatch(/<dt[^>]*>SAN<\/dt><dd[^>]*>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('font-mono');
  });
});
