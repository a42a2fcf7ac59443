// Screenshots of the changed Verify-mode views, light, dark and phone (not part of the repository).
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';

async function main() {
const OUT = '/work/shots/axe';
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const [name, viewport, scheme] of [['light', { width: 1280, height: 900 }, 'light'], ['dark', { width: 1280, height: 900 }, 'dark'], ['phone-dark', { width: 390, height: 844 }, 'dark'], ['phone-light', { width: 390, height: 844 }, 'light']] as const) {
  const page = await browser.newPage({ viewport, colorScheme: scheme });
  await page.goto(server.url);
  await page.getByRole('button', { name: /Try an example/ }).click();
  await page.getByRole('status', { name: 'Verdict' }).waitFor();
  await page.locator('li[data-step="tlog.inclusion"] button[aria-expanded]').click();
  await page.screenshot({ path: `${OUT}/${name}-timeline-inclusion.png`, fullPage: true });
  for (const tab of ['Certificate', 'DSSE', 'Transparency log', 'Attestation']) {
    await page.getByRole('tablist', { name: 'Result views' }).getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/${name}-${tab.toLowerCase().replace(/ /g, '-')}.png`, fullPage: true });
  }
  // Keyboard focus on a scrolling box and on a tab.
  await page.getByRole('tablist', { name: 'Result views' }).getByRole('tab', { name: 'Certificate' }).click();
  await page.waitForTimeout(300);
  const region = page.locator('pre[role="region"]').first();
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await region.screenshot({ path: `${OUT}/${name}-focused-hex-region.png` });
  await page.getByRole('tablist', { name: 'Result views' }).getByRole('tab', { name: 'Certificate' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tablist', { name: 'Result views' }).screenshot({ path: `${OUT}/${name}-tabs-arrow-key.png` });
  await page.close();
}
await browser.close();
await server.close();
}
void main();
