// Accessibility of the Verify mode in Chromium: every view of a bundle's result checked by axe in light and dark, at
// desktop and phone width, and the main flow driven by the keyboard alone.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './support/accessibility';

const FIXTURE = readFileSync('src/features/verify/examples/dockerhub-buildkittest.sigstore.json', 'utf8');
const IMAGE_DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' });
const resultTabs = (page: Page) => page.getByRole('tablist', { name: 'Result views' }).getByRole('tab');

// The example bundle, verified.
async function verifyExample(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
}

// Open each tab the result offers and check it (in the themes given: both by default).
async function checkEveryTab(page: Page, where: string, themes?: readonly ('light' | 'dark')[]) {
  const names = await resultTabs(page).allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Timeline', 'Certificate', 'DSSE', 'Transparency log', 'Live log', 'Timestamp', 'Pin identity', 'Export']));
  for (const [i, name] of names.entries()) {
    await resultTabs(page).filter({ hasText: name }).click();
    await expect(page.getByRole('tabpanel', { name })).not.toContainText('Loading…');
    // The whole page once; then only the result's panel (inside the mode's panel), the one part a tab changes.
    await expectAccessible(page, `${where}: ${name} tab`, { ...(themes ? { themes } : {}), ...(i > 0 ? { include: '[role="tabpanel"] [role="tabpanel"]' } : {}) });
  }
}

test('the empty form, the verified example, an expanded step and every result tab', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Try an example/ })).toBeVisible();
  await expectAccessible(page, 'empty form');
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.locator('li[data-step="tlog.inclusion"] button[aria-expanded]').click();
  await expect(page.locator('li[data-step="tlog.inclusion"]')).toContainText('Why it matters');
  await checkEveryTab(page, 'verified bundle');
});

test('a failed verdict, an input error and the verifier options', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Bundle JSON').fill(FIXTURE);
  await page.getByRole('radio', { name: 'Digest' }).check();
  await page.getByLabel('Artifact digest').fill(IMAGE_DIGEST);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill('someone@example.com');
  await page.getByLabel('OIDC issuer').fill('https://accounts.google.com');
  await page.locator('summary', { hasText: 'Verifier options' }).click();
  await page.getByRole('checkbox', { name: /Ignore SCTs/ }).check();
  await expectAccessible(page, 'verifier options open');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  // The failed step opens by itself, with the expected and found values.
  await expect(page.locator('li[data-step="policy.identity"] button[aria-expanded]')).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'failed verdict, failed step open');
  await page.getByLabel('Bundle JSON').fill('{"mediaType": ');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('alert').or(verdict(page)).first()).toBeVisible();
  await expectAccessible(page, 'unreadable bundle');
});

test('a share link opens with its inputs and verifies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await verifyExample(page);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page).toHaveURL(/#v1=/);
  await expectAccessible(page, 'share link copied');
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(verdict(second)).toHaveAttribute('data-verdict', 'verified');
  await expectAccessible(second, 'opened from a share link');
});

// At phone width what changes is layout (what wraps, what scrolls); colours were checked in both themes above.
test('phone width: the form, the verdict and every result tab', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expectAccessible(page, 'phone: empty form');
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await checkEveryTab(page, 'phone', ['dark']);
});

test('the Policy, Transparency log and Trust modes before anything is asked', async ({ page }) => {
  await page.goto('/');
  for (const mode of ['Policy', 'Transparency log', 'Trust']) {
    await page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name: mode }).click();
    await expect(page.getByText(/^Loading the/)).toHaveCount(0);
    await expectAccessible(page, `${mode} mode, empty`);
  }
});

test('keyboard only: switch modes, choose the example, verify, switch tabs, expand a step', async ({ page }) => {
  await page.goto('/');
  // The mode row is a tab list too: one tab in the tab order, the arrows move, its panel is labelled by the selected tab.
  const modeTab = (name: string) => page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name, exact: true });
  await tabUntil(page, modeTab('Verify'));
  await page.keyboard.press('ArrowRight');
  await expect(modeTab('Policy')).toBeFocused();
  await expect(modeTab('Policy')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Policy' })).toContainText('Cluster settings');
  await expect(modeTab('Policy')).toHaveAttribute('aria-controls', (await page.getByRole('tabpanel', { name: 'Policy' }).getAttribute('id'))!);
  await page.keyboard.press('Home');
  await expect(modeTab('Verify')).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Verify' })).toContainText('How it works');
  // Tab from the top of the page to the example, as a keyboard user does, and press it.
  const example = page.getByRole('button', { name: /Try an example/ });
  await tabUntil(page, example);
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  // On to the result's tabs: the tab order holds only the selected one, the arrow keys move between them.
  await tabUntil(page, resultTabs(page).filter({ hasText: 'Timeline' }));
  const certificate = resultTabs(page).filter({ hasText: 'Certificate' });
  for (let i = 0; i < 8 && (await certificate.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  await expect(certificate).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Certificate' })).toContainText('Token Subject');
  await expect(certificate).toHaveAttribute('aria-controls', (await page.getByRole('tabpanel', { name: 'Certificate' }).getAttribute('id'))!);
  expect(await resultTabs(page).evaluateAll((tabs) => tabs.map((t) => t.tabIndex).filter((i) => i === 0).length)).toBe(1);
  await page.keyboard.press('End');
  await expect(resultTabs(page).filter({ hasText: 'Export' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(resultTabs(page).filter({ hasText: 'Timeline' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Timeline' })).toBeVisible();
  // Into the timeline: a step's disclosure opens with Space.
  const disclosure = page.locator('li[data-step="cert.chain"] button[aria-expanded]');
  await tabUntil(page, disclosure);
  await page.keyboard.press('Space');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('li[data-step="cert.chain"]')).toContainText('Why it matters');
});

// Press Tab until the element has the focus (at most 200 presses: a page that never reaches it fails).
async function tabUntil(page: Page, target: ReturnType<Page['locator']>) {
  for (let i = 0; i < 200; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the keyboard never reached the element');
}
