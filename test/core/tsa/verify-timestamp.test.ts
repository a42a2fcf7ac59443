import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VerifyError } from '../../../src/core/errors';
import { toHex } from '../../../src/core/encoding';
import { parseTimestampToken, verifyTimestamp } from '../../../src/core/tsa';
import { parseCertificate } from '../../../src/core/x509/certificate';
import type { CertificateAuthority } from '../../../src/core/trust/types';
import { DOCKER_BUNDLE, PRODUCTION_ROOT, flip, loadAuthorities, loadBundle, loadCase, offsetIn } from './fixtures';

// Parse and verify; the VerifyError code on failure, or the result.
async function run(der: Uint8Array, signedBytes: Uint8Array, authorities: CertificateAuthority[]) {
  try {
    return { result: await verifyTimestamp(parseTimestampToken(der, 'ts'), signedBytes, authorities) };
  } catch (err) {
    if (!(err instanceof VerifyError)) throw err;
    return { code: err.code, detail: err.detail };
  }
}

async function runCase(name: string) {
  const c = loadCase(name);
  return run(c.timestamp, c.signedBytes, c.authorities);
}

describe('verifyTimestamp on the Sigstore conformance cases', () => {
  it.each([
    ['rekor2-happy-path', '2025-06-12T12:02:20.000Z'],
    ['rekor2-timestamp-with-embedded-cert', '2025-08-06T18:51:36.000Z'],
    ['rekor2-timestamp-without-embedded-cert', '2025-08-06T19:03:51.000Z'],
    // the TSA chain expired minutes after issuing the timestamp; it was valid at genTime
    ['rekor2-timestamp-with-expired-cert-chain', '2025-08-07T15:32:26.000Z'],
    // genTime equals the trusted root's validFor.end: the range is closed
    ['trust-root-tsa-validity-end-inclusive', '2025-06-12T12:02:20.000Z'],
  ])('%s verifies at %s', async (name, time) => {
    const { result, code } = await runCase(name);
    expect(code).toBeUndefined();
    expect(new Date(result!.time).toISOString()).toBe(time);
    expect(result!.authority.where).toBe('timestampAuthorities[0]');
  });

  it.each([
    ['rekor2-timestamp-outside-trust-root-tsa-validity_fail', 'TSA_NOT_VALID_AT_TIME', 'timestampAuthorities[0].validFor'],
    ['rekor2-timestamp-outside-tsa-cert-validity_fail', 'TSA_NOT_VALID_AT_TIME', 'timestampAuthorities[0].certChain.certificates[0]'],
    ['rekor2-timestamp-payload-mismatch_fail', 'TSA_IMPRINT_MISMATCH', 'ts.timeStampToken.TSTInfo.messageImprint'],
    ['rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail', 'TSA_UNTRUSTED', 'ts.timeStampToken.signedData.signerInfos[0].sid'],
    ['rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail', 'TSA_UNTRUSTED', 'ts.timeStampToken.signedData.signerInfos[0].sid'],
  ])('%s fails with %s at %s', async (name, expectedCode, where) => {
    const { code, detail } = await runCase(name);
    expect(code).toBe(expectedCode);
    expect(detail?.where).toBe(where);
    expect(detail?.expected).toBeTruthy();
    expect(detail?.found).toBeTruthy();
  });

  it('reports expected and found digests on an imprint mismatch', async () => {
    const { detail } = await runCase('rekor2-timestamp-payload-mismatch_fail');
    expect(detail?.expected).toBe('SHA-256 afefa772b9aeffcef9921d8cb716e6625dcbe58e50adaa5d5adc88370fca410b');
    expect(detail?.found).toBe('SHA-256 0a4976ff286d81ce460bf3b64a3e573e4f1ed7675384504dc0f54bfc21416420');
  });

  // These two fail in the conformance suite because the TSA time lies outside the *signing* certificate's
  // validity: the timestamp itself is sound, and the time.validity step is where the bundle must fail.
  it.each([
    ['rekor2-timestamp-with-incorrect-time_fail', '2025-07-15T10:33:31.000Z'],
    ['intoto-tsa-timestamp-outside-cert-validity_fail', '2023-02-02T00:00:00.000Z'],
  ])('%s: the timestamp verifies, at a time outside the signing certificate', async (name, time) => {
    const c = loadCase(name);
    const { result } = await run(c.timestamp, c.signedBytes, c.authorities);
    expect(new Date(result!.time).toISOString()).toBe(time);
    const leaf = parseCertificate(c.leaf!, 'leaf');
    expect(result!.time > leaf.notAfter || result!.time < leaf.notBefore).toBe(true);
  });

  it('verifies the public-good TSA timestamp of the Docker Hub fixture (DSSE signature) against the production root', async () => {
    const b = loadBundle(DOCKER_BUNDLE);
    const authorities = loadAuthorities(PRODUCTION_ROOT);
    const { result, code } = await run(b.timestamp, b.signedBytes, authorities);
    expect(code).toBeUndefined();
    expect(result).toMatchObject({
      time: Date.UTC(2026, 5, 8, 7, 5, 25),
      serialNumber: 'fa38e725b4105c38292f7be5d281e38182659444',
      policy: '1.3.6.1.4.1.57264.2',
      hashAlgorithm: 'SHA-256',
      messageImprint: 'bb654849535b624f954190e2eb20a7b2ce4b18656916e9273c7b45b24b4be0e1',
    });
    expect(result!.authority).toBe(authorities[0]);
    expect(result!.evidence).toContainEqual({ kind: 'time', label: 'Timestamp (genTime)', value: '2026-06-08T07:05:25.000Z' });
    expect(result!.evidence).toContainEqual({ kind: 'text', label: 'Certificates embedded in the token', value: 'none' });
    expect(result!.evidence).toContainEqual({ kind: 'text', label: 'TSA name (as the token states it)', value: 'CN=sigstore-tsa,O=sigstore.dev' });
  });

  it('does not verify the staging timestamp against the production root', async () => {
    const c = loadCase('rekor2-happy-path');
    expect((await run(c.timestamp, c.signedBytes, loadAuthorities(PRODUCTION_ROOT))).code).toBe('TSA_UNTRUSTED');
  });
});

