// The engine runs unchanged in Chromium and reaches the same results as in Node.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCoreBundle, HARNESS_ORIGIN, openHarness } from './support/core-harness';

const FIXTURE = '../shared/fixtures/dockerhub-buildkittest';
const CONFORMANCE = '../shared/conformance';
const IMAGE_DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';

let coreSource = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  coreSource = await buildCoreBundle('test-results/core-harness');
});

interface BrowserCase {
  bundle: string;
  artifactHex?: string;
  digestHex?: string;
  identity?: string;
  issuer?: string;
  keyPem?: string;
  trustedRoot?: string;
}

// Run cases inside the page; returns each verdict with its step statuses and failure codes.
async function verifyInBrowser(page: import('@playwright/test').Page, cases: BrowserCase[]) {
  return page.evaluate(
    async ({ cases, origin }) => {
      const core = await import(`${origin}/core.js`);
      const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
      const out = [];
      for (const c of cases) {
        let trustedRoot;
        try {
          trustedRoot = c.trustedRoot ? core.parseTrustedRoot(c.trustedRoot, { name: 'case root', description: 'case' }) : core.publicGoodTrustedRoot();
        } catch (err) {
          // A trusted root that does not parse rejects the verification before it starts (the CLI exits 2).
          out.push({ verdict: 'rejected', failedStep: undefined, steps: [`trusted-root:${(err as { code?: string }).code}`] });
          continue;
        }
        const policy = c.keyPem
          ? { kind: 'key', publicKey: c.keyPem }
          : { kind: 'identity', identity: { identity: { exact: c.identity }, issuer: { exact: c.issuer } } };
        const artifact = c.digestHex ? { kind: 'digest', algorithm: 'SHA-256', value: hex(c.digestHex) } : { kind: 'bytes', bytes: hex(c.artifactHex!) };
        const r = await core.verifyBundle({ bundle: c.bundle, artifact, policy, trustedRoot });
        out.push({ verdict: r.verdict, failedStep: r.failedStep, steps: r.steps.map((s: { id: string; status: string; code?: string }) => `${s.id}:${s.status}:${s.code ?? ''}`) });
      }
      return out;
    },
    { cases, origin: HARNESS_ORIGIN },
  );
}

// The Node CLI's --json result, whatever its exit status.
function cliJson(args: string[]) {
  try {
    return JSON.parse(execFileSync(process.execPath, ['bin/signet.mjs', 'verify-bundle', '--json', ...args], { encoding: 'utf8' }));
  } catch (err) {
    return JSON.parse((err as { stdout: string }).stdout);
  }
}

// The same case through the Node CLI, reduced to what the browser run reports.
function verifyInNode(args: string[]) {
  const r = cliJson(args);
  return { verdict: r.verdict, failedStep: r.failedStep, steps: r.steps.map((s: { id: string; status: string; code?: string }) => `${s.id}:${s.status}:${s.code ?? ''}`) };
}

test('the production Docker Hub bundle verifies in Chromium exactly as in Node', async ({ page }) => {
  await openHarness(page, coreSource);
  const bundlePath = join(FIXTURE, 'bundle.sigstore.json');
  const inspect = cliJson(['--inspect', '--bundle', bundlePath, IMAGE_DIGEST]);
  const san = inspect.steps.find((s: { id: string }) => s.id === 'cert.decode').evidence.find((e: { label: string }) => e.label.startsWith('SAN')).value;
  const identityArgs = ['--certificate-identity', san, '--certificate-oidc-issuer', 'https://accounts.google.com'];
  const node = verifyInNode(['--bundle', bundlePath, ...identityArgs, IMAGE_DIGEST]);
  const [browser] = await verifyInBrowser(page, [
    { bundle: readFileSync(bundlePath, 'utf8'), digestHex: IMAGE_DIGEST.slice(7), identity: san, issuer: 'https://accounts.google.com' },
  ]);
  expect(node.verdict).toBe('verified');
  expect(browser).toEqual(node);

  const wrong = verifyInNode(['--bundle', bundlePath, '--certificate-identity', 'someone@example.com', '--certificate-oidc-issuer', 'https://accounts.google.com', IMAGE_DIGEST]);
  const [wrongInBrowser] = await verifyInBrowser(page, [
    { bundle: readFileSync(bundlePath, 'utf8'), digestHex: IMAGE_DIGEST.slice(7), identity: 'someone@example.com', issuer: 'https://accounts.google.com' },
  ]);
  expect(wrong.failedStep).toBe('policy.identity');
  expect(wrongInBrowser).toEqual(wrong);
});

test('every conformance case gets the same verdict in Chromium as the suite expects', async ({ page }) => {
  test.skip(!existsSync(join(CONFORMANCE, 'cases.json')), 'conformance suite not present');
  test.setTimeout(180_000);
  await openHarness(page, coreSource);
  const cases = JSON.parse(readFileSync(join(CONFORMANCE, 'cases.json'), 'utf8')) as Array<{
    name: string; expect: 'pass' | 'fail'; bundle: string; artifact: string | null; digest: string | null;
    identity: string | null; issuer: string | null; key: string | null; trusted_root: string; trusted_root_flag_passed: boolean;
  }>;
  const read = (p: string) => readFileSync(join(CONFORMANCE, p));
  const inputs: BrowserCase[] = cases.map((c) => ({
    bundle: read(c.bundle).toString('utf8'),
    ...(c.digest ? { digestHex: c.digest.slice(7) } : { artifactHex: read(c.artifact!).toString('hex') }),
    ...(c.key ? { keyPem: read(c.key).toString('utf8') } : { identity: c.identity!, issuer: c.issuer! }),
    ...(c.trusted_root_flag_passed ? { trustedRoot: read(c.trusted_root).toString('utf8') } : {}),
  }));
  const results = await verifyInBrowser(page, inputs);
  const mismatches = cases.filter((c, i) => (results[i]!.verdict === 'verified') !== (c.expect === 'pass')).map((c) => c.name);
  expect(mismatches).toEqual([]);
});
