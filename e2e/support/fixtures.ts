// `test` for specs against the built app: one server per worker, its URL as `appUrl` and as the baseURL (`page.goto('/')`).
import { test as base } from '@playwright/test';
import { startAppServer } from './app-server';

export const test = base.extend<object, { appUrl: string }>({
  appUrl: [
    // Serve dist/ for the whole worker.
    async ({}, use) => {
      const server = await startAppServer();
      try {
        await use(server.url);
      } finally {
        await server.close();
      }
    },
    { scope: 'worker' },
  ],
  // Relative navigations go to the app server.
  baseURL: async ({ appUrl }, use) => {
    await use(appUrl);
  },
});

export { expect } from '@playwright/test';
