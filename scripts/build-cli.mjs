// Builds the `signet` command into JavaScript (dist-cli/signet.mjs and its chunks), so it starts without
// transpiling TypeScript. `npm install` runs it (the `prepare` script); so do the tests and `npm run conformance`.
// `node scripts/build-cli.mjs --analyze` also prints what each file of the build holds.
import { rmSync } from 'node:fs';
import { analyzeMetafile, build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Signet's modules do nothing when imported but declare (no module is imported for its side effects), so a module
// whose exports a verb does not use is left out of that verb's chunks, with the libraries only it imports.
const sourcesDeclareOnly = {
  name: 'sources-declare-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'declare-only') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'declare-only' });
      const own = !resolved.errors.length && resolved.path.startsWith(`${root}src/`) && resolved.path.endsWith('.ts');
      return own ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

// Old chunks would otherwise pile up, one set per build.
rmSync(new URL('../dist-cli', import.meta.url), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/entry.ts'],
  outdir: 'dist-cli',
  entryNames: 'signet',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // Each verb, and each library only some checks need (RE2, JMESPath, YAML), is a chunk loaded on first use,
  // so a start-up parses only the code its verb runs.
  splitting: true,
  bundle: true,
  // Bundled CommonJS dependencies call require() for Node built-ins; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __signetCreateRequire } from 'node:module'; const require = __signetCreateRequire(import.meta.url);" },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  // A bare `import './x'` of a project module brings in its type declarations (module augmentation), never code to run.
  logOverride: { 'ignored-bare-import': 'silent' },
  plugins: [sourcesDeclareOnly],
  metafile: process.argv.includes('--analyze'),
});
if (result.metafile) process.stdout.write(await analyzeMetafile(result.metafile));
