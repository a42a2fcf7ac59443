// Chromium: time from pressing "Verify" to the verdict on screen, for the built-in example, in the built app.
import { chromium } from '@playwright/test';
import { startServer } from '../src/server/start-server';
import playwrightConfig from '../playwright.config';
import { summarise, type Sample } from './stats';

// Load the example once, then press Verify n times, timing each click-to-banner inside the page.
export async function benchVerdictTime(appDir: string, n: number): Promise<Sample> {
  const server = await startServer({ port: 0, host: '127.0.0.1', root: appDir });
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: /Try an example/ }).click();
    await page.waitForSelector('[data-verdict="verified"]');
    // This file runs through tsx, whose keepNames wraps functions in __name(); give the page a no-op one.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const times = await page.evaluate(async (runs) => {
      const out: number[] = [];
      const verify = () => [...document.querySelectorAll('button[type=submit]')].find((b) => b.textContent === 'Verify') as HTMLButtonElement;
      for (let i = 0; i < runs; i++) {
        const old = document.querySelector('[data-verdict]');
        const appeared = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            const banner = document.querySelector('[data-verdict]');
            if (banner && banner !== old) {
              observer.disconnect();
              resolve(performance.now());
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        });
        const t0 = performance.now();
        verify().click();
        out.push((await appeared) - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    }, n);
    return summarise(times.slice(Math.min(5, times.length - 1)));
  } finally {
    await browser.close();
    await server.close();
  }
}
