// Tab lists as WAI-ARIA Authoring Practices' Tabs pattern describes them (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/):
// the props of the list, of each tab and of the panel, so no call site sets them itself. Only the selected tab is in
// the tab order (roving tabIndex); the arrow keys, Home and End select (and focus) another one; every tab controls the
// one panel, which is labelled by the selected tab.
import { useId, type KeyboardEvent } from 'react';

// The tab the key leads to from the current one, or null for any other key.
export function tabAfterKey<T>(key: string, tabs: readonly T[], current: T): T | null {
  const at = Math.max(0, tabs.indexOf(current));
  if (key === 'ArrowRight' || key === 'ArrowDown') return tabs[(at + 1) % tabs.length] ?? null;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return tabs[(at - 1 + tabs.length) % tabs.length] ?? null;
  if (key === 'Home') return tabs[0] ?? null;
  if (key === 'End') return tabs[tabs.length - 1] ?? null;
  return null;
}

/** What a tab row spreads on its list, on each tab and on its panel. */
export interface TabProps<T> {
  list: { role: 'tablist'; onKeyDown: (event: KeyboardEvent<HTMLElement>) => void };
  tab: (tab: T) => { id: string; role: 'tab'; type: 'button'; 'aria-selected': boolean; 'aria-controls': string; tabIndex: 0 | -1; onClick: () => void };
  panel: { id: string; role: 'tabpanel'; 'aria-labelledby': string };
}

// The props of a tab row whose ids start with `base`: the list's key handler, each tab's roving tabIndex, selection and
// the panel it controls, and the panel labelled by the selected tab.
export function tabProps<T>(base: string, tabs: readonly T[], current: T, select: (tab: T) => void): TabProps<T> {
  const tabId = (t: T) => `${base}-tab-${Math.max(0, tabs.indexOf(t))}`;
  const panelId = `${base}-panel`;
  return {
    list: {
      role: 'tablist',
      onKeyDown(event) {
        const next = tabAfterKey(event.key, tabs, current);
        if (next === null) return;
        event.preventDefault();
        select(next);
        event.currentTarget.querySelector<HTMLElement>(`[id="${tabId(next)}"]`)?.focus();
      },
    },
    tab: (t) => ({ id: tabId(t), role: 'tab', type: 'button', 'aria-selected': t === current, 'aria-controls': panelId, tabIndex: t === current ? 0 : -1, onClick: () => select(t) }),
    panel: { id: panelId, role: 'tabpanel', 'aria-labelledby': tabId(current) },
  };
}

// tabProps with ids unique to this component.
export function useTabs<T>(tabs: readonly T[], current: T, select: (tab: T) => void): TabProps<T> {
  return tabProps(useId(), tabs, current, select);
}
