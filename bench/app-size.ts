// What the first page costs to download: the JS and CSS index.html loads, followed through static imports, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseSync } from 'vite';

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
}

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
  return { firstLoad, firstLoadTotal: total(firstLoad), allJs, allJsTotal, deferredJs: { raw: allJsTotal.raw - firstLoadJs.raw, gzip: allJsTotal.gzip - firstLoadJs.gzip } };
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
    row('JavaScript kept out of the first load', size.deferredJs)
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
