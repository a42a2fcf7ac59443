// One accessibility check for every view the browser tests reach: axe-core over the page as it stands, in the light
// and in the dark theme, failing on any serious or critical violation with its rule, impact and target selectors.
import AxeBuilder from '@axe-core/playwright';
import { appendFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

type Theme = 'light' | 'dark';
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

export interface AccessibilityOptions {
  /** Limit the check to this part of the page (a CSS selector); the whole page otherwise. */
  include?: string;
  /** Themes to check in, switched with the page's own Theme control; both by default. */
  themes?: readonly Theme[];
  /** Fail on violations of every impact, not only serious and critical ones. */
  anyImpact?: boolean;
}

// Every violation of one run is appended here, one JSON line per view and theme, so a run can be counted by rule.
const LOG = 'test-results/axe/violations.jsonl';
const BLOCKING = new Set(['serious', 'critical']);
// SIGNET_AXE_SHOTS=DIR also saves a screenshot of each view in each theme there, to look at what was checked.
const SHOTS = process.env.SIGNET_AXE_SHOTS;

// One line per violation: rule id, impact, how many nodes, and each node's target selector.
export function describeViolations(violations: AxeResults['violations']): string[] {
  return violations.map((v) => `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

// Switch the page's Theme control and wait until <html> carries the theme (the app applies it synchronously).
async function useTheme(page: Page, theme: Theme | 'system'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  if (theme !== 'system') await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

// Run axe over the page (or the part named) in each theme; a serious or critical violation fails the test (softly, so
// one run lists every view that fails), and every violation is logged for counting.
export async function expectAccessible(page: Page, view: string, options: AccessibilityOptions = {}): Promise<void> {
  const themeControl = page.getByRole('combobox', { name: 'Theme' });
  const before = (await themeControl.count()) > 0 ? ((await themeControl.inputValue()) as Theme | 'system') : null;
  const themes = before === null ? [null] : (options.themes ?? (['light', 'dark'] as const));
  const viewport = page.viewportSize();
  const size = viewport ? `${viewport.width}x${viewport.height}` : 'default';
  // Each check brings its own time (axe reads the whole page, twice): a spec's budget stays for its own steps.
  test.info().setTimeout(test.info().timeout + 20_000 * themes.length);
  mkdirSync('test-results/axe', { recursive: true });
  try {
    for (const theme of themes) {
      if (theme) await useTheme(page, theme);
      const builder = new AxeBuilder({ page });
      if (options.include) builder.include(options.include);
      const started = Date.now();
      const results = await builder.analyze();
      const ms = Date.now() - started;
      const where = `${view} [${theme ?? 'page theme'}, ${size}]`;
      appendFileSync(LOG, `${JSON.stringify({ test: test.info().title, view, theme, size, ms, violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })) })}\n`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${`${view}-${theme ?? 'page'}-${size}`.replace(/[^\w.-]+/g, '-')}.png`, fullPage: true });
      expect.soft(describeViolations(results.violations.filter((v) => options.anyImpact || BLOCKING.has(v.impact ?? ''))), `${options.anyImpact ? 'accessibility' : 'serious or critical accessibility'} violations in ${where}`).toEqual([]);
    }
  } finally {
    if (before !== null) await useTheme(page, before);
  }
}
