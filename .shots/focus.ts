// The keyboard focus ring on a scrolling region and on a tab, light and dark.
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';

async function main() {
  const server = await startAppServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(server.url);
    await page.getByRole('button', { name: /Try an example/ }).click();
    await page.getByRole('status', { name: 'Verdict' }).waitFor();
    await page.getByRole('tablist', { name: 'Result views' }).getByRole('tab', { name: 'Transparency log' }).click();
    await page.waitForTimeout(500);
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'region')) break;
    }
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    console.log(scheme, 'focused region:', label);
    const box = (await page.locator(':focus').boundingBox())!;
    await page.screenshot({ path: `/work/shots/axe/${scheme}-keyboard-focused-region.png`, clip: { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: Math.min(box.width + 24, 1268 - box.x), height: 140 } });
    await page.keyboard.press('ArrowDown');
    await page.close();
  }
  await browser.close();
  await server.close();
}
void main();
