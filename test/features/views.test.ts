// The dedicated views rendered from real engine results (production and Rekor v2 bundles) and from hostile hand-made ones.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { checkpointView, parseTrustedRoot, publicGoodTrustedRoot, verifyBundle, type Evidence, type Step, type StepId, type VerificationResult } from '../../src/core';
import { CertificateView } from '../../src/features/views/certificate-view';
import { DsseView } from '../../src/features/views/dsse-view';
import { TimestampView } from '../../src/features/views/timestamp-view';
import { TransparencyLogView } from '../../src/features/views/transparency-log-view';
import { MerklePathSvg } from '../../src/components/merkle-path-svg';
import { formatDuration } from '../../src/features/views/certificate-fields';

const PROD_BUNDLE = readFileSync('../shared/fixtures/dockerhub-buildkittest/bundle.sigstore.json', 'utf8');
const IMAGE_DIGEST = Uint8Array.from(Buffer.from('20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2', 'hex'));
const REKOR2 = '../shared/conformance/bundle-verify/rekor2-happy-path';
const BEACON = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';

// Verify the production Docker Hub bundle against the embedded public-good root.
function production(): Promise<VerificationResult> {
  return verifyBundle({
    bundle: PROD_BUNDLE,
    artifact: { kind: 'digest', algorithm: 'SHA-256', value: IMAGE_DIGEST },
    policy: { kind: 'identity', identity: { identity: { exact: 'kasiramkompella@gmail.com' }, issuer: { exact: 'https://accounts.google.com' } } },
    trustedRoot: publicGoodTrustedRoot(),
  });
}

// Verify the Rekor v2 message-signature conformance bundle against its own trusted root.
function rekorV2(): Promise<VerificationResult> {
  return verifyBundle({
    bundle: readFileSync(`${REKOR2}/bundle.sigstore.json`, 'utf8'),
    artifact: { kind: 'bytes', bytes: new Uint8Array(readFileSync('../shared/conformance/bundle-verify/a.txt')) },
    policy: { kind: 'identity', identity: { identity: { exact: BEACON }, issuer: { exact: 'https://token.actions.githubusercontent.com' } } },
    trustedRoot: parseTrustedRoot(readFileSync(`${REKOR2}/trusted_root.json`, 'utf8'), { name: 'conformance', description: 'rekor2-happy-path' }),
  });
}

// Render a view to HTML the way the server renderer would.
function render(view: FunctionComponent<{ result: VerificationResult }>, result: VerificationResult): string {
  return renderToStaticMarkup(createElement(view, { result }));
}

