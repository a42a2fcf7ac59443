// Hostile attestations in the built app, in Chromium: markup in every field, a 50 MB string, nesting past the
// depth cap, 100,000 subjects. Each ends in a clear error or an inert rendering; nothing from the payload becomes
// an element or runs, and the page still answers the next interaction.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createTestInstance, inTotoStatement } from '../test/support/sigstore';
import { ATTESTER, ATTESTER_SAN } from '../test/support/registry/attested-images';
import { githubProvenance, openVexDocument } from '../test/support/attestations/predicates';

const SHOTS = 'test-results/screenshots';
const instance = createTestInstance();
const DIGEST = createHash('sha256').update('hostile image').digest('hex');
const SUBJECT = { name: 'registry.test/hostile', digest: { sha256: DIGEST } };
/** Markup that would leave a trace if it ever became elements or ran. */
const HTML = `<img src="x-hostile" onerror="window.__pwned=1;alert(1)"><script id="hostile-script">window.__pwned=1</script><iframe id="hostile-frame" src="javascript:alert(1)"></iframe><a id="hostile-link" href="javascript:alert(1)">x</a>`;

test.beforeEach(async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened (${d.message()}): input was executed`);
  });
});

// A bundle signing a statement (or raw payload bytes) with the attester's identity.
function bundleOf(statement: Record<string, unknown> | Uint8Array): string {
  return JSON.stringify(instance.signDsse(statement, { identity: ATTESTER }).bundle);
}

// Open the app, give the bundle as a file, the subject digest and the attester's identity, and press Verify.
async function verifyBundle(page: Page, appUrl: string, bundle: string) {
  await page.goto(appUrl);
  const files = page.locator('input[type=file][accept=".json,application/json"]');
  await files.nth(1).setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instance.trustedRoot())) });
  // Playwright passes big files by path only.
  const file = join(mkdtempSync(join(tmpdir(), 'signet-hostile-')), 'hostile.sigstore.json');
  writeFileSync(file, bundle);
  await files.nth(0).setInputFiles(file);
  await page.getByRole('radio', { name: 'Digest' }).check();
  await page.getByLabel('Artifact digest').fill(`sha256:${DIGEST}`);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(ATTESTER_SAN);
  await page.getByLabel('OIDC issuer').fill(ATTESTER.issuer);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' }).first();

// Nothing of the payload became an element, ran, or navigated.
async function expectInert(page: Page) {
  await expect(page.locator('img[src="x-hostile"], #hostile-script, #hostile-frame, #hostile-link, iframe')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

// The page still answers: switch tabs and back.
async function expectResponsive(page: Page) {
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('li[data-step="bundle.parse"]')).toBeVisible();
}

test('markup in every field of an SBOM, a provenance, an OpenVEX document and an unknown predicate stays text', async ({ page, appUrl }) => {
  const spdx = {
    spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: HTML, dataLicense: 'CC0-1.0', documentNamespace: HTML,
    creationInfo: { created: HTML, creators: [`Tool: ${HTML}`] },
    packages: [{ SPDXID: 'SPDXRef-p', name: HTML, versionInfo: HTML, supplier: `Organization: ${HTML}`, licenseConcluded: HTML, licenseDeclared: HTML, externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: `pkg:npm/${encodeURIComponent(HTML)}@1` }] }],
  };
  const provenance = githubProvenance({ repository: HTML, sha: HTML, ref: HTML, workflowPath: HTML });
  const vex = openVexDocument(HTML) as { statements: Record<string, unknown>[] };
  vex.statements = vex.statements.map((s) => ({ ...s, vulnerability: { name: HTML }, justification: HTML, impact_statement: HTML }));
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['https://spdx.dev/Document', 'sbom', spdx, '50-hostile-sbom'],
    ['https://slsa.dev/provenance/v1', 'provenance', provenance, '51-hostile-provenance'],
    ['https://openvex.dev/ns/v0.2.0', 'openvex', vex, '52-hostile-vex'],
    [`https://example.test/${encodeURIComponent(HTML)}`, 'json', { [HTML]: HTML, list: [HTML, { [HTML]: [HTML] }] }, '53-hostile-json'],
  ];
  for (const [type, view, predicate, shot] of cases) {
    await verifyBundle(page, appUrl, bundleOf(inTotoStatement([{ ...SUBJECT, name: HTML }, SUBJECT], type, predicate)));
    await expect(verdict(page)).toHaveAttribute('data-verdict', /verified|failed|incomplete/);
    await page.getByRole('tab', { name: 'Attestation' }).click();
    const panel = page.locator(`[data-view="${view}"]`);
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('<img src="x-hostile"');
    if (view === 'sbom') {
      await panel.getByLabel('Search').fill('hostile-script');
      await expect(panel.getByTestId('sbom-count')).toHaveText('1 of 1 packages');
    }
    await expectInert(page);
    await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    await expectResponsive(page);
    await expectInert(page);
  }
});

