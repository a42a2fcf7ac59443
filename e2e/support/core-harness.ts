// Loads the engine (bundled by Vite exactly as the app would bundle it) into a real Chromium page.
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

// A secure-context origin that is never contacted: every request is answered by page.route.
export const HARNESS_ORIGIN = 'http://localhost:59999';

// Bundle src/core/index.ts (or another entry built on it) to one ES module and return its source.
export async function buildCoreBundle(outDir: string, entry = 'src/core/index.ts'): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: resolve(entry), formats: ['es'], fileName: () => 'core.js' },
    },
  });
  return readFileSync(join(outDir, 'core.js'), 'utf8');
}

// Serve an empty page plus /core.js from memory, and open it.
export async function openHarness(page: Page, coreSource: string): Promise<void> {
  await page.route(`${HARNESS_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/core.js') return route.fulfill({ contentType: 'text/javascript', body: coreSource });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>core harness</title>' });
  });
  await page.goto(`${HARNESS_ORIGIN}/`);
}
