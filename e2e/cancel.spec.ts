// Cancel as a user meets it: a verification stuck on a registry that never answers is stopped from the progress bar,
// leaves a neutral Cancelled state with the form kept, and the next verification runs on a fresh worker; a second
// verification started while the first is pending is the only one whose result shows; a log search is cancelled alike.
import { createServer, type Server, type Socket } from 'node:net';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { startAppServer } from './support/app-server';
import { expect, test } from './support/fixtures';

const SHOTS = 'test-results/screenshots';

// A TCP server on loopback that accepts every connection and never sends a byte.
interface SilentServer {
  host: string;
  connections: () => number;
  close: () => Promise<void>;
}

let silent: SilentServer;

test.beforeAll(async () => {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  silent = {
    host: `127.0.0.1:${port}`,
    connections: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
});

test.afterAll(async () => {
  await silent.close();
});

// Start verifying an image on the silent registry and wait until the proxy has reached it.
async function startStuckImage(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByText('An image in a registry').click();
  await page.getByLabel('Image reference').fill(`${silent.host}/app:v1`);
  await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill('release@example.com');
  await page.getByLabel('OIDC issuer').fill('https://issuer.example.com');
  const before = silent.connections();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cancel the verification' })).toBeVisible();
  await expect.poll(() => silent.connections()).toBeGreaterThan(before);
}

const verdict = (page: Page) => page.getByRole('status', { name: 'Verdict' }).first();

test('Cancel stops a verification the registry never answers; the form stays filled and the example then verifies', async ({ page, appUrl }) => {
  await startStuckImage(page, appUrl);
  await expect(page.locator('[data-run-status="running"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/60-cancel-progress.png`, fullPage: true });
  // Only the progress card: the stuck run must still be running when Cancel is pressed.
  await expectAccessible(page, 'verification in progress', { include: '[data-run-status="running"]' });
  const cancel = page.getByRole('button', { name: 'Cancel the verification' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  // Well before the proxy's own 20 s bound on the exchange.
  const cancelled = page.locator('[data-run-status="cancelled"]');
  await expect(cancelled).toBeVisible({ timeout: 5_000 });
  await expect(cancelled).toContainText('Cancelled');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-verdict]')).toHaveCount(0);
  await expect(page.getByLabel('Image reference')).toHaveValue(`${silent.host}/app:v1`);
  await expect(page.getByRole('button', { name: 'Verify', exact: true })).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/61-cancelled.png`, fullPage: true });
  await expectAccessible(page, 'verification cancelled');

  await page.getByText('A bundle or signature').click();
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(cancelled).toHaveCount(0);
});

test('a second verification started while the first is pending is the only result shown', async ({ page, appUrl }) => {
  await startStuckImage(page, appUrl);
  // "Try an example" stays available while the image run waits: it replaces that run.
  await page.getByText('A bundle or signature').click();
  await page.getByRole('button', { name: /Try an example/ }).click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'verified');
  await expect(page.locator('[data-verdict="verified"]').first()).toContainText('kasiramkompella@gmail.com');
  // The replaced run shows nothing: no failure, no Cancelled, no second verdict, no progress left behind.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-run-status]')).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Verdict' })).toHaveCount(1);
});

test('the Transparency log mode: Cancel stops a search the log never answers, and the form keeps the query', async ({ page }) => {
  const app = await startAppServer({ SIGNET_PROXY_REKOR_HOSTS: silent.host });
  try {
    await page.goto(app.url);
    await page.getByRole('tablist', { name: 'Mode' }).getByRole('tab', { name: 'Transparency log' }).click();
    await page.getByLabel('Log URL').fill(`http://${silent.host}`);
    const before = silent.connections();
    const query = page.locator('form[aria-label="Transparency log"] input.font-mono').nth(1);
    await query.fill('auditor@signet.test');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => silent.connections()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Cancel the search' }).click();
    const cancelled = page.locator('[data-run-status="cancelled"]');
    await expect(cancelled).toBeVisible({ timeout: 5_000 });
    await expect(cancelled).toContainText('The search was stopped before the log answered');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(query).toHaveValue('auditor@signet.test');
    await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeEnabled();
  } finally {
    await app.close();
  }
});
