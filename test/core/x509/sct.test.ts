import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VerifyError } from '../../../src/core/errors';
import { decodeOid, readChildren, readTlv, toHex } from '../../../src/core/encoding';
import { parseCertificate, parseSctList, precertificateTbs, verifyCertificateChain, verifyEmbeddedScts, verifySctThreshold, type SctResult } from '../../../src/core/x509';
import { caseLeaf, caseRoot, loadRoot, PRODUCTION_ROOT, type TestRoot } from './fixtures';

async function sctsFor(der: Uint8Array, root: TestRoot): Promise<SctResult[]> {
  const leaf = parseCertificate(der, 'leaf');
  const { issuer } = await verifyCertificateChain(leaf, root.certificateAuthorities, leaf.notBefore).catch(async () => {
    // A tampered TBS no longer chains; the issuer is still the production intermediate.
    return { issuer: parseCertificate(root.certificateAuthorities[1]!.certChain[0]!, 'issuer') };
  });
  return verifyEmbeddedScts(leaf, issuer, root.ctlogs);
}

function thresholdCode(results: SctResult[], threshold = 1): string | undefined {
  try {
    verifySctThreshold(results, threshold);
  } catch (err) {
    return (err as VerifyError).code;
  }
  return undefined;
}

const production = loadRoot(PRODUCTION_ROOT);
const happy = caseLeaf('happy-path-v0.3');

describe('verifyEmbeddedScts', () => {
  it('verifies the SCT of happy-path-v0.3 with the production CT log', async () => {
    const results = await sctsFor(happy, production);
    expect(results).toEqual([
      {
        logId: 'dd3d306ac6c7113263191e1c99673702a24a5eb8de3cadff878a72802f29ee8e',
        logBaseUrl: 'https://ctfe.sigstore.dev/2022',
        timestamp: expect.any(Number),
        verified: true,
        extensionsHex: '',
      },
    ]);
    const leaf = parseCertificate(happy, 'leaf');
    expect(results[0]!.timestamp).toBeGreaterThanOrEqual(leaf.notBefore - 60_000);
    expect(results[0]!.timestamp).toBeLessThanOrEqual(leaf.notAfter);
    expect(verifySctThreshold(results)).toHaveLength(1);
  });

  it('verifies an SCT with non-empty extensions (static CT) against the case root', async () => {
    const results = await sctsFor(caseLeaf('bundle-with-sct-with-extensions'), caseRoot('bundle-with-sct-with-extensions'));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ verified: true, logBaseUrl: 'http://tesseract' });
    expect(results[0]!.extensionsHex.length).toBeGreaterThan(0);
  });

  it('fails on a flipped byte of the SCT signature', async () => {
    const leaf = parseCertificate(happy, 'leaf');
    const der = happy.slice();
    der[leaf.sctList!.byteOffset - happy.byteOffset + leaf.sctList!.length - 1]! ^= 0x01;
    const results = await sctsFor(der, production);
    expect(results[0]).toMatchObject({ verified: false, code: 'SCT_SIGNATURE_INVALID', logBaseUrl: 'https://ctfe.sigstore.dev/2022' });
    expect(thresholdCode(results)).toBe('SCT_SIGNATURE_INVALID');
  });

  it('fails on a flipped byte of the TBS outside the SCT list', async () => {
    const der = happy.slice();
    const at = Array.from(der, (b) => String.fromCharCode(b)).join('').indexOf('github-hosted');
    der[at]! ^= 0x20; // 'g' → 'G'
    const results = await sctsFor(der, production);
    expect(parseCertificate(der, 'x').fulcio.runnerEnvironment).toBe('Github-hosted');
    expect(results[0]).toMatchObject({ verified: false, code: 'SCT_SIGNATURE_INVALID' });
  });

  it('reports an SCT from a log the root does not list (invalid-ct-key_fail)', async () => {
    const results = await sctsFor(caseLeaf('invalid-ct-key_fail'), caseRoot('invalid-ct-key_fail'));
    expect(results[0]).toMatchObject({ verified: false, code: 'SCT_LOG_UNKNOWN', logId: 'dd3d306ac6c7113263191e1c99673702a24a5eb8de3cadff878a72802f29ee8e' });
    expect(results[0]!.detail?.found).toBe(results[0]!.logId);
    expect(thresholdCode(results)).toBe('SCT_LOG_UNKNOWN');
  });

  it('reports an SCT whose timestamp falls outside the log validity', async () => {
    const closed: TestRoot = { ...production, ctlogs: production.ctlogs.map((l) => ({ ...l, validFor: { start: 0, end: 1 } })) };
    const results = await sctsFor(happy, closed);
    expect(results[0]).toMatchObject({ verified: false, code: 'SCT_LOG_UNKNOWN', logBaseUrl: 'https://ctfe.sigstore.dev/2022' });
  });

  it('throws SCT_MISSING for a certificate without SCTs', async () => {
    const ca = parseCertificate(production.certificateAuthorities[1]!.certChain[0]!, 'ca');
    await expect(verifyEmbeddedScts(ca, ca, production.ctlogs)).rejects.toMatchObject({ code: 'SCT_MISSING' });
  });
});

