// Chromium, the built app: a signed 20,000-package CycloneDX attestation given as a bundle. Per run, pressing
// Verify to the verdict on screen (the worker parses the bundle, verifies it, reads the SBOM into its view, and the
// result crosses to the page), the worker's own time to read the SBOM into its view, and opening the
// Attestation tab to the first package rows painted. Alone: `node --import tsx bench/sbom-attestation.ts`.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { buildApp } from '../e2e/support/app-server';
import playwrightConfig from '../playwright.config';
import { startServer } from '../src/server/start-server';
import { generatedCycloneDx } from '../test/support/attestations/predicates';
import { ATTESTER, ATTESTER_SAN } from '../test/support/registry/attested-images';
import { createTestInstance, inTotoStatement } from '../test/support/sigstore';
import { fmtSpread, summarise, type Sample } from './stats';

export interface SbomBench {
  packages: number;
  statementBytes: number;
  bundleBytes: number;
  /** Verify pressed → verdict on screen. */
  toVerdict: Sample;
  /** Inside the worker: the SBOM reader over the parsed statement (AttestationView.readMs). */
  workerRead: Sample;
  /** Attestation tab pressed → first package rows painted. */
  firstRender: Sample;
  /** The worker's reply carrying the result, as the page receives it: its JSON length (the whole reply and the
   *  result alone) and the page's time to read `event.data` (Chromium deserialises the structured clone then). */
  reply: { replyJson: number; resultJson: number; pageRead: Sample };
  /** The first run of the page, which also starts the worker and loads the viewer's code. */
  cold: { toVerdict: number; firstRender: number };
}

const PACKAGES = 20_000;

// Before the app starts its worker: every 'message' listener on a Worker reads `event.data` first and times it,
// recording the JSON length of each reply that carries a result (the listener the app gave runs unchanged).
function watchWorkerReplies(): void {
  const w = globalThis as unknown as { __replies: { ms: number; reply: number; result: number }[] };
  w.__replies = [];
  const wrapped = new WeakMap<object, EventListener>();
  const add = Worker.prototype.addEventListener;
  const remove = Worker.prototype.removeEventListener;
  Worker.prototype.addEventListener = function (this: Worker, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
    const timed: EventListener = (event) => {
      const t0 = performance.now();
      const data = (event as MessageEvent).data as { type?: string; result?: unknown } | null;
      const ms = performance.now() - t0;
      if (data?.type === 'result') w.__replies.push({ ms, reply: JSON.stringify(data).length, result: JSON.stringify(data.result).length });
      listener.call(this, event);
    };
    wrapped.set(listener, timed);
    return add.call(this, type, timed, options);
  } as typeof add;
  Worker.prototype.removeEventListener = function (this: Worker, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
    return remove.call(this, type, wrapped.get(listener) ?? listener, options);
  } as typeof remove;
}

// A bundle signing the in-toto statement of a generated CycloneDX SBOM, with the test instance's trusted root.
function signedSbom(packages: number) {
  const instance = createTestInstance();
  const digest = createHash('sha256').update('sbom bench image').digest('hex');
  const statement = inTotoStatement([{ name: 'registry.test/app', digest: { sha256: digest } }], 'https://cyclonedx.org/bom', generatedCycloneDx(packages));
  const bundle = JSON.stringify(instance.signDsse(statement, { identity: ATTESTER, tsa: true }).bundle);
  return { bundle, digest, trustedRoot: JSON.stringify(instance.trustedRoot()), statementBytes: Buffer.byteLength(JSON.stringify(statement)) };
}

