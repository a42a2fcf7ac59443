import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { X509Certificate } from 'node:crypto';
import { VerifyError } from '../../../src/core/errors';
import { LIMITS } from '../../../src/core/limits';
import { toHex, utf8 } from '../../../src/core/encoding';
import { parseCertificate } from '../../../src/core/x509';
import { bundleCertificates, caseLeaf, loadRoot, PRODUCTION_ROOT, SHARED } from './fixtures';
import { CODE_SIGNING, KU, makeCert } from './generate';

const BEACON = 'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof VerifyError) return err.code;
    throw err;
  }
  return undefined;
}

describe('parseCertificate on real Fulcio leaves', () => {
  const der = caseLeaf('happy-path-v0.3');
  const cert = parseCertificate(der, 'verificationMaterial.certificate');
  const oracle = new X509Certificate(der);

  it('keeps the original bytes: TBS and SPKI are slices of the DER', () => {
    expect(cert.der).toBe(der);
    expect(cert.tbs.buffer).toBe(der.buffer);
    expect(toHex(der)).toContain(toHex(cert.tbs));
    expect(toHex(cert.spki)).toBe(toHex(new Uint8Array(oracle.publicKey.export({ type: 'spki', format: 'der' }))));
    expect(cert.tbs.length + cert.signatureValue.length).toBeLessThan(der.length);
  });

  it('decodes the fields a reader checks, matching node:crypto', () => {
    expect(cert.serialNumber).toBe(oracle.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(cert.notBefore).toBe(Date.parse(oracle.validFrom));
    expect(cert.notAfter).toBe(Date.parse(oracle.validTo));
    expect(cert.subject).toBe('');
    expect(cert.issuer).toBe('CN=sigstore-intermediate,O=sigstore.dev');
    expect(cert.signatureAlgorithm).toEqual({ oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', hash: 'SHA-384', scheme: 'ecdsa' });
    expect(cert.publicKey.kind).toBe('ec');
    expect(cert.isCA).toBe(false);
    expect(cert.keyUsage).toEqual(['digitalSignature']);
    expect(cert.extKeyUsage).toEqual([CODE_SIGNING]);
    expect(cert.subjectAltNames).toEqual([{ type: 'uri', value: BEACON }]);
    expect(cert.authorityKeyId).toBe('dfd3e9cf56241196f9a8d8e92855a2c62e18643f');
    expect(cert.subjectKeyId).toMatch(/^[0-9a-f]{40}$/);
  });

  it('lists every extension with its criticality, naming known ones', () => {
    const san = cert.extensions.find((e) => e.oid === '2.5.29.17');
    expect(san).toMatchObject({ name: 'Subject Alternative Name', critical: true });
    expect(cert.extensions.find((e) => e.oid === '1.3.6.1.4.1.57264.1.8')?.name).toBe('Fulcio Issuer (V2)');
    expect(cert.extensions.find((e) => e.oid === '2.5.29.15')?.critical).toBe(true);
    expect(new Set(cert.extensions.map((e) => e.oid)).size).toBe(cert.extensions.length);
    expect(cert.extensions.length).toBeGreaterThan(15);
  });

  it('exposes the raw SCT list from inside the extension OCTET STRING', () => {
    const ext = cert.extensions.find((e) => e.oid === '1.3.6.1.4.1.11129.2.4.2')!;
    expect(cert.sctList).toBeDefined();
    // extnValue = OCTET STRING { list }: the list is the tail of the value.
    expect(ext.valueHex.endsWith(toHex(cert.sctList!))).toBe(true);
    expect((cert.sctList![0]! << 8) | cert.sctList![1]!).toBe(cert.sctList!.length - 2);
  });

  it('reads v0.1 chains and the docker hub fixture', () => {
    const v01 = parseCertificate(caseLeaf('happy-path-v0.1'), 'leaf');
    expect(v01.subjectAltNames).toEqual([{ type: 'uri', value: BEACON }]);
    const docker = parseCertificate(bundleCertificates(resolve(SHARED, 'fixtures/dockerhub-buildkittest/bundle.sigstore.json'))[0]!, 'leaf');
    expect(docker.subjectAltNames).toEqual([{ type: 'email', value: 'kasiramkompella@gmail.com' }]);
  });

  it('parses the production CA certificates', () => {
    const [intermediate, root] = loadRoot(PRODUCTION_ROOT).certificateAuthorities[1]!.certChain.map((d, i) => parseCertificate(d, `ca${i}`));
    expect(intermediate!.subject).toBe('CN=sigstore-intermediate,O=sigstore.dev');
    expect(intermediate!.isCA).toBe(true);
    expect(intermediate!.pathLenConstraint).toBe(0);
    expect(intermediate!.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(root!.isCA).toBe(true);
    expect(root!.pathLenConstraint).toBeUndefined();
    expect(root!.subject).toBe(root!.issuer);
    expect(root!.sctList).toBeUndefined();
  });
});

describe('parseCertificate on hostile input', () => {
  const der = caseLeaf('happy-path-v0.3');

  it('refuses garbage, empty and truncated DER with CERT_PARSE_FAILED', () => {
    expect(codeOf(() => parseCertificate(new Uint8Array(0), 'x'))).toBe('CERT_PARSE_FAILED');
    expect(codeOf(() => parseCertificate(utf8('not a certificate'), 'x'))).toBe('CERT_PARSE_FAILED');
    for (const cut of [1, 2, 4, 100, der.length - 1]) expect(codeOf(() => parseCertificate(der.subarray(0, cut), 'x'))).toBe('CERT_PARSE_FAILED');
    expect(codeOf(() => parseCertificate(Uint8Array.of(...der, 0), 'x'))).toBe('CERT_PARSE_FAILED');
  });

  it('says where the failure is', () => {
    try {
      parseCertificate(der.subarray(0, 50), 'verificationMaterial.certificate');
      expect.unreachable();
    } catch (err) {
      expect((err as VerifyError).code).toBe('CERT_PARSE_FAILED');
      expect((err as VerifyError).detail.where).toContain('verificationMaterial.certificate');
    }
  });

  it('refuses a length that claims more than the buffer (huge length)', () => {
    const bogus = Uint8Array.of(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x30, 0x00);
    expect(codeOf(() => parseCertificate(bogus, 'x'))).toBe('CERT_PARSE_FAILED');
  });

  it('caps the size', () => {
    const big = new Uint8Array(LIMITS.certificateBytes + 1);
    expect(codeOf(() => parseCertificate(big, 'x'))).toBe('INPUT_TOO_LARGE');
  });

  it('never throws anything but a VerifyError on mutated certificates', () => {
    const allowed = new Set(['CERT_PARSE_FAILED', 'CERT_EXTENSION_INVALID', 'KEY_UNSUPPORTED', undefined]);
    fc.assert(
      fc.property(fc.nat(der.length - 1), fc.integer({ min: 1, max: 255 }), fc.nat(der.length), (at, xor, cut) => {
        const mutated = der.slice(0, Math.max(cut, at + 1));
        mutated[at] = mutated[at]! ^ xor;
        expect(allowed.has(codeOf(() => parseCertificate(mutated, 'x')))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns markup in a SAN verbatim as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const made = await makeCert({ name: 'CN=<b>x</b>', keyUsage: KU.digitalSignature, eku: [CODE_SIGNING], san: [{ type: 'url', value: payload }, { type: 'email', value: `${payload}@x` }] });
    const cert = parseCertificate(made.der, 'x');
    expect(cert.subjectAltNames).toEqual([
      { type: 'uri', value: payload },
      { type: 'email', value: `${payload}@x` },
    ]);
    expect(cert.subject).toBe('CN=\\<b\\>x\\</b\\>');
  });

  it('renders IP SANs and a multi-attribute name', async () => {
    const made = await makeCert({ name: [{ C: ['DE'] }, { O: ['Org, Inc.'] }, { CN: ['a+b'], OU: [' #u '] }], san: [{ type: 'ip', value: '2001:db8::1' }, { type: 'ip', value: '10.0.0.1' }, { type: 'dns', value: 'example.com' }] });
    const cert = parseCertificate(made.der, 'x');
    expect(cert.subjectAltNames).toEqual([
      { type: 'ip', value: '2001:db8::1' },
      { type: 'ip', value: '10.0.0.1' },
      { type: 'dns', value: 'example.com' },
    ]);
    expect(cert.subject).toBe('CN=a\\+b+OU=\\ #u\\ ,O=Org\\, Inc.,C=DE');
  });
});
