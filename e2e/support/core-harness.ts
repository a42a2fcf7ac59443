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

// Headers that make the page cross-origin isolated (HTML Standard §7.1.3), which gives performance.now() its
// fine resolution; only for pages that load nothing from other origins.
const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

// Serve an empty page plus /core.js from memory, and open it; `isolated` adds the isolation headers.
export async function openHarness(page: Page, coreSource: string, options: { isolated?: boolean } = {}): Promise<void> {
  const headers = options.isolated ? ISOLATION_HEADERS : {};
  await page.route(`${HARNESS_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/core.js') return route.fulfill({ contentType: 'text/javascript', headers, body: coreSource });
    return route.fulfill({ contentType: 'text/html', headers, body: '<!doctype html><title>core harness</title>' });
  });
  await page.goto(`${HARNESS_ORIGIN}/`);
}
