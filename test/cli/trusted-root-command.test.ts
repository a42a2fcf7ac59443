// `signet trusted-root [--refresh]` as a user runs it, against a TUF repository signed in the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestInstance } from '../support/sigstore';
import { startTufRepository, type TufRepository } from '../support/tuf/repository';

const dir = mkdtempSync(join(tmpdir(), 'signet-tuf-'));
const trustedRootText = JSON.stringify(createTestInstance().trustedRoot());
let repo: TufRepository;
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['bin/signet.mjs', 'trusted-root', ...args], { env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(dir, 'cache') } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

beforeAll(async () => {
  repo = await startTufRepository();
  repo.rotateRoot({ newRootKeys: true });
  repo.publish({ 'trusted_root.json': trustedRootText });
  writeFileSync(join(dir, 'root.json'), repo.seedRoot);
});
afterAll(() => repo.close());

describe('signet trusted-root', () => {
  it('--refresh writes the verified trusted_root.json and lists what changed against the embedded root', async () => {
    const out = join(dir, 'trusted_root.json');
    const r = await cli(['--refresh', '--tuf-url', repo.url, '--tuf-root', join(dir, 'root.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(trustedRootText);
    expect(r.stderr).toContain('tuf.root');
    expect(r.stderr).toContain('added tlog');
  });

  it('expired metadata writes nothing and exits 1; a repository without an embedded seed needs --tuf-root; no flag prints the embedded root labelled', async () => {
    repo.publish({ 'trusted_root.json': trustedRootText }, { expireRole: 'snapshot' });
    const expired = await cli(['--refresh', '--tuf-url', repo.url, '--tuf-root', join(dir, 'root.json')]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toBe('');
    expect(expired.stderr).toContain('TUF_EXPIRED');
    expect((await cli(['--refresh', '--preset', 'github'])).code).toBe(2);
    const embedded = await cli([]);
    expect(embedded.code).toBe(0);
    expect(JSON.parse(embedded.stdout).mediaType).toContain('trustedroot');
    expect(embedded.stderr).toContain('not refreshed');
  });
});