// Build the app (unless given) and time `runs` verifications after one cold run.
export async function benchSbomAttestation(runs: number, appDir?: string): Promise<SbomBench> {
  const dir = appDir ?? 'test-results/bench-app';
  if (!appDir) await buildApp(dir);
  const signed = signedSbom(PACKAGES);
  const server = await startServer({ port: 0, host: '127.0.0.1', root: dir });
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    const files = page.locator('input[type=file][accept=".json,application/json"]');
    await files.nth(0).setInputFiles({ name: 'sbom.sigstore.json', mimeType: 'application/json', buffer: Buffer.from(signed.bundle) });
    await files.nth(1).setInputFiles({ name: 'test_root.json', mimeType: 'application/json', buffer: Buffer.from(signed.trustedRoot) });
    await page.getByRole('radio', { name: 'Digest' }).check();
    await page.getByLabel('Artifact digest').fill(`sha256:${signed.digest}`);
    await page.getByLabel('Certificate identity (SAN: e-mail or URI)').fill(ATTESTER_SAN);
    await page.getByLabel('OIDC issuer').fill(ATTESTER.issuer);
    // This file runs through tsx, whose keepNames wraps functions in __name(); give the page a no-op one.
    await page.evaluate('globalThis.__name = (fn) => fn');
    await page.evaluate(watchWorkerReplies);
    const samples = await page.evaluate(async (n) => {
      const button = (role: string, text: string) => [...document.querySelectorAll<HTMLButtonElement>(role === 'tab' ? 'button[role=tab]' : 'button[type=submit]')].find((b) => b.textContent === text);
      // Resolve when test() holds for the document, checked on every DOM change.
      const when = <T,>(test: () => T | null | undefined) =>
        new Promise<T>((resolve) => {
          const hit = test();
          if (hit) return resolve(hit);
          const observer = new MutationObserver(() => {
            const found = test();
            if (found) {
              observer.disconnect();
              resolve(found);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
      const painted = () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
      const out: { toVerdict: number; firstRender: number; readMs: number }[] = [];
      for (let i = 0; i < n; i++) {
        button('tab', 'Timeline')?.click();
        await when(() => !document.querySelector('[data-testid="sbom-rows"]'));
        const old = document.querySelector('[data-verdict]');
        const t0 = performance.now();
        button('submit', 'Verify')!.click();
        const banner = await when(() => {
          const b = document.querySelector('[data-verdict]');
          return b && b !== old ? b : null;
        });
        if (banner.getAttribute('data-verdict') !== 'verified') throw new Error(`not verified: ${banner.textContent}`);
        const t1 = performance.now();
        const t2 = performance.now();
        (await when(() => button('tab', 'Attestation'))).click();
        await when(() => document.querySelector('[data-testid="sbom-rows"] [role="row"]'));
        const t3 = await painted();
        const readMs = Number(document.querySelector('[data-attestation]')?.getAttribute('data-read-ms'));
        const count = document.querySelector('[data-testid="sbom-count"]')?.textContent ?? '';
        if (!count.startsWith('20,000 of 20,000')) throw new Error(`the table shows ${count}`);
        out.push({ toVerdict: t1 - t0, firstRender: t3 - t2, readMs });
      }
      return out;
    }, runs + 1);
    const replies = await page.evaluate(() => (globalThis as unknown as { __replies: { ms: number; reply: number; result: number }[] }).__replies);
    if (replies.length !== runs + 1) throw new Error(`${replies.length} result replies seen for ${runs + 1} verifications`);
    const [cold, ...warm] = samples;
    return {
      packages: PACKAGES,
      statementBytes: signed.statementBytes,
      bundleBytes: signed.bundle.length,
      toVerdict: summarise(warm.map((s) => s.toVerdict)),
      workerRead: summarise(warm.map((s) => s.readMs)),
      firstRender: summarise(warm.map((s) => s.firstRender)),
      reply: { replyJson: replies[0]!.reply, resultJson: replies[0]!.result, pageRead: summarise(replies.slice(1).map((r) => r.ms)) },
      cold: { toVerdict: cold!.toVerdict, firstRender: cold!.firstRender },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// The section as `npm run bench` prints it.
export function formatSbomBench(r: SbomBench): string {
  return (
    `\nApp: a ${r.packages.toLocaleString('en')}-package CycloneDX attestation given as a bundle (statement ${(r.statementBytes / 1e6).toFixed(1)} MB, bundle ${(r.bundleBytes / 1e6).toFixed(1)} MB), built app in Chromium\n` +
    `  Verify pressed → verdict on screen (worker: bundle parse, verification, SBOM read; result to the page) ${fmtSpread(r.toVerdict)}\n` +
    `    of which, in the worker, the SBOM reader (statement already parsed by artifact.bind) ${fmtSpread(r.workerRead)}\n` +
    `  the worker's reply: ${(r.reply.replyJson / 1e6).toFixed(2)} MB as JSON (the result ${(r.reply.resultJson / 1e6).toFixed(2)} MB); the page reads it (structured clone) in ${fmtSpread(r.reply.pageRead)}\n` +
    `  Attestation tab pressed → first package rows painted (react-table models + virtualised rows) ${fmtSpread(r.firstRender)}\n` +
    `  first run of the page (worker start, viewer code loaded): to verdict ${r.cold.toVerdict.toFixed(1)} ms, first render ${r.cold.firstRender.toFixed(1)} ms\n`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(formatSbomBench(await benchSbomAttestation(Number(process.env.BENCH_SBOM_N ?? 20))));
}
