// Light, dark or the system's choice, remembered on this device.
export type Theme = 'system' | 'light' | 'dark';
const KEY = 'signet.theme';

// The saved choice.
export function savedTheme(): Theme {
  const t = localStorage.getItem(KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

// Apply a choice to <html> (class "dark" drives Tailwind's dark variant) and remember it.
export function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  if (theme === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, theme);
}
