// Property: whatever mutation of a valid certificate or RFC 3161 token the engine accepts, asn1js / pkijs /
// @peculiar/x509 accept too and read the same fields; BER forms DER forbids (X.690 §10–11) are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCertificate, compareSctList, compareTimestampToken, type Comparison } from '../support/pki-oracle';
import { BER_ONLY, derMutation, mutatedNode, mutateDer, type DerMutation } from '../support/der-mutations';
import { createTestInstance } from '../support/sigstore';
import { fromBase64 } from '../../src/core/encoding';

const RUNS = 250;

// Seeds: a leaf with an embedded SCT and otherName SAN, its CA chain (P-384 and RSA), and tokens with and without the
// TSA certificate.
function seeds(): { certificates: { name: string; der: Uint8Array }[]; tokens: { name: string; der: Uint8Array }[] } {
  const artifact = new TextEncoder().encode('mutation seed\n');
  const certificates: { name: string; der: Uint8Array }[] = [];
  const tokens: { name: string; der: Uint8Array }[] = [];
  for (const [name, options] of [
    ['P-384 CA', { caKeyAlgorithm: 'ecdsa-p384' }],
    ['RSA CA', { caKeyAlgorithm: 'rsa-pkcs1-2048', tsaKeyAlgorithm: 'rsa-pkcs1-2048' }],
  ] as const) {
    const instance = createTestInstance(options);
    const withCert = instance.signMessage(artifact, { material: 'chain', bundleVersion: '0.2', tsa: true, identity: { san: { otherName: 'octo!oidc.example' }, issuer: 'https://oidc.example' } }).bundle;
    const withoutCert = instance.signMessage(artifact, { tsa: true, tsaEmbedCertificate: false }).bundle;
    const vm = withCert.verificationMaterial as { x509CertificateChain: { certificates: { rawBytes: string }[] }; timestampVerificationData: { rfc3161Timestamps: { signedTimestamp: string }[] } };
    vm.x509CertificateChain.certificates.forEach((c, i) => certificates.push({ name: `${name} chain[${i}]`, der: fromBase64(c.rawBytes) }));
    tokens.push({ name: `${name} token with certificate`, der: fromBase64(vm.timestampVerificationData.rfc3161Timestamps[0]!.signedTimestamp) });
    const v2 = withoutCert.verificationMaterial as { timestampVerificationData: { rfc3161Timestamps: { signedTimestamp: string }[] } };
    tokens.push({ name: `${name} token without certificate`, der: fromBase64(v2.timestampVerificationData.rfc3161Timestamps[0]!.signedTimestamp) });
  }
  return { certificates, tokens };
}

const SEEDS = seeds();

// The property's verdict for one comparison: a failure message, or null when it holds.
function violation(c: Comparison, m: DerMutation, mustRefuse: boolean): string | null {
  if (c.engine === 'refused') return null;
  if (mustRefuse) return `${c.where}: the engine accepted ${JSON.stringify(m)}, BER that DER forbids (X.690 §10–11)`;
  if (c.library === 'refused') return `${c.where}: the engine accepted what the library refuses after ${JSON.stringify(m)}: ${c.refusal ?? ''}`;
  if (c.differences.length) return `${c.where}: after ${JSON.stringify(m)} they disagree on ${c.differences.map((d) => `${d.field} (engine ${d.engine.slice(0, 80)}, library ${d.library.slice(0, 80)})`).join('; ')}`;
  return null;
}

// BER-only changes to the outer structure and its first two levels of fields, outside OCTET and BIT STRINGs, are
// read by the engine's DER cursor everywhere: it must refuse them.
function mustRefuse(der: Uint8Array, m: DerMutation): boolean {
  const node = mutatedNode(der, m);
  return BER_ONLY.has(m.kind) && node !== undefined && !node.wrapped && node.depth <= 2;
}

describe('the PKI libraries judge every mutation the engine accepts', () => {
  it.each(SEEDS.certificates)('certificate $name: accepted ⇒ the libraries accept and agree (with its SCT list)', ({ name, der }) => {
    expect(compareCertificate(der, name).differences).toEqual([]);
    fc.assert(
      fc.property(derMutation(der), (m) => {
        const mutated = mutateDer(der, m);
        const c = compareCertificate(mutated, name);
        const problem = violation(c, m, mustRefuse(der, m) || m.kind === 'boolean-not-ff');
        if (problem) throw new Error(problem);
        const sct = c.engineResult && compareSctList(c.engineResult, name);
        const sctProblem = sct && violation(sct, m, false);
        if (sctProblem) throw new Error(sctProblem);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(SEEDS.tokens)('RFC 3161 $name: accepted ⇒ pkijs accepts and agrees', ({ name, der }) => {
    expect(compareTimestampToken(der, name).differences).toEqual([]);
    fc.assert(
      fc.property(derMutation(der), (m) => {
        const problem = violation(compareTimestampToken(mutateDer(der, m), name), m, mustRefuse(der, m));
        if (problem) throw new Error(problem);
      }),
      { numRuns: RUNS },
    );
  });

  it('the mutations are what they say: BER forms stay readable by asn1js, and each changes the bytes', () => {
    const der = SEEDS.certificates[0]!.der;
    fc.assert(
      fc.property(derMutation(der), (m) => {
        const out = mutateDer(der, m);
        expect(Buffer.from(out).equals(Buffer.from(der))).toBe((m.kind === 'byte' && der[m.at % der.length] === m.value) || (m.kind === 'tag' && mutatedNode(der, m)!.tag === m.tag));
        if (BER_ONLY.has(m.kind)) expect(compareCertificate(out, 'ber').library).toBe('accepted');
      }),
      { numRuns: 100 },
    );
  });
});
