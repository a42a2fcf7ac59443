// The shipped build: no source maps unless asked for with SIGNET_SOURCEMAPS=1.
import { resolveConfig } from 'vite';
import { afterEach, expect, it } from 'vitest';

afterEach(() => {
  delete process.env.SIGNET_SOURCEMAPS;
});

it('builds without source maps by default', async () => {
  expect((await resolveConfig({}, 'build')).build.sourcemap).toBe(false);
});

it('builds source maps only with SIGNET_SOURCEMAPS=1', async () => {
  process.env.SIGNET_SOURCEMAPS = '1';
  expect((await resolveConfig({}, 'build')).build.sourcemap).toBe(true);
});
