// Builds the `signet` command into one JavaScript file (dist-cli/signet.mjs), so it starts without
// transpiling TypeScript. `npm install` runs it (the `prepare` script); so do the tests and `npm run conformance`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Old chunks would otherwise pile up, one set per build.
rmSync(new URL('../dist-cli', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/entry.ts'],
  outdir: 'dist-cli',
  entryNames: 'signet',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // Rarely needed parts (the YAML reader) load only when used, so start-up parses less.
  splitting: true,
  bundle: true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __signetRequire } from 'node:module'; const require = __signetRequire(import.meta.url);" },
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
