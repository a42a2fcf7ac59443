// `signet verify-blob` and `verify-blob-attestation` as processes, over bundles a test Sigstore instance made.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, DEFAULT_IDENTITY, inTotoStatement, signBlobBundle } from '../support/sigstore';
import { runCli } from './run-cli';

const instance = createTestInstance();
const SAN = (DEFAULT_IDENTITY.san as { uri: string }).uri;
const ISSUER = DEFAULT_IDENTITY.issuer;
const BLOB = new TextEncoder().encode('release-1.2.3.tar.gz contents\n');
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const dir = mkdtempSync(join(tmpdir(), 'signet-blob-'));
const at = (name: string) => join(dir, name);
const identity = ['--certificate-identity', SAN, '--certificate-oidc-issuer', ISSUER, '--trusted-root', at('root.json')];

beforeAll(() => {
  writeFileSync(at('root.json'), JSON.stringify(instance.trustedRoot()));
  writeFileSync(at('blob'), BLOB);
  writeFileSync(at('other'), 'another file\n');
  const signed = instance.signMessage(BLOB, { tsa: true });
  writeFileSync(at('blob.sigstore.json'), JSON.stringify(signed.bundle));
  writeFileSync(at('blob.cosign.bundle'), signBlobBundle(instance, BLOB).json);
  writeFileSync(at('blob.sig'), signed.bundle.messageSignature!.signature);
  writeFileSync(at('blob.pem'), `-----BEGIN CERTIFICATE-----\n${Buffer.from(signed.certificate!).toString('base64')}\n-----END CERTIFICATE-----\n`);
  const keyed = instance.signMessage(BLOB, { material: 'publicKey' });
  writeFileSync(at('keyed.sigstore.json'), JSON.stringify(keyed.bundle));
  writeFileSync(at('key.pem'), keyed.publicKeyPem);
  const digest = createHash('sha256').update(BLOB).digest('hex');
  const statement = inTotoStatement([{ name: 'release-1.2.3.tar.gz', digest: { sha256: digest } }], SLSA_V1, { buildDefinition: {} });
  writeFileSync(at('att.sigstore.json'), JSON.stringify(instance.signDsse(statement, { tsa: true }).bundle));
});

