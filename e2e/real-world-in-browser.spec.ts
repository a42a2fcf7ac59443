// Every real-world class case, and every case of the real-world corpus, gets the same results from the engine in
// Chromium (bundled by Vite as the app bundles it) as in Node: the class cases against the same bundle run in Node,
// the corpus against the `signet verify-bundle` command line `npm run corpus` runs.
import { test, expect } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildCoreBundle, HARNESS_ORIGIN, openHarness } from './support/core-harness';
import type { EngineCase } from './support/engine-case';
import { outcomeOf, type EngineOutcome } from './support/engine-outcome';
import { buildClassCases, type ClassCase } from '../test/support/real-world-classes';
import { loadCases, type CorpusCase } from '../scripts/corpus/cases';
import { cliArgs } from '../scripts/corpus/signet-cli';

const CORPUS = '../shared/corpus';
const HARNESS_DIR = 'test-results/engine-case-harness';
const run = promisify(execFile);
let harness = '';
let inNode: (cases: EngineCase[]) => Promise<EngineOutcome[][]>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  harness = await buildCoreBundle(HARNESS_DIR, 'e2e/support/engine-case.ts');
  // Node runs the very module the page loads.
  inNode = (await import(pathToFileURL(resolve(HARNESS_DIR, 'core.js')).href)).runEngineCases;
  // The corpus is judged against the command as built from these sources.
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
});

// The cases through the Vite-bundled engine inside the page.
async function inChromium(page: import('@playwright/test').Page, cases: EngineCase[]): Promise<EngineOutcome[][]> {
  await openHarness(page, harness);
  return page.evaluate(
    async ({ cases, origin }) => {
      const runner = await import(`${origin}/core.js`);
      return runner.runEngineCases(cases);
    },
    { cases, origin: HARNESS_ORIGIN },
  );
}

// A class case as the engine's plain-JSON input.
function classInput(c: ClassCase): EngineCase {
  return {
    name: c.name,
    bundle: c.bundle,
    trustedRoot: JSON.stringify(c.trustedRoot),
    artifact: c.artifact,
    signer: { identity: c.identity, issuer: c.issuer },
    ...(c.thresholds ? { thresholds: c.thresholds } : {}),
    ...(c.useSignedTimestamps ? { useSignedTimestamps: true } : {}),
  };
}

// What a class case expects, read off one outcome (as test/core/real-world-classes.test.ts reads a result).
function expectationOf(o: EngineOutcome): ClassCase['expect'] {
  const step = (s: string) => s.split(':');
  const failed = o.steps.map(step).find(([id]) => id === o.failedStep);
  const warn = o.steps.map(step).filter(([, status]) => status === 'warn').map(([id]) => id!);
  return { verdict: o.verdict as 'verified' | 'failed', ...(failed ? { step: failed[0]!, code: failed[2]! } : {}), ...(warn.length ? { warn } : {}) };
}

test('every real-world class case: same verdict, failed step and step statuses in Chromium as in Node', async ({ page }) => {
  test.setTimeout(180_000);
  const cases = buildClassCases();
  const inputs = cases.map(classInput);
  const node = await inNode(inputs);
  const browser = await inChromium(page, inputs);
  expect(browser.length).toBe(cases.length);
  cases.forEach((c, i) => {
    expect.soft(browser[i], `${c.kind}: ${c.name}`).toEqual(node[i]);
    expect.soft(expectationOf(browser[i]![0]!), `${c.kind}: ${c.name}`).toMatchObject(c.expect);
  });
  // Both verdicts are compared.
  expect(new Set(browser.map((o) => o[0]!.verdict))).toEqual(new Set(['verified', 'failed']));
});

// A corpus case as the engine's input, from the very files (and the written `cosign download signature` line) the CLI gets.
function corpusInput(c: CorpusCase, root: string, args: string[]): EngineCase {
  const at = (p: string) => join(root, p);
  const t = c.thresholds;
  const digest = c.digest ?? c.image_digest;
  return {
    name: c.name,
    bundle: readFileSync(args[args.indexOf('--bundle') + 1]!, 'utf8'),
    trustedRoot: readFileSync(at(c.trusted_root), 'utf8'),
    artifact: c.artifact ? { hex: readFileSync(at(c.artifact)).toString('hex') } : digest ? { digest } : null,
    signer: c.key ? { keyPem: readFileSync(at(c.key), 'utf8') } : { identity: c.identity!, issuer: c.issuer },
    ...(t ? { thresholds: { tlog: t.tlog, sct: t.ctlog, timestamps: t.timestamp } } : {}),
  };
}

// The CLI's results for one case: each JSON record it printed, reduced like the browser's; exit 2 is a rejected input.
async function cliOutcomes(args: string[]): Promise<{ exit: number; outcomes: EngineOutcome[] }> {
  let stdout: string;
  let exit = 0;
  try {
    stdout = (await run(process.execPath, ['bin/signet.mjs', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    exit = typeof e.code === 'number' ? e.code : -1;
    stdout = e.stdout ?? '';
  }
  const outcomes = stdout.trim() ? stdout.trim().split(/\n(?=\{)/).map((doc) => outcomeOf(JSON.parse(doc))) : [];
  return { exit, outcomes };
}

test('every real-world corpus case: the same results in Chromium as from the signet CLI', async ({ page }) => {
  test.skip(!existsSync(join(CORPUS, 'cases.json')), `SKIPPED: no corpus at ${CORPUS}`);
  test.setTimeout(300_000);
  const { root, cases } = loadCases(CORPUS);
  const scratch = mkdtempSync(join(tmpdir(), 'signet-corpus-e2e-'));
  try {
    const args = cases.map((c) => cliArgs(c, root, scratch));
    const inputs = cases.map((c, i) => corpusInput(c, root, args[i]!));
    // The CLI a few cases at a time, as `npm run corpus` runs it.
    const node: Array<{ exit: number; outcomes: EngineOutcome[] }> = new Array(cases.length);
    const queue = cases.map((_, i) => i);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) node[i] = await cliOutcomes(args[i]!);
      }),
    );
    const browser = await inChromium(page, inputs);
    expect(browser.length).toBe(cases.length);
    let verified = 0;
    cases.forEach((c, i) => {
      const cli = node[i]!;
      // Every case is read by the CLI (exit 0 or 1), so each has records to compare.
      expect.soft(cli.exit === 0 || cli.exit === 1, `${c.name}: CLI exit ${cli.exit}`).toBe(true);
      expect.soft(browser[i], c.name).toEqual(cli.outcomes);
      const anyVerified = browser[i]!.some((o) => o.verdict === 'verified');
      expect.soft(anyVerified, `${c.name}: verdict against the CLI exit status`).toBe(cli.exit === 0);
      if (anyVerified) verified++;
    });
    // Not a vacuous comparison: the corpus holds cases of both verdicts.
    expect(verified).toBeGreaterThan(10);
    expect(verified).toBeLessThan(cases.length - 10);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
