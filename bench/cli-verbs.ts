// What each `signet` verb costs before it does anything: the bytes of JavaScript the built command loads for
// `signet VERB --help` (every file Node loads as a module, noted by a module hook) and the cold start of that
// process (start → exit, no network), against `node -e 0`, and which npm packages those files hold (read from each
// file's source map: RE2, JMESPath, YAML and the others only a few checks need). On its own: `node --import tsx bench/cli-verbs.ts`
// (BENCH_VERBS_N rounds, default 10); the build is the one `npm install` makes (scripts/build-cli.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { VERBS } from '../src/cli/verbs';
import { timeProcess } from './cold-start';
import { fmt, summarise, type Sample } from './stats';

export interface VerbCost {
  verb: string;
  /** Files and bytes loaded by `signet VERB --help`. */
  files: number;
  bytes: number;
  /** The npm packages bundled in those files. */
  packages: string[];
  coldStart: Sample;
}

// The npm packages whose sources a built file holds, by its linked source map.
function packagesIn(file: string): string[] {
  const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return sources.flatMap((s) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s)?.[1] ?? []);
}

// The files `signet VERB --help` loads, by the module hook, with their sizes and the npm packages they hold.
export function loadedBytes(verb: string): { files: number; bytes: number; packages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'signet-loaded-'));
  const out = join(dir, 'files.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', './bench/loaded-files-hook.mjs', 'bin/signet.mjs', verb, '--help'], { env: { ...process.env, SIGNET_LOADED_FILES: out }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`signet ${verb} --help exited ${r.status}: ${r.stderr.toString().slice(0, 300)}`);
    const files = [...new Set(readFileSync(out, 'utf8').split('\n').filter((l) => l.includes('/dist-cli/')))].map((u) => fileURLToPath(u));
    return { files: files.length, bytes: files.reduce((n, f) => n + statSync(f).size, 0), packages: [...new Set(files.flatMap(packagesIn))].sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Build the command, then measure every verb: bytes once, cold start over n interleaved rounds (node -e 0 too).
export function benchCliVerbs(n: number): { verbs: VerbCost[]; nodeFloor: Sample } {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  const names = VERBS.map((v) => v.name);
  const sizes = new Map(names.map((v) => [v, loadedBytes(v)]));
  const runs = new Map<string, number[]>([...names, 'node -e 0'].map((v) => [v, []]));
  const argsOf = (v: string) => (v === 'node -e 0' ? ['-e', '0'] : ['bin/signet.mjs', v, '--help']);
  for (const v of runs.keys()) timeProcess(argsOf(v));
  for (let i = 0; i < n; i++) for (const [v, ms] of runs) ms.push(timeProcess(argsOf(v)));
  return {
    verbs: names.map((verb) => ({ verb, ...sizes.get(verb)!, coldStart: summarise(runs.get(verb)!) })),
    nodeFloor: summarise(runs.get('node -e 0')!),
  };
}

// The section as printed.
export function formatCliVerbs(r: { verbs: VerbCost[]; nodeFloor: Sample }): string {
  const lines = r.verbs.map((v) => `  signet ${v.verb.padEnd(24)} ${(v.bytes / 1024).toFixed(0).padStart(5)} KB in ${String(v.files).padStart(2)} files; start → exit ${fmt(v.coldStart)}\n      packages: ${v.packages.join(', ') || 'none'}\n`);
  return `signet VERB --help: JavaScript loaded, the npm packages in it, and cold start (built command)\n${lines.join('')}  node -e 0 ${fmt(r.nodeFloor)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(formatCliVerbs(benchCliVerbs(Number(process.env.BENCH_VERBS_N ?? 10))));
}
