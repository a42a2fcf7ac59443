// Builds the `signet` command into one JavaScript file (dist-cli/signet.mjs), so it starts without
// transpiling TypeScript. `npm install` runs it (the `prepare` script); so do the tests and `npm run conformance`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist-cli/signet.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