describe('verifyTimestamp on altered tokens and roots', () => {
  const c = loadCase('rekor2-happy-path');
  const token = parseTimestampToken(c.timestamp, 'ts');
  const at = (view: Uint8Array) => offsetIn(c.timestamp, view);

  it('rejects a flipped byte in the CMS signature', async () => {
    const sig = at(token.signer.signature);
    for (const i of [10, 40, token.signer.signature.length - 1]) {
      expect((await run(flip(c.timestamp, sig + i), c.signedBytes, c.authorities)).code).toBe('TSA_SIGNATURE_INVALID');
    }
  });

  it('rejects a flipped byte in the TSTInfo (serial number, nonce) through the message-digest attribute', async () => {
    for (const view of [token.tstInfo.serialNumber, token.tstInfo.nonce!]) {
      const { code, detail } = await run(flip(c.timestamp, at(view) + 3), c.signedBytes, c.authorities);
      expect(code).toBe('TSA_SIGNATURE_INVALID');
      expect(detail?.where).toBe('ts.timeStampToken.signedData.signerInfos[0].signedAttrs.messageDigest');
    }
  });

  it('rejects a flipped byte in the message imprint', async () => {
    const { code, detail } = await run(flip(c.timestamp, at(token.tstInfo.messageImprint.hashedMessage) + 7), c.signedBytes, c.authorities);
    expect(code).toBe('TSA_IMPRINT_MISMATCH');
    expect(detail?.expected).toBe(`SHA-256 ${toHex(token.tstInfo.messageImprint.hashedMessage)}`);
  });

  it('rejects other signed bytes than the ones timestamped', async () => {
    expect((await run(c.timestamp, flip(c.signedBytes, 0), c.authorities)).code).toBe('TSA_IMPRINT_MISMATCH');
  });

  it('rejects a changed message-digest attribute', async () => {
    expect((await run(flip(c.timestamp, at(token.signer.messageDigest)), c.signedBytes, c.authorities)).code).toBe('TSA_SIGNATURE_INVALID');
  });

  it('rejects a content-type attribute that does not name TSTInfo', async () => {
    // byte 919: last byte of id-ct-TSTInfo inside the content-type signed attribute
    expect(c.timestamp[919]).toBe(0x04);
    const { code, detail } = await run(flip(c.timestamp, 919), c.signedBytes, c.authorities);
    expect(code).toBe('TSA_SIGNATURE_INVALID');
    expect(detail?.found).toBe('1.2.840.113549.1.9.16.1.5');
  });

  it('rejects an ESSCertIDv2 naming another certificate than the trusted signer', async () => {
    const hash = token.signer.signingCertificate!.certHash;
    const { code, detail } = await run(flip(c.timestamp, at(hash)), c.signedBytes, c.authorities);
    expect(code).toBe('TSA_UNTRUSTED');
    expect(detail?.where).toBe('ts.timeStampToken.signedData.signerInfos[0].signedAttrs.signingCertificateV2');
  });

  it('rejects an authority with no timestamp authorities at all', async () => {
    expect((await run(c.timestamp, c.signedBytes, [])).code).toBe('TSA_UNTRUSTED');
  });

  it('rejects a chain whose root did not sign the TSA certificate (same name, other key)', async () => {
    const [staging] = c.authorities;
    const [production] = loadAuthorities(PRODUCTION_ROOT);
    const mixed: CertificateAuthority = { ...staging!, certChain: [staging!.certChain[0]!, production!.certChain[1]!] };
    const { code, detail } = await run(c.timestamp, c.signedBytes, [mixed]);
    expect(code).toBe('TSA_UNTRUSTED');
    expect(detail?.where).toBe('timestampAuthorities[0].certChain.certificates[0]');
  });

  it('treats validFor as closed: one millisecond before the start or after the end fails', async () => {
    const [ca] = c.authorities;
    const t = token.tstInfo.genTime;
    const withPeriod = (validFor: CertificateAuthority['validFor']) => [{ ...ca!, validFor }];
    expect((await run(c.timestamp, c.signedBytes, withPeriod({ start: t }))).code).toBeUndefined();
    expect((await run(c.timestamp, c.signedBytes, withPeriod({ start: t + 1 }))).code).toBe('TSA_NOT_VALID_AT_TIME');
    expect((await run(c.timestamp, c.signedBytes, withPeriod({ start: 0, end: t - 1 }))).code).toBe('TSA_NOT_VALID_AT_TIME');
  });

  it('uses the authority that is valid when the same TSA is listed twice', async () => {
    const [ca] = c.authorities;
    const expired: CertificateAuthority = { ...ca!, validFor: { start: 0, end: token.tstInfo.genTime - 1000 }, where: 'timestampAuthorities[0]' };
    const current: CertificateAuthority = { ...ca!, where: 'timestampAuthorities[1]' };
    const { result } = await run(c.timestamp, c.signedBytes, [expired, current]);
    expect(result!.authority).toBe(current);
    expect((await run(c.timestamp, c.signedBytes, [expired])).code).toBe('TSA_NOT_VALID_AT_TIME');
  });

  it('ignores an authority whose certificates do not parse', async () => {
    const [ca] = c.authorities;
    const broken: CertificateAuthority = { ...ca!, certChain: [ca!.certChain[0]!.subarray(0, 100)] };
    expect((await run(c.timestamp, c.signedBytes, [broken])).code).toBe('TSA_UNTRUSTED');
    expect((await run(c.timestamp, c.signedBytes, [broken, ca!])).result?.authority).toBe(ca);
  });

  it('says whether the embedded certificate is the trusted one', async () => {
    const { result } = await run(c.timestamp, c.signedBytes, c.authorities);
    expect(result!.evidence).toContainEqual({ kind: 'text', label: 'Certificates embedded in the token', value: '1, one identical to the trusted TSA certificate' });
  });
});