describe('precertificateTbs', () => {
  it('drops only the SCT list extension and keeps every other byte', () => {
    const leaf = parseCertificate(happy, 'leaf');
    const pre = precertificateTbs(leaf);
    const extsOf = (tbs: Uint8Array) => {
      const fields = readChildren(readTlv(tbs).value);
      const list = readTlv(fields[fields.length - 1]!.value);
      return readChildren(list.value).map((e) => ({ oid: decodeOid(readTlv(e.value).value), hex: toHex(list.value.subarray(e.start, e.end)) }));
    };
    const before = extsOf(leaf.tbs);
    const after = extsOf(pre);
    expect(after).toEqual(before.filter((e) => e.oid !== '1.3.6.1.4.1.11129.2.4.2'));
    expect(after).toHaveLength(before.length - 1);
    const sctExt = before.find((e) => e.oid === '1.3.6.1.4.1.11129.2.4.2')!;
    expect(pre.length).toBeLessThanOrEqual(leaf.tbs.length - sctExt.hex.length / 2);
  });
});

describe('parseSctList on hostile input', () => {
  const list = parseCertificate(happy, 'leaf').sctList!;

  it('refuses truncated, padded and empty lists with SCT_MALFORMED', () => {
    for (const bad of [list.subarray(0, list.length - 1), Uint8Array.of(...list, 0), Uint8Array.of(0, 0), new Uint8Array(0)]) {
      expect(() => parseSctList(bad, 'x')).toThrow(expect.objectContaining({ code: 'SCT_MALFORMED' }));
    }
  });

  it('refuses an unknown SCT version', () => {
    const v2 = list.slice();
    v2[4] = 1; // list length (2) + SCT length (2), then sct_version
    expect(() => parseSctList(v2, 'x')).toThrow(expect.objectContaining({ code: 'SCT_MALFORMED' }));
  });

  it('refuses a hash or signature algorithm RFC 5246 §7.4.1.4.1 does not define, and reads the defined ones', () => {
    const hashAt = 47 + ((list[45]! << 8) | list[46]!); // after the version, log ID, timestamp and extensions
    expect([list[hashAt], list[hashAt + 1]]).toEqual([4, 3]); // sha256, ecdsa
    for (const [at, value] of [[hashAt, 7], [hashAt, 0x92], [hashAt + 1, 4], [hashAt + 1, 0x92]] as const) {
      const bad = list.slice();
      bad[at] = value;
      expect(() => parseSctList(bad, 'x'), `byte ${at} = ${value}`).toThrow(expect.objectContaining({ code: 'SCT_MALFORMED' }));
    }
    const sha512rsa = list.slice();
    sha512rsa[hashAt] = 6;
    sha512rsa[hashAt + 1] = 1;
    expect(parseSctList(sha512rsa, 'x')[0]).toMatchObject({ hashAlgorithm: 6, signatureAlgorithm: 1 });
  });

  it('never throws anything but SCT_MALFORMED on random bytes or mutations', () => {
    const check = (bytes: Uint8Array) => {
      try {
        parseSctList(bytes, 'x');
      } catch (err) {
        expect((err as VerifyError).code).toBe('SCT_MALFORMED');
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => check(bytes)), { numRuns: 500 });
    fc.assert(
      fc.property(fc.nat(list.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const m = list.slice();
        m[at]! ^= xor;
        check(m);
      }),
      { numRuns: 500 },
    );
  });
});

describe('verifySctThreshold', () => {
  const ok = (logId: string): SctResult => ({ logId, timestamp: 1, verified: true, extensionsHex: '' });

  it('counts two SCTs from the same log once', () => {
    expect(thresholdCode([ok('aa'), ok('aa')], 2)).toBe('SCT_THRESHOLD');
    expect(verifySctThreshold([ok('aa'), ok('bb')], 2)).toHaveLength(2);
  });

  it('says SCT_MISSING for no SCT at all', () => {
    expect(thresholdCode([])).toBe('SCT_MISSING');
  });

  it('prefers a bad signature over an unknown log when nothing verified', () => {
    const unknown: SctResult = { logId: 'aa', timestamp: 1, verified: false, code: 'SCT_LOG_UNKNOWN', extensionsHex: '' };
    const bad: SctResult = { logId: 'bb', timestamp: 1, verified: false, code: 'SCT_SIGNATURE_INVALID', extensionsHex: '' };
    expect(thresholdCode([unknown, bad])).toBe('SCT_SIGNATURE_INVALID');
    expect(thresholdCode([unknown])).toBe('SCT_LOG_UNKNOWN');
    expect(thresholdCode([unknown, ok('cc')])).toBeUndefined();
  });
});
