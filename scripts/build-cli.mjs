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
  // CommonJS dependencies (yaml) require Node built-ins at run time; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // Bundled CommonJS dependencies (yaml) call require() for Node built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
});
