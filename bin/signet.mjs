#!/usr/bin/env node
// The `signet` command: runs the build that `npm install` makes (dist-cli/signet.mjs); without one, or with
// SIGNET_FROM_SOURCE=1, the TypeScript sources through tsx (slower to start, for development).
import { existsSync } from 'node:fs';

const built = new URL('../dist-cli/signet.mjs', import.meta.url);
if (process.env.SIGNET_FROM_SOURCE !== '1' && existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/entry.ts');
}
