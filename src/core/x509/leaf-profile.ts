// The Fulcio leaf certificate profile a signing certificate must meet (Sigstore client spec, Fulcio certificate profile).
import { VerifyError } from '../errors';
import type { Certificate } from './certificate';
import { OID } from './extensions';

// Throw unless the leaf is an end-entity code-signing certificate with an identity.
export function verifyLeafProfile(cert: Certificate): void {
  const where = cert.where;
  if (cert.isCA) {
    throw new VerifyError('CERT_IS_CA', 'the signing certificate is a CA certificate', {
      where: `${where} basicConstraints`,
      expected: 'an end-entity certificate (cA absent or FALSE)',
      found: `cA=TRUE${cert.pathLenConstraint === undefined ? '' : `, pathLen ${cert.pathLenConstraint}`}`,
    });
  }
  if (!cert.keyUsage.includes('digitalSignature')) {
    throw new VerifyError('CERT_KEY_USAGE', 'the signing certificate may not make digital signatures', {
      where: `${where} keyUsage`,
      expected: 'keyUsage including digitalSignature',
      found: cert.keyUsage.length > 0 ? cert.keyUsage.join(', ') : 'no keyUsage',
    });
  }
  if (!cert.extKeyUsage.includes(OID.codeSigning)) {
    throw new VerifyError('CERT_EKU', 'the signing certificate is not for code signing', {
      where: `${where} extKeyUsage`,
      expected: `extKeyUsage including codeSigning (${OID.codeSigning})`,
      found: cert.extKeyUsage.length > 0 ? cert.extKeyUsage.join(', ') : 'no extKeyUsage',
    });
  }
  if (cert.subjectAltNames.length === 0) {
    throw new VerifyError('CERT_SAN_MISSING', 'the signing certificate names no identity', {
      where: `${where} subjectAltName`,
      expected: 'at least one email, URI or otherName subject alternative name',
      found: cert.extensions.some((e) => e.oid === OID.subjectAltName) ? 'a subjectAltName with no usable name' : 'no subjectAltName extension',
    });
  }
}
