// A trusted root with no transparency log and no CT log (the test instance's root without its logs, as GitHub's
// private instance publishes) is named up front in every mode that takes a trusted root, with the Verify mode's
// words: the Policy mode offers the same choices, the Transparency log mode (which has no verifier options) points
// to them; a root with its logs shows no notice.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { createTestInstance } from '../test/support/sigstore';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const root = createTestInstance().trustedRoot();
const file = (name: string, json: object) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
const noLogRoot = file('private_root.json', { ...root, tlogs: [], ctlogs: [] });
const fullRoot = file('trusted_root.json', root);
const notice = (page: Page) => page.getByRole('note', { name: 'Trusted root without logs' });
const mode = (page: Page, name: string) => page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name, exact: true }).click();
const choice = (page: Page, name: RegExp) => page.getByRole('checkbox', { name });

// The notice's sentences as the Verify mode says them for this root.
async function verifyModeWording(page: Page): Promise<string[]> {
  await page.goto('/');
  await page.getByLabel('Load a trusted_root.json').setInputFiles(noLogRoot);
  await expect(notice(page)).toContainText('no transparency log and no Certificate Transparency log');
  return notice(page).locator('p').allTextContents();
}

test('Policy mode: a trusted root with no logs says so up front, in the Verify mode\'s words, and offers the same choices', async ({ page }) => {
  const words = await verifyModeWording(page);
  expect(words).toHaveLength(2);
  await mode(page, 'Policy');
  const settings = page.getByRole('group', { name: 'Cluster settings' });
  await expect(notice(page)).toHaveCount(0);
  await settings.getByLabel('Load trusted_root.json').setInputFiles(noLogRoot);
  await expect(notice(page).locator('p')).toHaveText(words);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await settings.screenshot({ path: `${SHOTS}/46-policy-no-logs-notice-${theme}.png` });
  }
  await expectAccessible(page, 'policy form with the no-logs notice', { include: 'form[aria-label="Admission dry run"]' });

  // "Choose them" ticks the verifier options the root needs and opens them; the notice stays, offering nothing more.
  await notice(page).getByRole('button', { name: 'Choose them' }).click();
  for (const name of [/Ignore the transparency log/, /Ignore SCTs/, /Require a signed timestamp/]) await expect(choice(page, name)).toBeChecked();
  await expect(notice(page).getByRole('button', { name: 'Choose them' })).toHaveCount(0);
  await expect(notice(page)).toContainText('each waived check shows as a warning step');

  // A root that lists its logs says nothing.
  await settings.getByLabel('Load trusted_root.json').setInputFiles(fullRoot);
  await expect(page.getByText('trusted_root.json (loaded)')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});

test('Transparency log mode: a trusted root with no logs says so up front and points to the Verify mode\'s choices', async ({ page }) => {
  const [first] = await verifyModeWording(page);
  await mode(page, 'Transparency log');
  const form = page.locator('form[aria-label="Transparency log"]');
  await form.getByLabel('Load trusted_root.json').setInputFiles(noLogRoot);
  await expect(notice(page).locator('p').first()).toHaveText(first!);
  await expect(notice(page)).toContainText('This mode has no verifier options');
  await expect(notice(page)).toContainText('“Ignore the transparency log”, “Ignore SCTs” and “Require a signed timestamp” under Trust’s Verifier options');
  await expect(notice(page).getByRole('button')).toHaveCount(0);
  await page.getByRole('group', { name: 'Log' }).screenshot({ path: `${SHOTS}/47-log-no-logs-notice.png` });
  await form.getByLabel('Load trusted_root.json').setInputFiles(fullRoot);
  await expect(page.getByText('trusted_root.json (loaded)')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});
