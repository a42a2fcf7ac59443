// `signet rekor search|get|verify` as a user runs it: the real CLI process against a Rekor v1-compatible server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestInstance } from '../support/sigstore';
import { b64, ed25519Raw, generateKey } from '../support/sigstore/keys';
import { noteKeyId } from '../support/sigstore/signed-note';
import { startRekorV1Server, type RekorV1Server } from '../support/live-log/rekor-v1-server';

const instance = createTestInstance();
const dir = mkdtempSync(join(tmpdir(), 'signet-rekor-'));
const root = join(dir, 'trusted_root.json');
const bundleFile = join(dir, 'bundle.json');
const EMAIL = 'cli@signet.test';
let server: RekorV1Server;
let uuid: string;

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['bin/signet.mjs', 'rekor', ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

beforeAll(async () => {
  server = await startRekorV1Server(instance);
  const signed = instance.signMessage(new TextEncoder().encode('cli artifact'), { identity: { san: { email: EMAIL }, issuer: 'https://accounts.signet.test' } });
  uuid = server.record(signed.bundle.verificationMaterial.tlogEntries[0]!, { email: EMAIL });
  writeFileSync(root, JSON.stringify(instance.trustedRoot()));
  writeFileSync(bundleFile, JSON.stringify(signed.bundle));
});
afterAll(() => server.close());

describe('signet rekor', () => {
  it('search prints the UUIDs like rekor-cli and warns that the index may be incomplete', async () => {
    const r = await cli(['search', '--email', EMAIL, '--rekor-url', server.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Found matching entries (listed by UUID):');
    expect(r.stdout).toContain(uuid);
    expect(r.stderr).toContain('deprecated upstream');
  });

  it('get prints the entry and its verified record; --json prints the record', async () => {
    const r = await cli(['get', '--uuid', uuid, '--rekor-url', server.url, '--trusted-root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^LogID: [0-9a-f]{64}\nIndex: \d+\nIntegratedTime: /);
    expect(r.stdout).toContain('VERIFIED');
    const json = await cli(['get', '--uuid', uuid, '--rekor-url', server.url, '--trusted-root', root, '--json']);
    expect(JSON.parse(json.stdout).steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['rekor.entry:pass', 'tlog.set:pass', 'tlog.inclusion:pass', 'tlog.checkpoint:pass']);
  });

  it('verify --bundle checks inclusion and consistency against the live log; a fork exits 1', async () => {
    const ok = await cli(['verify', '--bundle', bundleFile, '--rekor-url', server.url, '--trusted-root', root]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Current Tree Size:');
    const tree = instance.rekorV1.tree;
    server.fork(tree.size - 1, 10);
    const forked = await cli(['verify', '--bundle', bundleFile, '--rekor-url', server.url, '--trusted-root', root, '--json']);
    server.view = tree;
    expect(forked.code).toBe(1);
    expect(JSON.parse(forked.stdout).failedStep).toBe('live.inclusion');
  });

  it('verify --witness requires the witness’s cosignature on today’s tree head: none there exits 1; a bad vkey exits 2', async () => {
    const name = 'witness.signet.test';
    const raw = ed25519Raw(generateKey('ed25519').spki);
    const vkey = `${name}+${Buffer.from(noteKeyId(name, 0x04, raw).subarray(0, 4)).toString('hex')}+${b64(Uint8Array.of(0x04, ...raw))}`;
    const r = await cli(['verify', '--bundle', bundleFile, '--rekor-url', server.url, '--trusted-root', root, '--witness', vkey, '--json']);
    expect(r.code).toBe(1);
    const witness = JSON.parse(r.stdout).steps.find((s: { id: string }) => s.id === 'live.witness');
    expect(witness.code).toBe('WITNESS_THRESHOLD');
    expect((await cli(['verify', '--bundle', bundleFile, '--witness', 'not-a-vkey'])).code).toBe(2);
    expect((await cli(['verify', '--bundle', bundleFile, '--witness', vkey, '--witness-threshold', '2'])).code).toBe(2);
    expect((await cli(['verify', '--bundle', bundleFile, '--witness-threshold', '1'])).code).toBe(2);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['search', '--email', EMAIL, '--sha', 'sha256:00'])).code).toBe(2);
    expect((await cli(['get'])).code).toBe(2);
  });
});
