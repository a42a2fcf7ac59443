// The Policy mode in Chromium: a two-container Deployment decided against a Kyverno policy through the app's proxy and a
// real registry, and the pin panel's "Evaluate" opening the mode with the policy it generated.
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { useSignedRegistry } from './support/signed-registry';
import { expectAccessible } from './support/accessibility';
import { kyvernoKeylessPolicy } from './support/kyverno-policy';

const SHOTS = 'test-results/screenshots';
const signed = useSignedRegistry();
const instance = signed.instance;

const rootFile = () => ({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });

const kyverno = () => kyvernoKeylessPolicy(`${signed.registry.host}/*`, signed.images.issuer);

const deployment = () => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${signed.registry.host}/app:keyless-sig
        - name: sidecar
          image: ${signed.registry.host}/app:unsigned
`;

// The row of one container in the decisions table.
const row = (page: Page, container: string) => page.locator(`tr[data-container="${container}"]`);

test('Policy mode: a two-container Deployment, one container admitted and one denied, each row opening its timeline', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('tab', { name: 'Policy', exact: true }).click();
  await page.getByLabel('Policy YAML').fill(kyverno());
  await page.getByText('Kubernetes manifest').click();
  await page.getByLabel('Manifest YAML').fill(deployment());
  await page.locator('input[type=file][accept=".json"]').setInputFiles(rootFile());
  await expect(page.getByText('test_root.json (loaded)')).toBeVisible();
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByRole('heading', { name: '✗ The Pod would not be admitted' })).toBeVisible({ timeout: 30_000 });
  await expect(row(page, 'app')).toHaveAttribute('data-status', 'admit');
  await expect(row(page, 'sidecar')).toHaveAttribute('data-status', 'deny');
  await expect(row(page, 'sidecar')).toContainText(`failed to verify image ${signed.registry.host}/app:unsigned: .attestors[0].entries[0].keyless: no signatures found`);
  await page.screenshot({ path: `${SHOTS}/40-policy-deployment.png`, fullPage: true });
  await expectAccessible(page, 'policy decisions');

  await row(page, 'sidecar').getByRole('button', { name: /Details/ }).click();
  await expect(page.getByLabel('Authorities and attestor entries')).toContainText('OCI_NO_SIGNATURES');
  await page.getByText(`Timeline: ${signed.registry.host}/app:unsigned`).click();
  await expect(page.locator('li[data-step="image.discover"]')).toHaveAttribute('data-status', 'fail');
  await page.screenshot({ path: `${SHOTS}/41-policy-denied-row-timeline.png`, fullPage: true });
  await expectAccessible(page, 'policy: a denied row and its timeline');

  await row(page, 'app').getByRole('button', { name: /Details/ }).click();
  await page.getByText(`Timeline: ${signed.registry.host}/app:keyless-sig`).click();
  await expect(page.locator('li[data-signature="0"]').first()).toBeVisible();
});

test('Pin identity → Evaluate opens the Policy mode with the generated policy and the image, and it admits the image', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByText('An image in a registry').click();
  await page.getByLabel('Image reference').fill(`${signed.registry.host}/app:keyless-sig`);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(signed.images.san);
  await page.getByLabel('OIDC issuer').fill(signed.images.issuer);
  await page.locator('input[type=file][accept=".json,application/json"]').last().setInputFiles(rootFile());
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Verdict' }).first()).toHaveAttribute('data-verdict', 'verified');
  await page.locator('li[data-signature="0"]').getByRole('tab', { name: 'Pin identity' }).click();
  await expectAccessible(page, 'image: pin identity');
  for (const which of ['Kyverno policy', 'policy-controller policy']) {
    if (which !== 'Kyverno policy') await page.getByRole('tab', { name: 'Verify', exact: true }).click();
    await page.getByRole('button', { name: `Evaluate ${which}` }).click();
    await expect(page.getByRole('textbox', { name: 'Image references' })).toHaveValue(`${signed.registry.host}/app:keyless-sig`);
    await expect(page.getByText('test_root.json (loaded)')).toBeVisible();
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await expect(page.getByRole('heading', { name: '✓ Every container would be admitted' })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('tr[data-status]').first()).toHaveAttribute('data-status', 'admit');
    await page.screenshot({ path: `${SHOTS}/${which.startsWith('Kyverno') ? '42' : '43'}-policy-from-pin.png`, fullPage: true });
  }
});
