// The Tabs pattern's keys: arrows wrap around, Home and End go to the ends, other keys do nothing.
import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../src/lib/tab-keys';

const TABS = ['Timeline', 'Certificate', 'DSSE', 'Export'] as const;

describe('tabAfterKey', () => {
  it('moves to the next and previous tab, wrapping at both ends', () => {
    expect(tabAfterKey('ArrowRight', TABS, 'Timeline')).toBe('Certificate');
    expect(tabAfterKey('ArrowDown', TABS, 'DSSE')).toBe('Export');
    expect(tabAfterKey('ArrowRight', TABS, 'Export')).toBe('Timeline');
    expect(tabAfterKey('ArrowLeft', TABS, 'Timeline')).toBe('Export');
    expect(tabAfterKey('ArrowUp', TABS, 'Certificate')).toBe('Timeline');
  });

  it('goes to the first and last tab with Home and End', () => {
    expect(tabAfterKey('Home', TABS, 'DSSE')).toBe('Timeline');
    expect(tabAfterKey('End', TABS, 'Certificate')).toBe('Export');
  });

  it('leaves every other key alone, and starts from the first tab when the current one is gone', () => {
    expect(tabAfterKey('Enter', TABS, 'DSSE')).toBeNull();
    expect(tabAfterKey('a', TABS, 'DSSE')).toBeNull();
    expect(tabAfterKey('ArrowRight', TABS, 'Attestation' as (typeof TABS)[number])).toBe('Certificate');
    expect(tabAfterKey('ArrowRight', [], 'Timeline')).toBeNull();
  });
});
