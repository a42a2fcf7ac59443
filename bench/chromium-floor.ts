// Chromium: Signet on the production example against the WebCrypto floor (the verifies it cannot avoid).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { HARNESS_ORIGIN, openHarness } from '../e2e/support/core-harness';
import playwrightConfig from '../playwright.config';
import { summarise, type Sample } from './stats';

export interface ChromiumResult {
  signet: Sample;
  /** The 8 import+verify operations one after another. */
  floorSequential: Sample;
  /** The same 8 all at once: the lower bound for an engine that overlaps independent checks. */
  floorConcurrent: Sample;
  /** signet / concurrent floor. */
  ratio: number;
}

const FIXTURE = '../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json';
const IMAGE_DIGEST = '20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';

// The production bundle needs 4 P-256 verifies (DSSE signature, SCT, SET, checkpoint) and 4 P-384
// (leaf and intermediate certificates, TSA token and TSA certificate): the floor is exactly those,
// key import included, over messages of the same sizes.
export async function benchChromium(coreSource: string, identity: string, n: number): Promise<ChromiumResult> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage();
    await openHarness(page, coreSource);
    // This file runs through tsx, whose keepNames wraps functions in __name(); give the page a no-op one.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const { signet, sequential, concurrent } = await page.evaluate(
      async ({ origin, bundle, digestHex, identity, n }) => {
        const core = await import(`${origin}/core.js`);
        const value = Uint8Array.from(digestHex.match(/../g)!, (b: string) => parseInt(b, 16));
        const run = () =>
          core.verifyBundle({
            bundle,
            artifact: { kind: 'digest', algorithm: 'SHA-256', value },
            policy: { kind: 'identity', identity: { identity: { exact: identity }, issuer: { exact: 'https://accounts.google.com' } } },
            trustedRoot: core.publicGoodTrustedRoot(),
          });
        const first = await run();
        if (first.verdict !== 'verified') throw new Error(`not verified in Chromium: ${first.headline}`);

        const subtle = crypto.subtle;
        const mk = async (namedCurve: string, hash: string, size: number) => {
          const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify']);
          const spki = await subtle.exportKey('spki', pair.publicKey);
          const data = crypto.getRandomValues(new Uint8Array(size));
          const sig = await subtle.sign({ name: 'ECDSA', hash }, pair.privateKey, data);
          return { namedCurve, hash, spki, data, sig };
        };
        const ops = [
          await mk('P-256', 'SHA-256', 1600), await mk('P-256', 'SHA-256', 1300), await mk('P-256', 'SHA-256', 1000), await mk('P-256', 'SHA-256', 160),
          await mk('P-384', 'SHA-384', 1400), await mk('P-384', 'SHA-384', 600), await mk('P-384', 'SHA-384', 250), await mk('P-384', 'SHA-384', 500),
        ];
        const one = async (op: (typeof ops)[number]) => {
          const key = await subtle.importKey('spki', op.spki, { name: 'ECDSA', namedCurve: op.namedCurve }, false, ['verify']);
          if (!(await subtle.verify({ name: 'ECDSA', hash: op.hash }, key, op.sig, op.data))) throw new Error('floor verify failed');
        };
        const floorSequential = async () => {
          for (const op of ops) await one(op);
        };
        const floorConcurrent = () => Promise.all(ops.map(one));
        // Runs inside the page, which cannot import bench/stats: the same warm-up-then-measure loop as timeIt.
        const time = async (fn: () => Promise<unknown>) => {
          for (let i = 0; i < 10; i++) await fn();
          const out: number[] = [];
          for (let i = 0; i < n; i++) {
            const t = performance.now();
            await fn();
            out.push(performance.now() - t);
          }
          return out;
        };
        const signet: number[] = [];
        const sequential: number[] = [];
        const concurrent: number[] = [];
        for (let round = 0; round < 5; round++) {
          signet.push(...(await time(run)));
          sequential.push(...(await time(floorSequential)));
          concurrent.push(...(await time(floorConcurrent)));
        }
        return { signet, sequential, concurrent };
      },
      { origin: HARNESS_ORIGIN, bundle: readFileSync(FIXTURE, 'utf8'), digestHex: IMAGE_DIGEST, identity, n: Math.ceil(n / 5) },
    );
    const s = summarise(signet);
    const c = summarise(concurrent);
    return { signet: s, floorSequential: summarise(sequential), floorConcurrent: c, ratio: s.median / c.median };
  } finally {
    await browser.close();
  }
}
