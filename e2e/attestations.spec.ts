// Attestations in the app: Chromium → the app's proxy → a real registry holding SBOMs made by `npm sbom`,
// GitHub-shaped provenance, OpenVEX and a Trivy scan in both storage formats.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { createTestInstance } from '../test/support/sigstore';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../test/support/registry/start-registry';
import { ATTESTER, ATTESTER_SAN, pushAttestedImages } from '../test/support/registry/attested-images';
import { readFileSync } from 'node:fs';
import { githubProvenance, SOURCE } from '../test/support/attestations/predicates';
import { expectAccessible } from './support/accessibility';

const SHOTS = 'test-results/screenshots';
const missing = registryMissingReason();
const instance = createTestInstance();
let registry: RunningRegistry;

test.skip(!!missing, `SKIPPED: ${missing}`);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  registry = await startRegistry();
  await pushAttestedImages(registry.url, registry.host, instance);
});

test.afterAll(async () => {
  await registry?.stop();
});

// Image mode with the attester's identity and the test instance's trusted root.
async function verifyImage(page: Page, appUrl: string, tag: string, predicateType = '') {
  await page.goto(appUrl);
  await page.getByText('An image in a registry').click();
  await page.getByLabel('Image reference').fill(`${registry.host}/attested:${tag}`);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(ATTESTER_SAN);
  await page.getByLabel('OIDC issuer').fill(ATTESTER.issuer);
  if (predicateType) await page.getByLabel('Attestation predicate type (optional)').fill(predicateType);
  await page.locator('input[type=file][accept=".json,application/json"]').last().setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' }).first();

// Open the card whose title names the text, then its Attestation tab.
async function openAttestation(page: Page, text: string) {
  const card = page.locator('li[data-signature]', { hasText: text }).first();
  await card.locator('button[aria-expanded]').first().click();
  await card.getByRole('tab', { name: 'Attestation' }).click();
  return card;
}

test('image mode lists every attestation, and each viewer shows concrete values', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'attested');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(page.getByRole('heading', { name: /Signatures and attestations \(6: 5 attestations\)/ })).toBeVisible();
  const spdx = await openAttestation(page, 'SPDX SBOM');
  await expect(spdx.locator('[data-view="sbom"]')).toContainText('SPDX SPDX-2.3');
  await spdx.getByLabel('Search').fill('react-dom');
  await expect(spdx.getByRole('table', { name: 'SBOM packages' })).toContainText('react-dom');
  await expect(spdx.getByRole('table', { name: 'SBOM packages' })).toContainText('MIT');
  await page.screenshot({ path: `${SHOTS}/40-attestation-spdx.png`, fullPage: true });
  await expectAccessible(page, 'attestation: SPDX SBOM');

  const provenance = await openAttestation(page, 'SLSA provenance v1');
  await expect(provenance.locator('[data-view="provenance"]')).toContainText(SOURCE.sha);
  await expect(provenance.locator('[data-view="provenance"]')).toContainText('GitHub Actions workflow');
  await expect(provenance.getByTestId('provenance-agreement')).toContainText('agrees with the signing certificate');
  await provenance.locator('[data-view="provenance"]').screenshot({ path: `${SHOTS}/41-attestation-provenance.png` });
  await expectAccessible(page, 'attestation: SLSA provenance', { include: 'section[aria-label^="Attestation: SLSA provenance"]' });
  // The predicate downloads on its own, next to the envelope whose payload holds it.
  const [predicateFile] = await Promise.all([page.waitForEvent('download'), provenance.getByRole('button', { name: 'Download the predicate (as signed)' }).click()]);
  expect(predicateFile.suggestedFilename()).toBe('predicate.slsa.json');
  const predicateText = readFileSync(await predicateFile.path(), 'utf8');
  expect(JSON.parse(predicateText)).toEqual(githubProvenance());
  const [envelopeFile] = await Promise.all([page.waitForEvent('download'), provenance.getByRole('button', { name: 'Download the signed envelope' }).click()]);
  const payload = Buffer.from(JSON.parse(readFileSync(await envelopeFile.path(), 'utf8')).payload, 'base64').toString('utf8');
  expect(payload).toContain(`"predicate":${predicateText}`);

  const vex = await openAttestation(page, 'OpenVEX');
  await expect(vex.locator('[data-view="openvex"] tr[data-status="not_affected"]')).toContainText('CVE-2023-44487');
  await expect(vex.locator('[data-view="openvex"]')).toContainText('vulnerable_code_not_in_execute_path');
  await vex.locator('[data-view="openvex"]').screenshot({ path: `${SHOTS}/42-attestation-vex.png` });
  await expectAccessible(page, 'attestation: OpenVEX', { include: 'section[aria-label^="Attestation: OpenVEX"]' });

  const scan = await openAttestation(page, 'vulnerability scan');
  await expect(scan.locator('[data-view="vuln"]')).toContainText('Trivy JSON: 4 findings (2 HIGH, 1 CRITICAL, 1 LOW)');
  await scan.locator('[data-view="vuln"]').screenshot({ path: `${SHOTS}/43-attestation-vuln.png` });
  await expect(page.getByRole('heading', { name: /Attached SBOMs \(1, unsigned\)/ })).toBeVisible();
  await expectAccessible(page, 'attestation: vulnerability scan, attached SBOMs');
});