describe('random mutations of a real token', () => {
  const c = loadCase('rekor2-happy-path');
  const token = parseTimestampToken(c.timestamp, 'ts');
  // Bytes no signature covers and no check depends on: the embedded certificate (never trusted) and PKIStatus.
  const embedded = token.certificates.map((cert) => [offsetIn(c.timestamp, cert), offsetIn(c.timestamp, cert) + cert.length] as const);
  const unsigned = (i: number) => i === 8 || embedded.some(([start, end]) => i >= start && i < end);
  const STATUS_GRANTED_WITH_MODS = 1;

  it('never verify outside unsigned bytes, and only ever throw VerifyError with a TSA code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: c.timestamp.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, mask) => {
        const mutated = flip(c.timestamp, i, mask);
        const { result, code } = await run(mutated, c.signedBytes, c.authorities);
        if (result) {
          expect(unsigned(i)).toBe(true);
          if (i === 8) expect(mutated[8]).toBe(STATUS_GRANTED_WITH_MODS);
        } else {
          expect(code).toMatch(/^TSA_/);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('never verify when the mutation is inside the signed attributes, the TSTInfo or the signature', async () => {
    const ranges = [token.tstInfo.der, token.signer.signature].map((v) => [offsetIn(c.timestamp, v), v.length] as const);
    ranges.push([889, 255]); // the signed attributes
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ranges), fc.nat(), fc.integer({ min: 1, max: 255 }), async ([start, length], k, mask) => {
        const { result, code } = await run(flip(c.timestamp, start + (k % length), mask), c.signedBytes, c.authorities);
        expect(result).toBeUndefined();
        expect(code).toMatch(/^TSA_/);
      }),
      { numRuns: 300 },
    );
  });
});
