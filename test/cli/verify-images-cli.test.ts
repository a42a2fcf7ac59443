// `signet verify` over a real registry process, as a pipeline runs it: several images with a denied one in the
// middle, -f lists (Kubernetes JSON on stdin), --json, --report, and the progress bar only on a terminal.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance } from '../support/sigstore';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../support/registry/start-registry';
import { pushSignedImages, type SignedImages } from '../support/registry/signed-images';
import { runCli, SIGNET_BIN, type CliRun } from './run-cli';

const missing = registryMissingReason();
const dir = mkdtempSync(join(tmpdir(), 'signet-images-'));
const COLOUR = /\u001b\[(3\d|90)m/;

// Run the command on a pseudo-terminal (util-linux script), as a person at a terminal would.
function runOnTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const command = [process.execPath, SIGNET_BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    execFile('script', ['-qec', command, '/dev/null'], { env: { ...process.env, ...env, COLUMNS: '120' } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(missing)(missing ? `SKIPPED: ${missing}` : 'signet verify over a real registry', () => {
  let registry: RunningRegistry;
  let images: SignedImages;
  let policy: string[];
  const ref = (tag: string) => `${registry.host}/app:${tag}`;

  beforeAll(async () => {
    registry = await startRegistry();
    const instance = createTestInstance();
    images = await pushSignedImages(registry.url, registry.host, instance);
    writeFileSync(join(dir, 'root.json'), JSON.stringify(instance.trustedRoot()));
    policy = ['--certificate-identity', images.san, '--certificate-oidc-issuer', images.issuer, '--trusted-root', join(dir, 'root.json')];
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  it('a denied image in the middle: exit 1, the others verified; cosign payloads on stdout, header, table and totals on stderr', async () => {
    const r = await runCli(['verify', ref('keyless-sig'), ref('unsigned'), ref('bundle'), ...policy]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const payloads = lines.map((l) => JSON.parse(l) as { critical?: { image: { 'docker-manifest-digest': string } }; subject?: unknown }[]);
    expect(payloads[0]![0]!.critical!.image['docker-manifest-digest']).toBe(images.digests['keyless-sig']);
    expect(r.stderr).toContain(`Verification for ${ref('keyless-sig')} --\nThe following checks were performed on each of these signatures:\n  - The cosign claims were validated\n`);
    expect(r.stderr).toContain(`Error: ${ref('unsigned')} (${images.digests.unsigned}): not verified: Failed at image.discover`);
    expect(r.stderr).toMatch(new RegExp(`^${ref('unsigned').replace(/[.:]/g, '\\$&')} +sha256:\\S+ +FAILED +- +image\\.discover$`, 'm'));
    expect(r.stderr).toMatch(/^3 images: 2 verified, 1 not verified; \d+ registry requests \([\d.]+ per image\) in [\d.]+ s$/m);
    expect(r.stderr).toContain(`WARNING: ${ref('bundle')} resolves to ${images.digests.bundle}`);
    expect(r.stderr).not.toMatch(/\r|done, \d+ failed/);
    expect(r.stderr).not.toMatch(COLOUR);
  }, 60_000);

  it('--json: one full record per image on stdout, in the order given', async () => {
    const r = await runCli(['verify', ref('keyless-sig'), ref('unsigned'), `${registry.host}/app@${images.digests.bundle}`, ...policy, '--json']);
    expect(r.code).toBe(1);
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { verdict: string; digest: string; steps: { id: string; status: string }[]; signatures: unknown[] });
    expect(records.map((x) => [x.digest, x.verdict])).toEqual([
      [images.digests['keyless-sig'], 'verified'],
      [images.digests.unsigned, 'failed'],
      [images.digests.bundle, 'verified'],
    ]);
    expect(records[2]!.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['image.resolve:pass', 'image.discover:pass']);
  }, 60_000);

  it('-f - with Kubernetes JSON: every distinct image once, tag and digest of the same image together; --report in Markdown and JSON', async () => {
    const pod = (...imgs: string[]) => ({ kind: 'Pod', spec: { containers: imgs.map((image, i) => ({ name: `c${i}`, image })) } });
    const list = { apiVersion: 'v1', kind: 'List', items: [pod(ref('keyless-sig'), ref('bundle')), pod(ref('keyless-sig'), `${registry.host}/app@${images.digests['keyless-sig']}`), { kind: 'Deployment', spec: { template: { spec: { initContainers: [{ name: 'i', image: ref('wrong-identity') }] } } } }] };
    const md = join(dir, 'report.md');
    const r = await runCli(['verify', '-f', '-', ...policy, '--report', md], { stdin: JSON.stringify(list) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^3 images: 2 verified, 1 not verified;/m);
    const report = readFileSync(md, 'utf8');
    expect(report).toContain(`| ${ref('keyless-sig')}, ${registry.host}/app@${images.digests['keyless-sig']} | ${images.digests['keyless-sig']} | VERIFIED | ${images.san} |  |`);
    expect(report).toContain(`| ${ref('wrong-identity')} | ${images.digests['wrong-identity']} | FAILED |  | policy.identity |`);
    expect(report).toContain(`## Image 3 of 3: ${ref('wrong-identity')}\n\n### Summary\n\n- **Artifact**: ${ref('wrong-identity')}\n- **Digest**: ${images.digests['wrong-identity']}\n- **Verification status**: FAILED: `);
    const json = join(dir, 'report.json');
    expect((await runCli(['verify', '-f', '-', ...policy, '--report', json], { stdin: JSON.stringify(list) })).code).toBe(1);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { rows: { verdict: string }[]; images: { result: { verdict: string } }[] };
    expect(parsed.rows.map((x) => x.verdict)).toEqual(['verified', 'verified', 'failed']);
    expect(parsed.images).toHaveLength(3);
  }, 60_000);

  it('usage errors exit 2 before any request: no image, a bad --concurrency, a report that is neither .md nor .json', async () => {
    for (const [args, message] of [
      [[...policy], 'give at least one IMAGE, or -f FILE'],
      [[ref('bundle'), '--concurrency', '0', ...policy], '--concurrency must be a whole number from 1 to 64'],
      [[ref('bundle'), '--report', 'out.txt', ...policy], 'name a .md or .json file'],
    ] as const) {
      const r = await runCli(['verify', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('on a terminal: a progress bar (done / total, failures) and colours; NO_COLOR removes the colours, not the bar', async () => {
    const args = ['verify', ref('keyless-sig'), ref('unsigned'), ref('bundle'), '--concurrency', '1', ...policy];
    const tty = await runOnTerminal(args);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toMatch(/\rverifying \[#+-*\] 1\/3 done, 0 failed/);
    expect(tty.stdout).toMatch(/\rverifying \[#+\] 3\/3 done, 1 failed/);
    expect(tty.stdout).toMatch(COLOUR);
    const plain = await runOnTerminal(args, { NO_COLOR: '1' });
    expect(plain.stdout).toMatch(/3\/3 done, 1 failed/);
    expect(plain.stdout).not.toMatch(COLOUR);
  }, 60_000);
});
