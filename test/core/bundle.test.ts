import { describe, expect, it } from 'vitest';
import { codeOf } from '../support/error-code';
import { readFileSync } from 'node:fs';
import { parseBundle, VerifyError } from '../../src/core';

const CASES = '../shared/conformance/bundle-verify';
const read = (name: string) => readFileSync(`${CASES}/${name}/bundle.sigstore.json`, 'utf8');
const parseCode = (text: string) => codeOf(() => parseBundle(text));
const mutate = (name: string, fn: (b: any) => void) => {
  const b = JSON.parse(read(name));
  fn(b);
  return JSON.stringify(b);
};

describe('parseBundle', () => {
  it('reads every version and both v0.3 media-type spellings', () => {
    expect(parseBundle(read('happy-path-v0.1')).version).toBe('0.1');
    expect(parseBundle(read('happy-path-v0.2')).version).toBe('0.2');
    expect(parseBundle(read('happy-path-v0.3')).version).toBe('0.3');
    const v3 = parseBundle(read('happy-path-v0.3-new-mediaType'));
    expect([v3.version, v3.mediaType]).toEqual(['0.3', 'application/vnd.dev.sigstore.bundle.v0.3+json']);
  });

  it('normalises a Rekor v1 entry with its proof and checkpoint', () => {
    const b = parseBundle(read('happy-path-v0.3'));
    expect(b.content.kind).toBe('message');
    expect(b.material).toMatchObject({ kind: 'certificate', form: 'certificate' });
    const e = b.tlogEntries[0]!;
    expect([e.logIndex, e.kind, e.version, e.integratedTime]).toEqual([79571823, 'hashedrekord', '0.0.1', 1710869186]);
    expect(e.inclusionProof!.treeSize).toBe(75408393);
    expect(e.inclusionProof!.checkpoint.startsWith('rekor.sigstore.dev - ')).toBe(true);
  });

  it('reads Rekor v2 entries (no integrated time) and key-based bundles', () => {
    const v2 = parseBundle(read('rekor2-happy-path'));
    expect(v2.tlogEntries[0]!.integratedTime).toBeNull();
    expect(v2.rfc3161Timestamps).toHaveLength(1);
    expect(parseBundle(read('managed-key-happy-path')).material.kind).toBe('publicKey');
  });

  it('rejects the malformed conformance bundles with stable codes', () => {
    expect(parseCode(read('bundle-malformed-json_fail'))).toBe('JSON_INVALID');
    expect(parseCode(read('bundle-unknown-version_fail'))).toBe('BUNDLE_MEDIA_TYPE_UNKNOWN');
    expect(parseCode(read('bundle-negative-log-index_fail'))).toBe('BUNDLE_FIELD_INVALID');
    expect(parseCode(read('bundle-invalid-base64-signature_fail'))).toBe('BASE64_INVALID');
    expect(parseCode(read('bundle-empty-certificate-chain_fail'))).toBe('BUNDLE_FIELD_INVALID');
  });

  it('enforces the per-version requirements', () => {
    expect(parseCode(mutate('happy-path-v0.1', (b) => delete b.verificationMaterial.tlogEntries[0].inclusionPromise))).toBe('BUNDLE_VERSION_REQUIREMENT');
    expect(parseCode(mutate('happy-path-v0.2', (b) => delete b.verificationMaterial.tlogEntries[0].inclusionProof))).toBe('BUNDLE_VERSION_REQUIREMENT');
    expect(parseCode(mutate('happy-path-v0.2', (b) => delete b.verificationMaterial.tlogEntries[0].inclusionProof.checkpoint))).toBe('BUNDLE_FIELD_MISSING');
    expect(
      parseCode(
        mutate('happy-path-v0.3', (b) => {
          b.verificationMaterial.x509CertificateChain = { certificates: [b.verificationMaterial.certificate] };
          delete b.verificationMaterial.certificate;
        }),
      ),
    ).toBe('BUNDLE_VERSION_REQUIREMENT');
    expect(parseCode(mutate('happy-path-v0.3', (b) => (b.dsseEnvelope = { payload: '', payloadType: 'x', signatures: [] })))).toBe('BUNDLE_FIELD_INVALID');
  });

  it('refuses huge, negative and fractional indexes and oversized arrays', () => {
    for (const bad of ['-1', '1.5', '99999999999999999999', 'abc', '', '01']) {
      expect(parseCode(mutate('happy-path-v0.3', (b) => (b.verificationMaterial.tlogEntries[0].logIndex = bad)))).toBe('BUNDLE_FIELD_INVALID');
    }
    const many = mutate('happy-path-v0.3', (b) => (b.verificationMaterial.tlogEntries = Array(1000).fill(b.verificationMaterial.tlogEntries[0])));
    expect(parseCode(many)).toBe('LIMIT_EXCEEDED');
    const hashes = mutate('happy-path-v0.3', (b) => (b.verificationMaterial.tlogEntries[0].inclusionProof.hashes = Array(65).fill('AA==')));
    expect(parseCode(hashes)).toBe('LIMIT_EXCEEDED');
  });

  it('names the JSON path of a wrong field', () => {
    try {
      parseBundle(mutate('happy-path-v0.3', (b) => (b.verificationMaterial.tlogEntries[0].kindVersion = 'x')));
      expect.unreachable();
    } catch (e) {
      expect((e as VerifyError).detail.where).toBe('verificationMaterial.tlogEntries[0].kindVersion');
    }
  });
});