test('the predicate of a bundle downloads on its own, byte for byte as signed, markup included', async ({ page, appUrl }) => {
  const predicate = `{ "note" :  ${JSON.stringify(HTML)},\n  "list": [1 , "é🙂"] }`;
  const payload = `{"_type":"https://in-toto.io/Statement/v1","subject":[${JSON.stringify(SUBJECT)}],\n "predicateType":"https://example.test/spaced",  "predicate":   ${predicate}  }`;
  await verifyBundle(page, appUrl, bundleOf(new TextEncoder().encode(payload)));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.getByRole('tab', { name: 'Attestation' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the predicate (as signed)' }).click()]);
  expect(file.suggestedFilename()).toBe('predicate.json');
  expect(readFileSync(await file.path())).toEqual(Buffer.from(predicate, 'utf8'));
  const [envelope] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the signed envelope' }).click()]);
  expect(Buffer.from(JSON.parse(readFileSync(await envelope.path(), 'utf8')).payload, 'base64').toString('utf8')).toBe(payload);
  await expectInert(page);
});

test('a 50 MB string in a predicate is read in the worker and shown cut, with its length', async ({ page, appUrl }) => {
  test.setTimeout(300_000);
  const big = HTML.repeat(Math.ceil(50_000_000 / HTML.length)).slice(0, 50_000_000);
  await verifyBundle(page, appUrl, bundleOf(inTotoStatement([SUBJECT], 'https://cosign.sigstore.dev/attestation/v1', { data: big })));
  await expect(page.getByLabel('Bundle JSON')).toHaveAttribute('placeholder', /too large to show here/);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified', { timeout: 240_000 });
  await page.getByRole('tab', { name: 'Attestation' }).click();
  const tree = page.locator('[data-view="json"]');
  await expect(tree).toContainText('(50,000,000 characters)');
  await expectInert(page);
  await page.screenshot({ path: `${SHOTS}/54-hostile-50mb-string.png` });
  await expectResponsive(page);
});

test('nesting past the depth cap fails with the limit; just under it renders as a tree', async ({ page, appUrl }) => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}${JSON.stringify(HTML)}${'}'.repeat(depth)}`;
  const statement = (depth: number) => new TextEncoder().encode(JSON.stringify(inTotoStatement([SUBJECT], 'https://example.test/deep', {})).replace('"predicate":{}', `"predicate":${nested(depth)}`));
  await verifyBundle(page, appUrl, bundleOf(statement(5_000)));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed');
  await expect(page.locator('li[data-step="artifact.bind"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('li[data-step="artifact.bind"]')).toContainText('nested more than 64 levels deep');
  await expect(page.getByRole('tab', { name: 'Attestation' })).toHaveCount(0);
  await expectInert(page);
  await page.screenshot({ path: `${SHOTS}/55-hostile-deep-nesting.png`, fullPage: true });

  await verifyBundle(page, appUrl, bundleOf(statement(40)));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await page.getByRole('tab', { name: 'Attestation' }).click();
  const tree = page.locator('[data-view="json"]');
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  // Open the first closed level: the page answers and the next level appears.
  const closed = tree.locator('li[aria-expanded="false"] > span > button').first();
  const path = await closed.locator('xpath=../..').getAttribute('data-path');
  await closed.click();
  await expect(tree.locator(`li[data-path="${path}"]`)).toHaveAttribute('aria-expanded', 'true');
  await expectInert(page);
  await expectResponsive(page);
});

test('100,000 subjects fail the subject check with the limit, and nothing of them is rendered', async ({ page, appUrl }) => {
  test.setTimeout(120_000);
  const subjects = Array.from({ length: 100_000 }, (_, i) => ({ name: `${HTML}-${i}`, digest: { sha256: createHash('sha256').update(String(i)).digest('hex') } }));
  await verifyBundle(page, appUrl, bundleOf(inTotoStatement([SUBJECT, ...subjects], 'https://example.test/many', { note: HTML })));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'failed', { timeout: 90_000 });
  await expect(page.locator('li[data-step="artifact.bind"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('li[data-step="artifact.bind"]')).toContainText('LIMIT_EXCEEDED');
  await expect(page.locator('li[data-step="artifact.bind"]')).toContainText('statement.subject has 100001 items, over the limit of 1024');
  // The statement is refused whole: no view is read from it.
  await expect(page.getByRole('tab', { name: 'Attestation' })).toHaveCount(0);
  await expectInert(page);
  await page.screenshot({ path: `${SHOTS}/56-hostile-100000-subjects.png` });
  await expectResponsive(page);
});
