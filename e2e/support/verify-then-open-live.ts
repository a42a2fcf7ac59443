// Verify a message-signature bundle offline by its artifact digest under a loaded trusted root, then open the Live log
// tab of the verified result.
import { expect, type Page } from '@playwright/test';
import { DEFAULT_IDENTITY, type BundleJson } from '../../test/support/sigstore';

// Fill the Verify form as a user would, expect "verified", and open the Live log tab.
export async function verifyThenOpenLive(page: Page, appUrl: string, input: { rootJson: string; bundle: BundleJson; digest: string }): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('Load a trusted_root.json').setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(input.rootJson) });
  await page.getByLabel('Bundle JSON').fill(JSON.stringify(input.bundle));
  await page.getByRole('radio', { name: 'Digest' }).check();
  await page.getByLabel('Artifact digest').fill(input.digest);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill((DEFAULT_IDENTITY.san as { uri: string }).uri);
  await page.getByLabel('OIDC issuer').fill(DEFAULT_IDENTITY.issuer);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Verdict' }).first()).toHaveAttribute('data-verdict', 'verified');
  await page.getByRole('tab', { name: 'Live log' }).click();
}
