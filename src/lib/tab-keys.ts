// Keyboard use of a tab list as WAI-ARIA Authoring Practices' Tabs pattern describes it: only the selected tab is in
// the tab order, and the arrow keys, Home and End select (and focus) another one.
import type { KeyboardEvent } from 'react';

// The tab the key leads to from the current one, or null for any other key.
export function tabAfterKey<T>(key: string, tabs: readonly T[], current: T): T | null {
  const at = Math.max(0, tabs.indexOf(current));
  if (key === 'ArrowRight' || key === 'ArrowDown') return tabs[(at + 1) % tabs.length] ?? null;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return tabs[(at - 1 + tabs.length) % tabs.length] ?? null;
  if (key === 'Home') return tabs[0] ?? null;
  if (key === 'End') return tabs[tabs.length - 1] ?? null;
  return null;
}

// The tab list's key handler: selects and focuses the tab a key leads to (each tab sets its own roving tabIndex).
export function tabListKeys<T>(tabs: readonly T[], current: T, select: (tab: T) => void) {
  return {
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      const next = tabAfterKey(event.key, tabs, current);
      if (next === null) return;
      event.preventDefault();
      select(next);
      const buttons = event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]');
      buttons[tabs.indexOf(next)]?.focus();
    },
  };
}
