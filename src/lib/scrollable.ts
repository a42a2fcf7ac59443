// Props for a box that scrolls on its own: a named region in the tab order, so a keyboard can scroll it and a screen
// reader can say what it holds (WCAG 2.1.1 Keyboard; axe's scrollable-region-focusable).
export function scrollable(label: string) {
  return { role: 'region', 'aria-label': label, tabIndex: 0 } as const;
}
