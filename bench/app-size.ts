// What the first page costs to download: the JS and CSS index.html loads, followed through static imports, gzipped;
// and where the engine's decoders ended up (only in the workers' chunks, never in the page's).
// Runs on its own: `node --import tsx bench/app-size.ts` (builds into test-results/bench-app).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, parseSync } from 'vite';
import { PAGE_SAFE_CORE } from '../lint/page-modules.js';

export interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
}

export interface SizeTotal {
  raw: number;
  gzip: number;
}

export interface AppSize {
  /** index.html's module scripts, module preloads and stylesheets, plus every chunk they import statically. */
  firstLoad: SizedFile[];
  firstLoadTotal: SizeTotal;
  /** Every .js file the build emitted, lazy chunks included. */
  allJs: SizedFile[];
  allJsTotal: SizeTotal;
  /** JavaScript outside the first load: what code-splitting keeps off the first page. */
  deferredJs: SizeTotal;
  /** Engine modules (decoders, checks, the registry and log clients) in chunks the page runs; none is the goal. */
  engineOnPage: { chunk: string; modules: string[] }[];
  /** The chunks holding the decoders (x509, encoding/der, tlog, bundle, dsse, tsa, attest readers). */
  decoderChunks: string[];
}

/** Engine folders the page never runs. */
const ENGINE = ['src/core', 'src/oci', 'src/image', 'src/audit'];
/** The decoders the certificate, checkpoint and DSSE views once ran on the page. */
const DECODERS = ['src/core/x509', 'src/core/encoding/der', 'src/core/tlog', 'src/core/bundle', 'src/core/dsse', 'src/core/tsa', 'src/core/attest/read-attestation'];
/** Chunk names of the Web Workers' bundles (`new Worker(new URL('./x-worker.ts', …))`). */
const WORKER_CHUNK = /-worker-[\w-]+\.js$/;

const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

// Measures a Vite build in distDir.
export function measureAppSize(distDir: string): AppSize {
  const firstLoad = [...firstLoadFiles(distDir)].map((file) => sized(distDir, file));
  const allJs = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => sized(distDir, `assets/${name}`));
  const firstLoadJs = total(firstLoad.filter((f) => f.file.endsWith('.js')));
  const allJsTotal = total(allJs);
  const modules = allJs.map((f) => ({ chunk: f.file, modules: modulesOf(distDir, f.file) }));
  return {
    firstLoad,
    firstLoadTotal: total(firstLoad),
    allJs,
    allJsTotal,
    deferredJs: { raw: allJsTotal.raw - firstLoadJs.raw, gzip: allJsTotal.gzip - firstLoadJs.gzip },
    engineOnPage: modules
      .filter((c) => !WORKER_CHUNK.test(c.chunk))
      .map((c) => ({ chunk: c.chunk, modules: c.modules.filter((m) => under(m, ENGINE) && !under(m, PAGE_SAFE_CORE)) }))
      .filter((c) => c.modules.length > 0),
    decoderChunks: modules.filter((c) => c.modules.some((m) => under(m, DECODERS))).map((c) => c.chunk),
  };
}

// Builds the app as shipped into outDir, with hidden source maps beside it (no sourceMappingURL comment, so every
// file is byte for byte the shipped one) that say which modules each chunk holds.
export async function buildAppForSize(outDir: string): Promise<void> {
  const before = process.env.SIGNET_SOURCEMAPS;
  process.env.SIGNET_SOURCEMAPS = 'hidden';
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.SIGNET_SOURCEMAPS;
    else process.env.SIGNET_SOURCEMAPS = before;
  }
}

// The project modules (paths like src/core/x509/certificate.ts) a chunk holds, from its source map (the build lies
// inside the project); none without one.
function modulesOf(distDir: string, file: string): string[] {
  const map = join(distDir, `${file}.map`);
  if (!existsSync(map)) return [];
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  // Page chunks name sources from assets/, worker bundles from the build's root: both climb to the project root first.
  return sources.map((s) => s.replace(/^(\.\.\/)+/, '')).filter((m) => m.startsWith('src/'));
}

// Whether a module path lies in one of the folders or modules listed (extension aside).
function under(module: string, prefixes: readonly string[]): boolean {
  const path = module.replace(/\.tsx?$/, '');
  return prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

// The bench section: one line per first-load file, the totals, and what stays deferred.
export function formatAppSize(size: AppSize): string {
  // Bytes in kB, right-aligned.
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
  // One aligned line of the table.
  const row = (label: string, s: SizeTotal) => `  ${label.padEnd(48)} ${kB(s.raw)} raw ${kB(s.gzip)} gzip\n`;
  return (
    size.firstLoad.map((f) => row(f.file, f)).join('') +
    row('first load (JS + CSS)', size.firstLoadTotal) +
    row(`all JavaScript in assets/ (${size.allJs.length} files)`, size.allJsTotal) +
    row('JavaScript kept out of the first load', size.deferredJs) +
    `  engine modules in the page's chunks (outside the workers): ${
      size.engineOnPage.length === 0 ? 'none' : size.engineOnPage.map((c) => `${c.chunk}: ${c.modules.join(', ')}`).join('; ')
    }\n` +
    `  decoders (x509, encoding/der, tlog, bundle, dsse, tsa, attest readers) are in: ${size.decoderChunks.join(', ') || 'no chunk (built without source maps?)'}\n`
  );
}

// The files (relative to distDir) the first page fetches before it can run.
function firstLoadFiles(distDir: string): Set<string> {
  const files = new Set<string>();
  for (const [tag, attributes] of tagsOf(readFileSync(join(distDir, 'index.html'), 'utf8'))) {
    const rel = (attributes.get('rel') ?? '').split(/\s+/);
    const url = tag === 'script' && attributes.get('type') === 'module' ? attributes.get('src') : rel.includes('modulepreload') || rel.includes('stylesheet') ? attributes.get('href') : undefined;
    if (url?.startsWith('/')) files.add(url.slice(1));
  }
  for (const file of files) {
    if (file.endsWith('.js')) for (const imported of staticImportsOf(distDir, file)) files.add(imported);
  }
  return files;
}

// Each <script> and <link> tag with its attributes (names lower-cased).
function tagsOf(html: string): [string, Map<string, string>][] {
  return [...html.matchAll(TAG)].map((tag) => {
    const attributes = new Map([...tag[2]!.matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''] as const));
    return [tag[1]!.toLowerCase(), attributes];
  });
}

// The chunks a module imports or re-exports statically (dynamic import() loads later, on demand).
function staticImportsOf(distDir: string, file: string): string[] {
  const { module } = parseSync(file, readFileSync(join(distDir, file), 'utf8'));
  const specifiers = [...module.staticImports.map((i) => i.moduleRequest.value), ...module.staticExports.flatMap((e) => e.entries.flatMap((entry) => (entry.moduleRequest ? [entry.moduleRequest.value] : [])))];
  return specifiers.filter((s) => s.startsWith('./') || s.startsWith('../')).map((s) => posix.join(posix.dirname(file), s));
}

// Raw and gzip -9 bytes of one file.
function sized(distDir: string, file: string): SizedFile {
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

// The sum over files.
function total(files: SizedFile[]): SizeTotal {
  return files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

// `node --import tsx bench/app-size.ts [outDir]`: build the app, then print its size and where the decoders are.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.argv[2] ?? 'test-results/bench-app';
  await buildAppForSize(outDir);
  process.stdout.write(`App size: the JavaScript and CSS the first page loads (index.html + static imports; gzip level 9)\n${formatAppSize(measureAppSize(outDir))}`);
}
