// `signet verify-bundle` on the recorded production bundle, as a process: exit status, streams, --json record.
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/core';
import { runCli } from './run-cli';

const BUNDLE = '../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json';
const DIGEST = 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2';
const ISSUER = 'https://accounts.google.com';
const SAN = new X509Certificate(Buffer.from((JSON.parse(readFileSync(BUNDLE, 'utf8')) as { verificationMaterial: { certificate: { rawBytes: string } } }).verificationMaterial.certificate.rawBytes, 'base64'))
  .subjectAltName!.replace(/^email:/, '');
const verify = (...extra: string[]) => runCli(['verify-bundle', '--bundle', BUNDLE, '--certificate-oidc-issuer', ISSUER, ...extra]);

describe('signet verify-bundle', () => {
  it('verified: exit 0, the timeline on stderr without colour codes (not a terminal), nothing on stdout', async () => {
    const r = await verify('--certificate-identity', SAN, DIGEST);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toMatch(/^VERIFIED: /);
    expect(r.stderr).toMatch(/^✔ pass {2}tlog\.inclusion /m);
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('another identity: exit 1, the failed step with expected and found', async () => {
    const r = await verify('--certificate-identity', 'someone@example.com', DIGEST);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✘ FAIL {2}policy\.identity /m);
    expect(r.stderr).toMatch(/^ {8}expected {2}"someone@example\.com"$/m);
  });

  it('--json: the full record on stdout, parseable, with every step of the catalogue', async () => {
    const r = await verify('--certificate-identity', SAN, '--json', DIGEST);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as { verdict: string; headline: string; steps: { id: string; status: string; summary: string; why: string; evidence: unknown[]; ms: number }[]; engine: { name: string } };
    expect(record.verdict).toBe('verified');
    expect(record.engine.name).toBe('signet');
    expect(record.steps.map((s) => s.id)).toEqual(STEP_IDS.filter((id) => record.steps.some((s) => s.id === id)));
    for (const s of record.steps) {
      expect(['pass', 'fail', 'warn', 'skip']).toContain(s.status);
      expect(typeof s.summary).toBe('string');
      expect(Array.isArray(s.evidence)).toBe(true);
    }
  });

  it('input errors exit 2: a missing bundle file, a missing policy', async () => {
    const missing = await runCli(['verify-bundle', '--bundle', 'no-such-file.json', '--certificate-identity', SAN, '--certificate-oidc-issuer', ISSUER, DIGEST]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^signet verify-bundle: ENOENT/);
    const noPolicy = await runCli(['verify-bundle', '--bundle', BUNDLE, DIGEST]);
    expect(noPolicy.code).toBe(2);
    expect(noPolicy.stderr.split('\n')[0]).toBe('signet verify-bundle: give identity flags (--certificate-identity and --certificate-oidc-issuer), --key, or --inspect: exactly one of them');
    const noIssuer = await runCli(['verify-bundle', '--bundle', BUNDLE, '--certificate-identity', SAN, DIGEST]);
    expect(noIssuer.code).toBe(2);
    expect(noIssuer.stderr).toMatch(/--certificate-oidc-issuer or --certificate-oidc-issuer-regexp is required/);
  });
});
