import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { bytesEqual, utf8 } from '../../../src/core/encoding';
import type { CertificateAuthority } from '../../../src/core/trust/types';
import { isSelfSigned, parseCertificate, verifyCertificateChain } from '../../../src/core/x509';
import { bundleCertificates, CASES, caseLeaf, caseRoot, loadRoot, PRODUCTION_ROOT } from './fixtures';
import { authority, CODE_SIGNING, KU, makeCert, rawExtension, type Issued } from './generate';
import { rejection } from '../../support/error-code';

const production = loadRoot(PRODUCTION_ROOT).certificateAuthorities;
const leaf = parseCertificate(caseLeaf('happy-path-v0.3'), 'verificationMaterial.certificate');

// Replace the first occurrence of `from` in the DER with `to` (same length), giving a certificate with a changed TBS.
function tamper(der: Uint8Array, from: string, to: string): Uint8Array {
  const text = Array.from(der, (b) => String.fromCharCode(b)).join('');
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const out = der.slice();
  out.set(utf8(to), at);
  return out;
}

describe('verifyCertificateChain against the production root', () => {
  it('builds leaf → intermediate → root from the trusted root at the leaf notBefore', async () => {
    const result = await verifyCertificateChain(leaf, production, leaf.notBefore);
    expect(result.authority).toBe(production[1]);
    expect(result.path.map((c) => c.subject)).toEqual(['', 'CN=sigstore-intermediate,O=sigstore.dev', 'CN=sigstore,O=sigstore.dev']);
    expect(result.path[0]).toBe(leaf);
    expect(result.issuer).toBe(result.path[1]);
    expect(bytesEqual(result.path[1]!.der, production[1]!.certChain[0]!)).toBe(true);
    expect(bytesEqual(result.path[2]!.der, production[1]!.certChain[1]!)).toBe(true);
  });

  it('parses the trusted certificates once per authority object', async () => {
    const a = await verifyCertificateChain(leaf, production, leaf.notBefore);
    const b = await verifyCertificateChain(leaf, production, leaf.notAfter);
    expect(b.issuer).toBe(a.issuer);
    expect(b.path[2]).toBe(a.path[2]);
  });

  it('treats both ends of the leaf validity as inside, one ms beyond as outside', async () => {
    await expect(verifyCertificateChain(leaf, production, leaf.notAfter)).resolves.toBeDefined();
    const after = await rejection(verifyCertificateChain(leaf, production, leaf.notAfter + 1));
    expect(after.code).toBe('CERT_NOT_VALID_AT_TIME');
    expect(after.detail.found).toBe(new Date(leaf.notAfter + 1).toISOString());
    expect((await rejection(verifyCertificateChain(leaf, production, leaf.notBefore - 1))).code).toBe('CERT_NOT_VALID_AT_TIME');
  });

  it('requires the authority validFor to contain the time', async () => {
    const ended: CertificateAuthority = { ...production[1]!, validFor: { start: 0, end: leaf.notBefore - 1 } };
    const err = await rejection(verifyCertificateChain(leaf, [ended], leaf.notBefore));
    expect(err.code).toBe('CHAIN_CA_NOT_VALID_AT_TIME');
    expect(err.detail.where).toBe('certificateAuthorities[1].validFor');
  });

  it('rejects a leaf of another instance with CHAIN_UNTRUSTED naming both sides', async () => {
    const foreign = parseCertificate(caseLeaf('bundle-from-wrong-instance_fail'), 'leaf');
    const err = await rejection(verifyCertificateChain(foreign, production, foreign.notBefore));
    expect(err.code).toBe('CHAIN_UNTRUSTED');
    expect(err.detail.expected).toContain('CN=sigstore-intermediate,O=sigstore.dev');
    expect(err.detail.found).toContain('718630a6147c626ff9f7d6f4051a7f5fffeb6fac');
    expect((await rejection(verifyCertificateChain(leaf, [production[0]!], leaf.notBefore))).code).toBe('CHAIN_UNTRUSTED');
  });

  it('rejects a leaf whose TBS was changed with CHAIN_SIGNATURE_INVALID', async () => {
    const changed = parseCertificate(tamper(leaf.der, 'extremely-dangerous', 'extremely-dangerouz'), 'leaf');
    expect(changed.subjectAltNames[0]!.value).toContain('extremely-dangerouz');
    const err = await rejection(verifyCertificateChain(changed, production, changed.notBefore));
    expect(err.code).toBe('CHAIN_SIGNATURE_INVALID');
    expect(err.detail.expected).toContain('CN=sigstore-intermediate,O=sigstore.dev');
  });

  it('verifies custom roots of conformance cases', async () => {
    const custom = parseCertificate(caseLeaf('bundle-with-sct-with-extensions'), 'leaf');
    const result = await verifyCertificateChain(custom, caseRoot('bundle-with-sct-with-extensions').certificateAuthorities, custom.notBefore);
    expect(result.path).toHaveLength(2);
  });

  it('reports a broken trusted certificate as TRUST_ROOT_INVALID', async () => {
    const broken = authority([Uint8Array.of(0x30, 0x03, 0x02, 0x01)]);
    expect((await rejection(verifyCertificateChain(leaf, [broken], leaf.notBefore))).code).toBe('TRUST_ROOT_INVALID');
  });
});

