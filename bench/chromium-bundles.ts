// `node --import tsx bench/chromium-bundles.ts`: Signet in headless Chromium against each bundle's WebCrypto floor, on its own.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCoreBundle } from '../e2e/support/core-harness';
import { benchChromiumBundles, formatChromiumBundles, formatPlacement, webCryptoPlacement } from './chromium-floor';
import { loadBenchCases } from './every-bundle';

const N = Number(process.env.BENCH_N ?? 100);
const BUILD_DIR = 'test-results/bench-core';
const coreSource = await buildCoreBundle(BUILD_DIR);
const core = (await import(pathToFileURL(resolve(BUILD_DIR, 'core.js')).href)) as typeof import('../src/core');
const only = process.env.BENCH_ONLY;
const cases = loadBenchCases('../shared/conformance', '../shared/corpus', core).filter((c) => !only || c.name.includes(only));
process.stdout.write(formatPlacement(await webCryptoPlacement(coreSource)));
process.stdout.write(`Chromium: Signet vs each bundle's own WebCrypto floor, every passing conformance and corpus bundle, ${N} runs each\n`);
// BENCH_PROFILE=<dir>: also write a CPU profile of each bundle's verification in the page there.
const profileDir = process.env.BENCH_PROFILE;
process.stdout.write(formatChromiumBundles(await benchChromiumBundles(coreSource, cases, N, 5, profileDir)));
if (profileDir) process.stdout.write(`CPU profiles (${N} verifications each) in ${profileDir}\n`);