test('an SBOM of 20,000 generated packages filters by search, ecosystem and gaps', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'big-sbom', 'cyclonedx');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified', { timeout: 60_000 });
  const card = page.locator('li[data-signature="0"]');
  if ((await card.locator('button[aria-expanded="true"]').count()) === 0) await card.locator('button[aria-expanded]').first().click();
  await card.getByRole('tab', { name: 'Attestation' }).click();
  const count = card.getByTestId('sbom-count');
  await expect(count).toHaveText('20,000 of 20,000 packages');
  await card.getByLabel('Ecosystem').selectOption('pypi');
  await expect(count).toHaveText('4,000 of 20,000 packages');
  await card.getByLabel('Search').fill('pkg-01231');
  await expect(count).toHaveText('1 of 20,000 packages');
  await expect(card.getByRole('table', { name: 'SBOM packages' })).toContainText('pkg-01231');
  await card.getByRole('button', { name: 'Clear' }).click();
  await expect(count).toHaveText('20,000 of 20,000 packages');
  // Sortable headers are buttons inside column headers that carry aria-sort; the keyboard works them.
  const table = card.getByRole('table', { name: 'SBOM packages' });
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await table.getByRole('button', { name: /^Name/ }).focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(card.getByTestId('sbom-rows').getByRole('row').first()).toContainText('pkg-19999');
  await table.getByRole('button', { name: /^Version/ }).click();
  await expect(table.getByRole('columnheader', { name: /Version/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'none');
  await card.getByLabel('without a license').check();
  await expect(count).toHaveText(`${Math.ceil(20_000 / 7).toLocaleString('en')} of 20,000 packages`);
  await card.getByLabel('without a version').check();
  await expect(count).toHaveText(`${Math.ceil(20_000 / 77).toLocaleString('en')} of 20,000 packages`);
  await card.getByLabel('without a version').uncheck();
  // Only the rows in view are in the page.
  expect(await card.locator('[data-testid="sbom-rows"] [role="row"]').count()).toBeLessThan(100);
  await page.screenshot({ path: `${SHOTS}/44-attestation-sbom-20000.png`, fullPage: true });
  await expectAccessible(page, 'attestation: SBOM table of 20,000 packages');
});

test('a wrong --type names the types found; a provenance from another repository warns with both values', async ({ page, appUrl }) => {
  await verifyImage(page, appUrl, 'attested', 'slsaprovenance');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(verdict(page)).toContainText('none of the attestations matched the predicate type: slsaprovenance, found:');
  await expect(verdict(page)).toContainText('https://slsa.dev/provenance/v1');

  await verifyImage(page, appUrl, 'forked');
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  const card = page.locator('li[data-signature="0"]');
  if ((await card.locator('button[aria-expanded="true"]').count()) === 0) await card.locator('button[aria-expanded]').first().click();
  await expect(card.locator('li[data-step="policy.attestation"]')).toHaveAttribute('data-status', 'warn');
  await card.getByRole('tab', { name: 'Attestation' }).click();
  await expect(card.getByTestId('provenance-agreement')).toContainText('mallory/octo-app');
  await expect(card.getByTestId('provenance-agreement')).toContainText(`https://github.com/${SOURCE.repository}`);
  await page.screenshot({ path: `${SHOTS}/45-attestation-forked.png`, fullPage: true });
});
