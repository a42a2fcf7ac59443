import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { VerifyError } from '../../../src/core/errors';
import { utf8 } from '../../../src/core/encoding';
import { FULCIO_EXTENSIONS, fulcioExtension, oidcIssuer, parseCertificate } from '../../../src/core/x509';
import { bundleCertificates, caseLeaf, SHARED } from './fixtures';
import { makeCert, rawExtension } from './generate';

const ARC = '1.3.6.1.4.1.57264.1';
const utf8String = (text: string) => Uint8Array.of(0x0c, utf8(text).length, ...utf8(text));

describe('the Fulcio extension table', () => {
  it('covers .1.1 to .1.24 once each, with unique camelCase keys', () => {
    expect(FULCIO_EXTENSIONS.map((e) => e.oid)).toEqual(Array.from({ length: 24 }, (_, i) => `${ARC}.${i + 1}`));
    expect(new Set(FULCIO_EXTENSIONS.map((e) => e.key)).size).toBe(24);
    for (const e of FULCIO_EXTENSIONS) expect(e.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('names and encodes them as Fulcio documents', () => {
    expect(fulcioExtension(`${ARC}.1`)).toMatchObject({ key: 'issuerV1', encoding: 'raw', deprecated: true });
    expect(fulcioExtension(`${ARC}.6`)).toMatchObject({ key: 'githubWorkflowRef', encoding: 'raw' });
    expect(fulcioExtension(`${ARC}.7`)).toMatchObject({ name: 'OtherName SAN', encoding: 'otherName' });
    expect(fulcioExtension(`${ARC}.8`)).toMatchObject({ key: 'issuerV2', name: 'Issuer (V2)', encoding: 'utf8String' });
    expect(fulcioExtension(`${ARC}.22`)?.name).toBe('Source Repository Visibility At Signing');
    expect(fulcioExtension('2.5.29.17')).toBeUndefined();
  });
});

describe('Fulcio claims of real certificates', () => {
  it('reads the GitHub Actions claims of happy-path-v0.3', () => {
    const cert = parseCertificate(caseLeaf('happy-path-v0.3'), 'leaf');
    expect(oidcIssuer(cert)).toBe('https://token.actions.githubusercontent.com');
    expect(cert.fulcio).toMatchObject({
      issuerV1: 'https://token.actions.githubusercontent.com',
      githubWorkflowTrigger: 'workflow_dispatch',
      githubWorkflowRepository: 'sigstore-conformance/extremely-dangerous-public-oidc-beacon',
      sourceRepositoryUri: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon',
      sourceRepositoryDigest: 'c7b3dfb335f051e1c86bda4c716fac97df62ad81',
      sourceRepositoryRef: 'refs/heads/main',
      runnerEnvironment: 'github-hosted',
      sourceRepositoryVisibilityAtSigning: 'public',
      runInvocationUri: 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/actions/runs/8347481628/attempts/1',
    });
    expect(Object.keys(cert.fulcio)).toHaveLength(21);
  });

  it('reads the Google issuer of the docker hub fixture', () => {
    const cert = parseCertificate(bundleCertificates(resolve(SHARED, 'fixtures/dockerhub-buildkittest/bundle.sigstore.json'))[0]!, 'leaf');
    expect(oidcIssuer(cert)).toBe('https://accounts.google.com');
    expect(cert.fulcio).toMatchObject({ issuerV1: 'https://accounts.google.com', issuerV2: 'https://accounts.google.com' });
    expect(cert.fulcio.tokenSubject).toBeTruthy();
  });
});

describe('Fulcio claims of constructed certificates', () => {
  it('prefers .1.8 over the deprecated .1.1', async () => {
    const both = await makeCert({ name: 'CN=x', extra: [rawExtension(`${ARC}.1`, utf8('https://v1.example')), rawExtension(`${ARC}.8`, utf8String('https://v2.example'))] });
    expect(oidcIssuer(parseCertificate(both.der, 'x'))).toBe('https://v2.example');
    const v1 = await makeCert({ name: 'CN=x', extra: [rawExtension(`${ARC}.1`, utf8('https://v1.example'))] });
    expect(oidcIssuer(parseCertificate(v1.der, 'x'))).toBe('https://v1.example');
    const none = await makeCert({ name: 'CN=x' });
    expect(oidcIssuer(parseCertificate(none.der, 'x'))).toBeUndefined();
  });

  it('refuses a .1.8 value that is not a DER UTF8String, and invalid UTF-8', async () => {
    const raw = await makeCert({ name: 'CN=x', extra: [rawExtension(`${ARC}.8`, utf8('https://raw.example'))] });
    const badUtf8 = await makeCert({ name: 'CN=x', extra: [rawExtension(`${ARC}.1`, Uint8Array.of(0xc3, 0x28))] });
    for (const made of [raw, badUtf8]) {
      try {
        parseCertificate(made.der, 'leaf');
        expect.unreachable();
      } catch (err) {
        expect((err as VerifyError).code).toBe('CERT_EXTENSION_INVALID');
        expect((err as VerifyError).detail.where).toContain('Fulcio');
      }
    }
  });

  it('exposes the otherName username SAN (type-id .1.7) and skips other otherNames', async () => {
    const otherName = (typeId: number[], text: string) =>
      // [0] { OID, [0] EXPLICIT UTF8String }
      Uint8Array.of(0xa0, 4 + typeId.length + utf8String(text).length, 0x06, typeId.length, ...typeId, 0xa0, utf8String(text).length, ...utf8String(text));
    const fulcioOid = [0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x07];
    const otherOid = [0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x63];
    const names = [...otherName(fulcioOid, 'octocat!github.com'), ...otherName(otherOid, 'ignored')];
    const made = await makeCert({ name: 'CN=x', extra: [rawExtension('2.5.29.17', Uint8Array.of(0x30, names.length, ...names), true)] });
    expect(parseCertificate(made.der, 'x').subjectAltNames).toEqual([{ type: 'otherName', value: 'octocat!github.com' }]);
  });
});
