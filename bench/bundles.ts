// `node --import tsx bench/bundles.ts`: the per-bundle speed bench on its own (the engine as built, Node and Chromium).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCoreBundle } from '../e2e/support/core-harness';
import { benchEveryBundle, formatBundleResults, loadBenchCases } from './every-bundle';

const N = Number(process.env.BENCH_N ?? 100);
const BUILD_DIR = 'test-results/bench-core';
await buildCoreBundle(BUILD_DIR);
const core = (await import(pathToFileURL(resolve(BUILD_DIR, 'core.js')).href)) as typeof import('../src/core');
const only = process.env.BENCH_ONLY;
const cases = loadBenchCases('../shared/conformance', '../shared/corpus', core).filter((c) => !only || c.name.includes(only));
process.stdout.write(`Node ${process.version}: Signet vs @sigstore/verify, every passing conformance and corpus bundle, ${N} runs each\n`);
process.stdout.write(formatBundleResults(await benchEveryBundle(cases, N, core)));