// Replace one step of a result, keeping the others.
function withStep(result: VerificationResult, id: StepId, change: Partial<Step>): VerificationResult {
  return { ...result, steps: result.steps.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}

// Number of non-overlapping occurrences of a substring.
function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('dedicated views on the production bundle', async () => {
  const result = await production();

  it('the certificate view names every field, extension and the chain', () => {
    expect(result.verdict).toBe('verified');
    const html = render(CertificateView, result);
    expect(html).toContain('email:kasiramkompella@gmail.com');
    expect(html).toContain('0d07eb4320c4f9ad29d4018e7882d1cca3dda05b');
    expect(html).toContain('Issuer (V2)');
    // The deprecated .1.1 issuer is named once as deprecated, by its flag (the name itself does not say it).
    expect(html.replace(/<!-- -->/g, '')).toContain('Issuer (V1) (deprecated)');
    expect(html).not.toMatch(/\(deprecated\)(<!-- -->)? \(deprecated\)/);
    expect(html).toContain('codeSigning (1.3.6.1.5.5.7.3.3)');
    expect(html).toContain('digitalSignature');
    expect(html).toContain('Token Subject');
    expect(html).not.toContain('Unknown extension');
    expect(html).toContain('critical · 2.5.29.17');
    expect(html).toMatch(/CT Precertificate SCTs.*log ID [0-9a-f]{64}, 2026-06-08T07:05:25.418Z/);
    expect(html).toContain('(empty — Fulcio identifies the signer in the SAN)');
    expect(html).toContain('10 minutes');
    expect(html).toContain('3 (0x2)');
    expect(html).toContain('CN=sigstore-intermediate,O=sigstore.dev');
    expect(html).toContain('Root (trust anchor)');
    expect(html).toContain('https://ctfe.sigstore.dev/2022');
    expect(html).toMatch(/<dl[^>]*>/);
  });

  it('the DSSE view shows the PAE with its highlights and the statement', () => {
    const html = render(DsseView, result);
    expect(html).toContain('https://sigstore.dev/cosign/sign/v1');
    expect(html).toContain('https://in-toto.io/Statement/v1');
    expect(html).toContain('application/vnd.in-toto+json');
    expect(html).toContain('title="payload"');
    expect(html).toContain('header and payload type: bytes 0–37');
    expect(html).toContain('(unnamed)');
    expect(html).toContain('sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2');
  });

  it('the transparency log view draws one row per proof level and says the roots match', () => {
    const html = render(TransparencyLogView, result);
    const path = result.steps.find((s) => s.id === 'tlog.inclusion')!.evidence.find((e) => e.kind === 'merkle-path')!;
    expect(path.kind === 'merkle-path' && path.value.levels.length).toBe(15);
    expect(count(html, 'data-level=')).toBe(15);
    expect(html).toContain('✓ match');
    expect(html).not.toContain('mismatch');
    expect(html).toContain('role="img"');
    expect(html).toContain('<figcaption');
    expect(html).toContain('SHA-256(0x00 ‖ entry)');
    expect(html).toContain('<title>sibling (left): 5c720cc3');
    expect(html).toContain('1754783759');
    expect(html).toContain('2026-06-08T07:05:26.000Z');
    expect(html).toContain('rekor.sigstore.dev - 1193050959916656506');
    expect(html).toContain('hQVgleW4096bWB5nMVA4euGOFNXspkZM7fkwOU0DRTo=');
    expect(html).toMatch(/— rekor.sigstore.dev \(key hint c0d23d6a, \d+-byte signature\): ✓ verified with the log’s key/);
    expect(html).toContain('&quot;kind&quot;: &quot;dsse&quot;');
  });

  it('the timestamp view shows time, authority, imprint, serial and policy', () => {
    const html = render(TimestampView, result);
    for (const value of ['2026-06-08T07:05:25.000Z', 'sigstore-tsa-selfsigned', 'bb654849535b624f954190e2eb20a7b2ce4b18656916e9273c7b45b24b4be0e1', 'fa38e725b4105c38292f7be5d281e38182659444', '1.3.6.1.4.1.57264.2', 'CN=sigstore-tsa,O=sigstore.dev → CN=sigstore-tsa-selfsigned']) {
      expect(html).toContain(value);
    }
  });

  it('a mismatching root says ✗ mismatch in words', () => {
    const broken = withStep(result, 'tlog.inclusion', {
      evidence: result.steps.find((s) => s.id === 'tlog.inclusion')!.evidence.map((e): Evidence => (e.kind === 'merkle-path' ? { ...e, value: { ...e.value, expectedRoot: '00'.repeat(32) } } : e)),
    });
    const html = render(TransparencyLogView, broken);
    expect(html).toContain('✗ mismatch');
    expect(html).not.toContain('✓ match');
  });

  it('missing evidence of failed or skipped steps reads "Not available" with the step summary', () => {
    const stepsFailed = withStep(withStep(result, 'cert.chain', { status: 'fail', summary: 'No path to a trusted CA.', evidence: [] }), 'signature', { status: 'fail', summary: 'The DSSE signature does not verify.', evidence: [] });
    // A chain that did not verify leaves no decoded chain in the views.
    const failed = { ...stepsFailed, views: { certificate: result.views!.certificate! } };
    expect(render(CertificateView, failed)).toContain('Not available: No path to a trusted CA. (cert.chain failed)');
    // The bytes signed are the result's signed payload, shown whether or not the signature over them verified.
    const dsse = render(DsseView, failed);
    expect(dsse).toContain('Failed (signature): The DSSE signature does not verify.');
    expect(dsse).toContain('DSSEv1 28 applic');
    expect(render(DsseView, { ...failed, attestation: undefined })).toContain('Not available: ');
    const skipped = withStep(result, 'timestamp.rfc3161', { status: 'skip', summary: 'No timestamp.', evidence: [] });
    expect(render(TimestampView, skipped)).toBe('');
  });
});

describe('dedicated views on a Rekor v2 message-signature bundle', async () => {
  const result = await rekorV2();

  it('renders no DSSE view, a URI SAN, GitHub Fulcio claims and an 8-level path', () => {
    expect(result.verdict).toBe('verified');
    expect(render(DsseView, result)).toBe('');
    const cert = render(CertificateView, result);
    expect(cert).toContain(`URI:${BEACON}`);
    expect(cert).toContain('Build Signer URI');
    expect(cert).toContain('GitHub Workflow Trigger');
    const log = render(TransparencyLogView, result);
    expect(count(log, 'data-level=')).toBe(8);
    expect(log).toContain('✓ match');
    expect(log).toContain('log2025-alpha1.rekor.sigstage.dev');
    expect(log).toContain('Not available: No entry carries a signed entry timestamp');
    expect(log).toContain('hashedrekord 0.0.2, index 735');
  });
});

describe('formatDuration', () => {
  it('names the largest unit and the next one down', () => {
    expect(formatDuration(600_000)).toBe('10 minutes');
    expect(formatDuration(86_400_000 + 60_000)).toBe('1 day');
    expect(formatDuration(3 * 3_600_000 + 60_000)).toBe('3 hours 1 minute');
    expect(formatDuration(500)).toBe('500 ms');
  });
});

describe('MerklePathSvg', () => {
  it('draws a 64-level path with one row per level inside a vertical scroller', () => {
    const hash = (i: number) => i.toString(16).padStart(64, '0');
    const levels = Array.from({ length: 64 }, (_, i) => ({ sibling: hash(1000 + i), side: i % 2 ? ('left' as const) : ('right' as const), result: hash(i + 1) }));
    const html = renderToStaticMarkup(createElement(MerklePathSvg, { path: { leafIndex: 0, treeSize: 2 ** 63, leafHash: hash(0), levels, computedRoot: hash(64), expectedRoot: hash(64) } }));
    expect(count(html, 'data-level=')).toBe(64);
    expect(html).toContain('overflow-y-auto');
    expect(html).toContain('Level 64: SHA-256(0x01 ‖ left ‖ right)');
    expect(html).toContain('✓ match');
  });
});

describe('input-derived text is never markup', async () => {
  const result = await production();
  const XSS = '<img src=x onerror=alert(1)>';

  it('escapes a statement subject, a checkpoint and evidence text', () => {
    const hostile = withStep(result, 'timestamp.rfc3161', { evidence: [{ kind: 'text', label: XSS, value: XSS }] });
    hostile.signed = { ...result.signed!, payload: JSON.stringify({ _type: XSS, predicateType: XSS, subject: [{ name: XSS, digest: { [XSS]: XSS } }] }) };
    hostile.attestation = { ...result.attestation!, statementType: XSS, predicateType: XSS, subjects: [{ name: XSS, digests: `${XSS}:${XSS}` }] };
    // One note that parses (its origin and extension line are the markup) and one that does not (its error quotes it).
    hostile.views = {
      checkpoints: [
        checkpointView({ where: 'tlogEntries[0]', note: `${XSS}\n1\nAAAA\n${XSS}\n\n— x AAAAAAAA\n`, verified: false }),
        checkpointView({ where: 'tlogEntries[1]', note: `${XSS}\n1\nAAAA\n\n— ${XSS} AAAAAAAA\n`, verified: false }),
      ],
    };
    for (const html of [render(DsseView, hostile), render(TransparencyLogView, hostile), render(TimestampView, hostile)]) {
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
    }
  });
});
