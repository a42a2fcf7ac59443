import { describe, expect, it } from 'vitest';
import { VerifyError } from '../../../src/core/errors';
import { parseCertificate, verifyLeafProfile } from '../../../src/core/x509';
import { caseLeaf, loadRoot, PRODUCTION_ROOT } from './fixtures';
import { CODE_SIGNING, KU, makeCert, type CertOptions } from './generate';

async function profileError(o: Partial<CertOptions>): Promise<VerifyError | undefined> {
  const made = await makeCert({ name: 'CN=x', keyUsage: KU.digitalSignature, eku: [CODE_SIGNING], san: [{ type: 'email', value: 'a@example.com' }], ...o });
  try {
    verifyLeafProfile(parseCertificate(made.der, 'leaf'));
  } catch (err) {
    return err as VerifyError;
  }
  return undefined;
}

describe('verifyLeafProfile', () => {
  it('accepts a real Fulcio leaf and a constructed one', async () => {
    expect(() => verifyLeafProfile(parseCertificate(caseLeaf('happy-path-v0.3'), 'leaf'))).not.toThrow();
    expect(await profileError({})).toBeUndefined();
  });

  it('rejects a CA certificate (the production Fulcio intermediate) with CERT_IS_CA', () => {
    const ca = parseCertificate(loadRoot(PRODUCTION_ROOT).certificateAuthorities[1]!.certChain[0]!, 'ca');
    try {
      verifyLeafProfile(ca);
      expect.unreachable();
    } catch (err) {
      expect((err as VerifyError).code).toBe('CERT_IS_CA');
      expect((err as VerifyError).detail.found).toContain('cA=TRUE');
    }
  });

  it('rejects a leaf without digitalSignature, naming what it found', async () => {
    const err = await profileError({ keyUsage: KU.keyEncipherment });
    expect(err?.code).toBe('CERT_KEY_USAGE');
    expect(err?.detail.found).toBe('keyEncipherment');
    expect((await profileError({ keyUsage: undefined }))?.code).toBe('CERT_KEY_USAGE');
  });

  it('rejects a leaf without the codeSigning EKU', async () => {
    const err = await profileError({ eku: ['1.3.6.1.5.5.7.3.1'] });
    expect(err?.code).toBe('CERT_EKU');
    expect(err?.detail.found).toBe('1.3.6.1.5.5.7.3.1');
    expect((await profileError({ eku: undefined }))?.code).toBe('CERT_EKU');
  });

  it('rejects a leaf without a usable SAN', async () => {
    expect((await profileError({ san: undefined }))?.code).toBe('CERT_SAN_MISSING');
    expect((await profileError({ san: [{ type: 'dn', value: 'CN=someone' }] }))?.code).toBe('CERT_SAN_MISSING');
  });
});
