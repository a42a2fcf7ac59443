// A fresh clone needs nothing but `npm install`: the install builds the command, and `npx signet` verifies.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FIXTURE = resolve('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json');
const DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const dir = mkdtempSync(join(tmpdir(), 'signet-clone-'));

describe('a fresh clone', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);

  it('git clone, npm install, then npx signet --help and a verification, with no other step', async () => {
    const clone = join(dir, 'signet');
    await run('git', ['clone', '--quiet', '--no-hardlinks', process.cwd(), clone]);
    // The npm cache may serve the packages (CI and this machine have it); nothing else is prepared.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const help = await run('npx', ['--no-install', 'signet', '--help'], { cwd: clone });
    expect(help.stdout).toMatch(/^signet \d+\.\d+\.\d+ — verify Sigstore and cosign signatures/);
    expect(help.stdout).toMatch(/^ {2}verify-blob +/m);
    const verified = await run('npx', ['--no-install', 'signet', 'verify-bundle', '--bundle', FIXTURE, '--certificate-identity', 'kasiramkompella@gmail.com', '--certificate-oidc-issuer', 'https://accounts.google.com', DIGEST], { cwd: clone });
    expect(verified.stderr).toMatch(/^VERIFIED: /);
    // It ran the build npm install made, not the TypeScript sources.
    const which = await run(process.execPath, ['-e', "console.log(require('node:fs').existsSync('dist-cli/signet.mjs'))"], { cwd: clone });
    expect(which.stdout.trim()).toBe('true');
  }, 600_000);
});
