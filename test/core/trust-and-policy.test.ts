import { describe, expect, it } from 'vitest';
import { codeOf, rejection, rejectionCode } from '../support/error-code';
import { readFileSync } from 'node:fs';
import { evaluateIdentityPolicy, parseTrustedRoot, publicGoodTrustedRoot, type CertificateIdentity } from '../../src/core';


describe('trusted roots', () => {
  it('embeds the public-good root from @sigstore/tuf, byte-identical in content to the pinned production root', () => {
    const embedded = publicGoodTrustedRoot();
    const pinned = parseTrustedRoot(readFileSync('../shared/conformance/_roots/production_trusted_root.json', 'utf8'), { name: 'pinned', description: '' });
    expect(embedded.tlogs.map((t) => t.baseUrl)).toEqual(pinned.tlogs.map((t) => t.baseUrl));
    expect(embedded.certificateAuthorities.map((c) => c.certChain.length)).toEqual(pinned.certificateAuthorities.map((c) => c.certChain.length));
    expect(embedded.tlogs.map((t) => t.baseUrl)).toContain('https://log2025-1.rekor.sigstore.dev');
    expect(embedded.source.description).toMatch(/@sigstore\/tuf \d+\.\d+\.\d+/);
    expect(embedded.source.date).toBeDefined();
  });

  it('rejects a log key without a validity start', () => {
    const text = readFileSync('../shared/conformance/bundle-verify/trust-root-tlog-missing-validity-start_fail/trusted_root.json', 'utf8');
    expect(codeOf(() => parseTrustedRoot(text, { name: 'x', description: '' }))).toBe('TRUST_ROOT_INVALID');
  });

  it('keeps millisecond precision of validity ends', () => {
    const root = publicGoodTrustedRoot();
    expect(root.ctlogs[0]!.validFor.end).toBe(Date.parse('2022-10-31T23:59:59.999Z'));
  });
});

describe('identity policy', async () => {
  const cert: CertificateIdentity = {
    sans: ['https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.0'],
    issuer: 'https://token.actions.githubusercontent.com',
    claims: { githubWorkflowRepository: 'acme/app', githubWorkflowTrigger: 'push' },
  };
  const issuer = { exact: 'https://token.actions.githubusercontent.com' };

  it('matches exact and whole-value regular expressions like cosign', async () => {
    expect((await evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer }, cert)).identity).toBe(cert.sans[0]);
    expect((await evaluateIdentityPolicy({ identity: { regexp: 'https://github\\.com/acme/app/.*' }, issuer }, cert)).identity).toBe(cert.sans[0]);
    // A regexp must match the whole SAN, not a substring of it.
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { regexp: 'acme/app' }, issuer }, cert))).toBe('POLICY_IDENTITY_MISMATCH');
    expect((await evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer: { regexp: 'https://token\\.actions\\..*' } }, cert)).issuer).toBe(cert.issuer);
  });

  it('says what was expected and what the certificate holds', async () => {
    const err = await rejection(() => evaluateIdentityPolicy({ identity: { exact: 'someone@example.com' }, issuer }, cert));
    expect(err.code).toBe('POLICY_IDENTITY_MISMATCH');
    expect(err.detail.expected).toBe('"someone@example.com"');
    expect(err.detail.found).toBe(cert.sans[0]);
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer: { exact: 'https://accounts.google.com' } }, cert))).toBe('POLICY_ISSUER_MISMATCH');
  });

  it('pins GitHub workflow claims', async () => {
    expect((await evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer, claims: { githubWorkflowRepository: 'acme/app' } }, cert)).claims).toEqual({ githubWorkflowRepository: 'acme/app' });
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer, claims: { githubWorkflowTrigger: 'workflow_dispatch' } }, cert))).toBe('POLICY_CLAIM_MISMATCH');
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { exact: cert.sans[0]! }, issuer, claims: { githubWorkflowSha: 'abc' } }, cert))).toBe('POLICY_CLAIM_MISMATCH');
  });

  it('refuses invalid, ambiguous and oversized expressions', async () => {
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { regexp: '(' }, issuer }, cert))).toBe('POLICY_INVALID');
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { exact: 'a', regexp: 'a' }, issuer }, cert))).toBe('POLICY_INVALID');
    expect(await rejectionCode(() => evaluateIdentityPolicy({ identity: { regexp: 'a'.repeat(2000) }, issuer }, cert))).toBe('POLICY_INVALID');
  });
});