describe('signet verify-blob', () => {
  it('a bundle: "Verified OK" on stderr as cosign says it, then the timeline; nothing on stdout; exit 0', async () => {
    const r = await runCli(['verify-blob', at('blob'), '--bundle', at('blob.sigstore.json'), ...identity]);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr.split('\n')[0]).toBe('Verified OK');
    expect(r.stderr).toMatch(/^✔ pass {2}artifact\.bind /m);
  });

  it('another file with the same bundle: exit 1 at artifact.bind', async () => {
    const r = await runCli(['verify-blob', at('other'), '--bundle', at('blob.sigstore.json'), ...identity, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: not verified: Failed: the signature is about another artifact \(artifact\.bind\)/);
    expect(JSON.parse(r.stdout).failedStep).toBe('artifact.bind');
  });

  it('the file cosign sign-blob --bundle writes, the blob from standard input, and a key instead of an identity', async () => {
    expect((await runCli(['verify-blob', at('blob'), '--bundle', at('blob.cosign.bundle'), ...identity])).code).toBe(0);
    expect((await runCli(['verify-blob', '-', '--bundle', at('blob.sigstore.json'), ...identity], { stdin: new TextDecoder().decode(BLOB) })).code).toBe(0);
    const keyed = await runCli(['verify-blob', at('blob'), '--bundle', at('keyed.sigstore.json'), '--key', at('key.pem'), '--trusted-root', at('root.json')]);
    expect([keyed.code, keyed.stderr.split('\n')[0]]).toEqual([0, 'Verified OK']);
  });

  it('a detached --signature and --certificate: every check but the log, which such parts cannot carry: exit 1 with the reason', async () => {
    const r = await runCli(['verify-blob', at('blob'), '--signature', at('blob.sig'), '--certificate', at('blob.pem'), ...identity, '--json']);
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as { steps: { id: string; status: string; code?: string }[] };
    expect(record.steps.find((s) => s.id === 'signature')?.status).toBe('pass');
    expect(record.steps.find((s) => s.id === 'tlog.body')?.code).toBe('TLOG_ENTRY_MISSING');
    expect(r.stderr).toContain('A detached signature carries no transparency-log entry');
  });

  it('--insecure-ignore-tlog waives the log for detached parts, as a warning; a time is still required until --timestamp-threshold 0 waives that too', async () => {
    const base = ['verify-blob', at('blob'), '--signature', at('blob.sig'), '--certificate', at('blob.pem'), ...identity, '--insecure-ignore-tlog', '--json'];
    const noLog = await runCli(base);
    const record = JSON.parse(noLog.stdout) as { steps: { id: string; status: string; code?: string }[] };
    expect(noLog.code).toBe(1);
    expect(record.steps.find((s) => s.id === 'signature')?.status).toBe('pass');
    expect(record.steps.find((s) => s.id === 'tlog.body')?.status).toBe('warn');
    expect(record.steps.find((s) => s.id === 'time.validity')?.status).toBe('fail');
    const noTime = await runCli([...base, '--timestamp-threshold', '0']);
    expect(noTime.code).toBe(0);
    expect(noTime.stderr).toMatch(/^WARNING: Not checked: the bundle has no transparency-log entry/m);
    expect(noTime.stderr).toMatch(/^WARNING: Not checked: no verified time was required/m);
    expect(noTime.stderr).toMatch(/^Verified OK$/m);
  });

  it('usage errors exit 2: --bundle with --signature, neither, --certificate alone', async () => {
    for (const args of [['--bundle', at('blob.sigstore.json'), '--signature', at('blob.sig')], [], ['--certificate', at('blob.pem')]]) {
      const r = await runCli(['verify-blob', at('blob'), ...args, ...identity]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[1]).toMatch(/^Usage: signet verify-blob /);
    }
  });

  it('an identity regexp that matches everything warns on stderr and in a warn step, and is never verified', async () => {
    const r = await runCli(['verify-blob', at('blob'), '--bundle', at('blob.sigstore.json'), '--certificate-identity-regexp', '.*', '--certificate-oidc-issuer', ISSUER, '--trusted-root', at('root.json'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^WARNING: Signed by .+, but --certificate-identity-regexp "\.\*" matches every value, so this policy does not say who must have signed/m);
    const record = JSON.parse(r.stdout) as { verdict: string; steps: { id: string; status: string }[] };
    expect(record.verdict).toBe('incomplete');
    expect(record.steps.find((s) => s.id === 'policy.identity')?.status).toBe('warn');
  });

  it('an issuer regexp that matches everything also warns: nothing says which provider vouched', async () => {
    const r = await runCli(['verify-blob', at('blob'), '--bundle', at('blob.sigstore.json'), '--certificate-identity', SAN, '--certificate-oidc-issuer-regexp', '.*', '--trusted-root', at('root.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--certificate-oidc-issuer-regexp ".*" matches every value, so the policy does not say which OIDC provider must have vouched');
  });

  it('an anchored regexp is no pitfall: verified without warnings', async () => {
    const r = await runCli(['verify-blob', at('blob'), '--bundle', at('blob.sigstore.json'), '--certificate-identity-regexp', '^https://github\\.com/signet-test/.*$', '--certificate-oidc-issuer', ISSUER, '--trusted-root', at('root.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('WARNING');
  });
});

describe('signet verify-blob-attestation', () => {
  const attest = (...extra: string[]) => runCli(['verify-blob-attestation', '--bundle', at('att.sigstore.json'), ...identity, ...extra]);

  it('--type by cosign name or URI selects the predicate; the subject must name the blob', async () => {
    const ok = await attest('--type', 'slsaprovenance1', at('blob'));
    expect([ok.code, ok.stdout, ok.stderr.split('\n')[0]]).toEqual([0, '', 'Verified OK']);
    expect((await attest('--type', SLSA_V1, at('blob'))).code).toBe(0);
    const digest = createHash('sha256').update(BLOB).digest('hex');
    expect((await attest('--type', SLSA_V1, '--digest', digest, '--digestAlg', 'sha256')).code).toBe(0);
    const other = await attest('--type', SLSA_V1, at('other'), '--json');
    expect([other.code, JSON.parse(other.stdout).failedStep]).toEqual([1, 'artifact.bind']);
  });

  it('another predicate type, or cosign\'s default (custom), is not verified', async () => {
    const spdx = await attest('--type', 'spdx', at('blob'), '--json');
    expect(spdx.code).toBe(1);
    const record = JSON.parse(spdx.stdout) as { failedStep: string; steps: { id: string; code?: string }[] };
    expect(record.failedStep).toBe('policy.attestation');
    expect(record.steps.find((s) => s.id === 'policy.attestation')?.code).toBe('POLICY_PREDICATE_MISMATCH');
    expect((await attest(at('blob'))).code).toBe(1);
  });

  it('refuses what it cannot honour, exit 2: a bad --type, --check-claims=false, a bare DSSE --signature, a blob and --digest', async () => {
    const cases: [string[], RegExp][] = [
      [['--type', 'not a type', at('blob')], /POLICY_INVALID: invalid predicate type/],
      [['--type', SLSA_V1, '--check-claims=false', at('blob')], /--check-claims=false is not supported/],
      [['--type', SLSA_V1, '--signature', at('blob.sig'), at('blob')], /--signature ".+" is not supported: a bare DSSE envelope carries no transparency-log entry/],
      [['--type', SLSA_V1, '--digest', 'ab'.repeat(32), at('blob')], /give the blob or --digest, not both/],
    ];
    for (const [args, message] of cases) {
      const r = await attest(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect((await attest('--type', SLSA_V1, '--check-claims', at('blob'))).code).toBe(0);
  });
});
