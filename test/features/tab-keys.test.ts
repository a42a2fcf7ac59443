// The Tabs pattern: the keys (arrows wrap around, Home and End go to the ends, other keys do nothing) and the props each tab, its list and its panel carry.
import { describe, expect, it } from 'vitest';
import { tabAfterKey, tabProps } from '../../src/lib/tab-keys';

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

describe('tabProps', () => {
  it('gives each tab its id, selection, roving tabIndex and the panel it controls, and labels the panel by the selected tab', () => {
    const selected: string[] = [];
    const props = tabProps('r1', TABS, 'DSSE', (t) => selected.push(t));
    const tabs = TABS.map((t) => props.tab(t));
    expect(props.list.role).toBe('tablist');
    expect(tabs.map((t) => t.role)).toEqual(TABS.map(() => 'tab'));
    expect(new Set(tabs.map((t) => t.id)).size).toBe(TABS.length);
    expect(tabs.map((t) => t['aria-selected'])).toEqual(TABS.map((t) => t === 'DSSE'));
    expect(tabs.map((t) => t.tabIndex)).toEqual(TABS.map((t) => (t === 'DSSE' ? 0 : -1)));
    expect(tabs.every((t) => t['aria-controls'] === props.panel.id)).toBe(true);
    expect(props.panel).toEqual({ id: props.panel.id, role: 'tabpanel', 'aria-labelledby': props.tab('DSSE').id });
    expect(props.panel.id.startsWith('r1')).toBe(true);
    tabs[0]!.onClick();
    expect(selected).toEqual([TABS[0]]);
  });

  it('the list\'s arrow keys select the next tab and keep the browser from scrolling; other keys do nothing', () => {
    const selected: string[] = [];
    const props = tabProps('r2', TABS, 'Timeline', (t) => selected.push(t));
    let prevented = 0;
    const key = (k: string) => ({ key: k, preventDefault: () => prevented++, currentTarget: { querySelector: () => null } }) as unknown as Parameters<typeof props.list.onKeyDown>[0];
    props.list.onKeyDown(key('ArrowRight'));
    props.list.onKeyDown(key('End'));
    props.list.onKeyDown(key('a'));
    expect(selected).toEqual(['Certificate', 'Export']);
    expect(prevented).toBe(2);
  });
});