describe('bundle-with-root-cert_fail', () => {
  const chain = bundleCertificates(resolve(CASES, 'bundle-with-root-cert_fail/bundle.sigstore.json')).map((d, i) => parseCertificate(d, `chain[${i}]`));

  it('carries a self-signed root after the leaf; isSelfSigned finds exactly that one', () => {
    expect(chain.map(isSelfSigned)).toEqual([false, true, false]);
    expect(chain[1]!.subject).toBe('CN=sigstore,O=sigstore.dev');
  });

  it('has a leaf that chains to the production root through trusted certificates only', async () => {
    const result = await verifyCertificateChain(chain[0]!, production, chain[0]!.notBefore);
    expect(result.path).toHaveLength(3);
    for (const bundled of chain.slice(1)) expect(result.path.some((c) => bytesEqual(c.der, bundled.der))).toBe(false);
  });
});

describe('verifyCertificateChain on constructed hierarchies', () => {
  const leafOptions = { keyUsage: KU.digitalSignature, eku: [CODE_SIGNING], san: [{ type: 'email' as const, value: 'a@example.com' }] };
  const at = Date.parse('2025-01-01T00:00:00Z');

  async function hierarchy(intermediate: Partial<Parameters<typeof makeCert>[0]> = {}, rootPathLength?: number, leafExtra: Partial<Parameters<typeof makeCert>[0]> = {}) {
    const root = await makeCert({ name: 'CN=Root,O=Signet', ca: true, pathLength: rootPathLength, keyUsage: KU.keyCertSign });
    const mid = await makeCert({ name: 'CN=Intermediate,O=Signet', issuer: root, ca: true, pathLength: 0, keyUsage: KU.keyCertSign, ...intermediate });
    const end = await makeCert({ name: 'CN=leaf', issuer: mid, ...leafOptions, ...leafExtra });
    return { ca: authority([mid.der, root.der]), leaf: parseCertificate(end.der, 'leaf') };
  }

  it('accepts a well-formed hierarchy', async () => {
    const { ca, leaf: l } = await hierarchy();
    expect((await verifyCertificateChain(l, [ca], at)).path).toHaveLength(3);
  });

  it('rejects an issuer that is not a CA', async () => {
    const { ca, leaf: l } = await hierarchy({ ca: false, pathLength: undefined });
    const err = await rejection(verifyCertificateChain(l, [ca], at));
    expect(err.code).toBe('CHAIN_UNTRUSTED');
    expect(err.detail.expected).toBe('cA=TRUE');
  });

  it('rejects an issuer without keyCertSign', async () => {
    const { ca, leaf: l } = await hierarchy({ keyUsage: KU.digitalSignature });
    const err = await rejection(verifyCertificateChain(l, [ca], at));
    expect(err.code).toBe('CERT_KEY_USAGE');
    expect(err.detail.found).toBe('digitalSignature');
  });

  it('enforces pathLenConstraint', async () => {
    const { ca, leaf: l } = await hierarchy({}, 0);
    const err = await rejection(verifyCertificateChain(l, [ca], at));
    expect(err.code).toBe('CHAIN_UNTRUSTED');
    expect(err.detail.found).toBe('1');
  });

  it('rejects an unrecognised critical extension', async () => {
    const { ca, leaf: l } = await hierarchy({}, undefined, { extra: [rawExtension('1.2.3.4.5', Uint8Array.of(0x05, 0x00), true)] });
    expect((await rejection(verifyCertificateChain(l, [ca], at))).code).toBe('CERT_EXTENSION_INVALID');
  });

  it('rejects an intermediate that is not valid at the time', async () => {
    const { ca, leaf: l } = await hierarchy({ notAfter: new Date('2024-06-01T00:00:00Z') });
    const err = await rejection(verifyCertificateChain(l, [ca], at));
    expect(err.code).toBe('CHAIN_CA_NOT_VALID_AT_TIME');
    expect(err.detail.where).toContain('certChain[0]');
  });

  it('tries every authority whose CA shares the issuer name', async () => {
    const rootA = await makeCert({ name: 'CN=Same,O=Signet', ca: true, keyUsage: KU.keyCertSign });
    const rootB = await makeCert({ name: 'CN=Same,O=Signet', ca: true, keyUsage: KU.keyCertSign });
    const make = (issuer: Issued, noAuthorityKeyId: boolean) => makeCert({ name: 'CN=leaf', issuer, noAuthorityKeyId, ...leafOptions });
    const a = authority([rootA.der], {}, 'certificateAuthorities[0]');
    const b = authority([rootB.der], {}, 'certificateAuthorities[1]');
    for (const noAki of [false, true]) {
      const l = parseCertificate((await make(rootB, noAki)).der, 'leaf');
      expect((await verifyCertificateChain(l, [a, b], at)).authority).toBe(b);
    }
    const withoutKeyId = parseCertificate((await make(rootB, true)).der, 'leaf');
    expect((await rejection(verifyCertificateChain(withoutKeyId, [a], at))).code).toBe('CHAIN_SIGNATURE_INVALID');
    const withKeyId = parseCertificate((await make(rootB, false)).der, 'leaf');
    expect((await rejection(verifyCertificateChain(withKeyId, [a], at))).code).toBe('CHAIN_UNTRUSTED');
  });
});
