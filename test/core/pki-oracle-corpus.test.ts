// Every certificate, SCT list and RFC 3161 token of the shared corpus, conformance suite, recorded fixture and of
// bundles made by the test Sigstore instance, read by the engine and by asn1js / pkijs / @peculiar/x509: they must agree.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificateFields, collectPkiMaterial, compareCertificate, compareSctList, compareTimestampToken, libraryCertificate, type Comparison, type PkiMaterial } from '../support/pki-oracle';
import { parseCertificate, parseSctList } from '../../src/core/x509';
import { createTestInstance, inTotoStatement, type KeyAlgorithm } from '../support/sigstore';

const SHARED = ['../shared/corpus', '../shared/conformance', '../shared/fixtures'].filter((d) => existsSync(d));

// Bundles of every shape the test instance issues: each leaf key algorithm, CA and TSA key algorithms, Rekor v1 and
// v2, DSSE, TSA tokens with and without the signer's certificate, email / URI / otherName SANs, SCT extensions.
let made: { where: string; json: unknown }[] | undefined;
function instanceDocuments(): { where: string; json: unknown }[] {
  if (made) return made;
  const artifact = new TextEncoder().encode('oracle artifact\n');
  const leafKeys: KeyAlgorithm[] = ['ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521', 'rsa-pkcs1-2048', 'rsa-pss-2048', 'ed25519'];
  const docs: { where: string; json: unknown }[] = [];
  for (const [name, options] of [
    ['P-256 CA and TSA', {}],
    ['P-384 CA, RSA TSA', { caKeyAlgorithm: 'ecdsa-p384', tsaKeyAlgorithm: 'rsa-pkcs1-2048' }],
    ['RSA CA, P-384 TSA', { caKeyAlgorithm: 'rsa-pkcs1-2048', tsaKeyAlgorithm: 'ecdsa-p384' }],
  ] as const) {
    const instance = createTestInstance(options);
    docs.push({ where: `test instance (${name}) trusted root`, json: instance.trustedRoot() });
    for (const keyAlgorithm of leafKeys) {
      docs.push({ where: `test instance (${name}) ${keyAlgorithm} message, Rekor v1 + TSA`, json: instance.signMessage(artifact, { keyAlgorithm, tsa: true, material: 'chain', bundleVersion: '0.2' }).bundle });
    }
    docs.push({ where: `test instance (${name}) DSSE, Rekor v2, TSA without certificate`, json: instance.signDsse(inTotoStatement([{ name: 'a', artifact }]), { rekor: 'v2', tsaEmbedCertificate: false }).bundle });
    docs.push({ where: `test instance (${name}) email SAN, SCT extensions`, json: instance.signMessage(artifact, { identity: { san: { email: 'someone@example.com' }, issuer: 'https://oidc.example' }, sctExtensions: Uint8Array.of(0, 1, 2) }).bundle });
    docs.push({ where: `test instance (${name}) otherName SAN`, json: instance.signMessage(artifact, { identity: { san: { otherName: 'octo!oidc.example' }, issuer: 'https://oidc.example' }, tsa: true }).bundle });
  }
  return (made = docs);
}

// The disagreements of one comparison, as lines naming the file and the field.
function problems(c: Comparison): string[] {
  if (c.engine !== c.library) return [`${c.where}: engine ${c.engine}, library ${c.library} (${c.refusal ?? ''})`];
  if (c.engine === 'refused') return [`${c.where}: both refuse (${c.refusal ?? ''})`];
  return c.differences.map((d) => `${c.where}: ${d.field}: engine ${d.engine.slice(0, 200)} ≠ library ${d.library.slice(0, 200)}`);
}

// Compare everything in the material; the counts say how much was judged.
function judgeAll(m: PkiMaterial): { certificates: number; sctLists: number; scts: number; tokens: number; problems: string[] } {
  const out = { certificates: 0, sctLists: 0, scts: 0, tokens: 0, problems: [] as string[] };
  for (const c of m.certificates) {
    const r = compareCertificate(c.der, c.where);
    out.certificates++;
    out.problems.push(...problems(r));
    const sct = r.engineResult && compareSctList(r.engineResult, c.where);
    if (sct) {
      out.sctLists++;
      out.scts += countScts(r.engineResult!.sctList!);
      out.problems.push(...problems(sct));
    }
  }
  for (const t of m.tokens) {
    out.tokens++;
    out.problems.push(...problems(compareTimestampToken(t.der, t.where)));
  }
  return out;
}

// The SCTs of a list, as the engine reads them (0 when it refuses the list; that is reported apart).
function countScts(list: Uint8Array): number {
  try {
    return parseSctList(list, 'count').length;
  } catch {
    return 0;
  }
}

describe('the PKI libraries as independent judges', () => {
  it.skipIf(SHARED.length < 3)('agree with the engine on every certificate, SCT list and RFC 3161 token of the shared corpus, conformance suite and fixture', { timeout: 120_000 }, () => {
    const r = judgeAll(collectPkiMaterial(SHARED));
    console.info(`pki oracle, shared data: ${r.certificates} certificates, ${r.sctLists} SCT lists (${r.scts} SCTs), ${r.tokens} RFC 3161 tokens compared`);
    expect(r.problems).toEqual([]);
    // The shared data holds this much today; a collector that silently found nothing would pass vacuously.
    expect(r.certificates).toBeGreaterThan(100);
    expect(r.sctLists).toBeGreaterThan(50);
    expect(r.tokens).toBeGreaterThan(50);
  });

  it('agree with the engine on every certificate, SCT list and token the test Sigstore instance issues', { timeout: 120_000 }, () => {
    const r = judgeAll(collectPkiMaterial([], instanceDocuments()));
    console.info(`pki oracle, test instance: ${r.certificates} certificates, ${r.sctLists} SCT lists (${r.scts} SCTs), ${r.tokens} RFC 3161 tokens compared`);
    expect(r.problems).toEqual([]);
    expect(r.certificates).toBeGreaterThan(30);
    expect(r.sctLists).toBeGreaterThan(20);
    expect(r.tokens).toBeGreaterThan(20);
  });

  it('name the field when the engine and the library read different values', () => {
    const { certificates } = collectPkiMaterial([], instanceDocuments().slice(0, 3));
    const [a, b] = certificates.filter((c) => c.where.includes('verificationMaterial'));
    // The engine's reading of one leaf against the libraries' reading of another: every per-certificate field differs.
    const fields = certificateFields(parseCertificate(a!.der, 'a'), libraryCertificate(b!.der));
    const differing = fields.filter(([, e, l]) => e !== l).map(([f]) => f);
    expect(differing).toEqual(expect.arrayContaining(['serial', 'spki', 'tbs', 'signatureValue', 'extensions']));
    // And against its own reading, none.
    expect(certificateFields(parseCertificate(a!.der, 'a'), libraryCertificate(a!.der)).filter(([, e, l]) => e !== l)).toEqual([]);
    expect(problems({ where: 'x.json', engine: 'accepted', library: 'refused', refusal: 'library asn1js: bad', differences: [] })).toEqual(['x.json: engine accepted, library refused (library asn1js: bad)']);
  });
});
