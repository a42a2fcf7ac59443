// Whether a Rekor entry body records this bundle: the same signed digest, signatures and key or certificate.
import { VerifyError } from '../errors';
import { bytesEqual, defineLazy, preAuthEncoding, toHex } from '../encoding';
import { digest, sha256Small } from '../crypto';
import type { SignatureContent } from '../bundle/types';
import type { Evidence } from '../evidence';
import type { LoggedVerifier, RekorBody } from './rekor-body';

/** The bundle's signer: its leaf certificate (with the certificate's SPKI), or the public key the user gave (DER SPKI). */
export interface SignerMaterial {
  certificateDer?: Uint8Array;
  /** The leaf's SubjectPublicKeyInfo: a Rekor v2 entry may record only the key of the certificate. */
  certificateSpki?: Uint8Array;
  publicKeySpki?: Uint8Array;
}

// Throw TLOG_BODY_MISMATCH at a path inside the body.
function mismatch(body: RekorBody, path: string, message: string, expected: string, found: string): never {
  throw new VerifyError('TLOG_BODY_MISMATCH', message, { expected, found, where: `${body.where}.${path}` });
}

// A short, comparable name for a DER certificate or key: its SHA-256 fingerprint (a few KB, hashed synchronously).
function fingerprint(form: LoggedVerifier['form'], der: Uint8Array): string {
  return `${form === 'certificate' ? 'certificate' : 'public key'} sha256:${toHex(sha256Small(der))}`;
}

// The digest the body should record for this content: the message digest (hashedrekord), the digest of
// PAE(payloadType, payload) (Rekor v2 hashedrekord over DSSE, rekor-v2 spec), or the payload digest (dsse, intoto).
async function expectedDigest(body: RekorBody, content: SignatureContent): Promise<{ value: Uint8Array; of: string }> {
  const alg = body.digest.algorithm;
  if (body.kind === 'hashedrekord') {
    if (content.kind === 'message') {
      if (!content.digest) {
        throw new VerifyError('BUNDLE_FIELD_MISSING', 'the bundle gives no message digest to compare with the log entry', {
          expected: 'messageSignature.messageDigest (or the artifact digest)',
          found: 'none',
          where: 'messageSignature.messageDigest',
        });
      }
      if (content.digest.algorithm !== alg) {
        mismatch(body, body.digest.path, 'the entry records a digest of another algorithm', content.digest.algorithm, alg);
      }
      return { value: content.digest.value, of: 'the message digest' };
    }
    // A DSSE envelope logged as hashedrekord (Rekor v1 0.0.1 or v2 0.0.2): the digest of its PAE, signed by the
    // envelope's signature (Sigstore client spec §4.3; sigstore-conformance hashedrekord-dsse cases).
    return { value: await digest(alg, preAuthEncoding(content.payloadType, content.payload)), of: `${alg} of the DSSE PAE` };
  }
  if (content.kind !== 'dsse') {
    mismatch(body, 'kind', `${body.kind} entries record DSSE envelopes`, 'a DSSE envelope bundle', 'a message signature');
  }
  return { value: await digest(alg, content.payload), of: `${alg} of the DSSE payload` };
}

// Whether a recorded verifier is the bundle's certificate or key, byte for byte. A Rekor v2 entry may record
// the signer as publicKey.rawBytes while the bundle carries the certificate: it matches the certificate's SPKI
// (Rekor v2 spec: Verifier is a certificate or a public key; the signature binds to the key either way).
function isSigner(body: RekorBody, verifier: LoggedVerifier, material: SignerMaterial): boolean {
  const own =
    verifier.form === 'certificate'
      ? material.certificateDer
      : (material.publicKeySpki ?? (body.rekor === 2 ? material.certificateSpki : undefined));
  return own !== undefined && bytesEqual(verifier.der, own);
}

// Compare the body with the bundle (Sigstore client spec: the log entry must match the bundle's signature,
// verification material and artifact digest). Returns what matched; a difference is TLOG_BODY_MISMATCH.
export async function verifyTlogBody(body: RekorBody, content: SignatureContent, material: SignerMaterial): Promise<Evidence[]> {
  if (!material.certificateDer && !material.publicKeySpki) {
    throw new VerifyError('KEY_MISSING', 'no certificate or public key to compare with the log entry', {
      expected: 'the bundle certificate or a public key',
      found: 'none',
      where: body.where,
    });
  }
  const bundleSigs = content.kind === 'message' ? [content.signature] : content.signatures.map((s) => s.sig);
  const logged = body.signatures.flatMap((s) => (s.signature ? [{ signature: s.signature, path: s.path }] : []));
  if (logged.length > 0) {
    const first = logged[0]!;
    if (logged.length !== bundleSigs.length) {
      mismatch(body, first.path, 'the entry records another number of signatures', `${bundleSigs.length}`, `${logged.length}`);
    }
    for (const sig of bundleSigs) {
      if (!logged.some((l) => bytesEqual(l.signature, sig))) {
        const other = logged.find((l) => !bundleSigs.some((s) => bytesEqual(s, l.signature))) ?? first;
        mismatch(body, other.path, 'the entry records another signature than the bundle', toHex(sig), toHex(other.signature));
      }
    }
  }
  for (const { verifier } of body.signatures) {
    if (!isSigner(body, verifier, material)) {
      const own = material.certificateDer ? fingerprint('certificate', material.certificateDer) : fingerprint('publicKey', material.publicKeySpki!);
      mismatch(body, verifier.path, 'the entry records another signer than the bundle', own, fingerprint(verifier.form, verifier.der));
    }
  }
  const expected = await expectedDigest(body, content);
  if (!bytesEqual(expected.value, body.digest.value)) {
    mismatch(body, body.digest.path, `the entry records another digest than ${expected.of}`, toHex(expected.value), toHex(body.digest.value));
  }

  const evidence: Evidence[] = [
    { kind: 'text', label: 'Entry type', value: `${body.kind} ${body.apiVersion} (Rekor v${body.rekor})` },
    { kind: 'hex', label: `Recorded digest (${body.digest.path}) = ${expected.of}`, value: toHex(body.digest.value) },
  ];
  for (const l of logged) evidence.push({ kind: 'hex', label: `Recorded signature (${l.path}) = bundle signature`, value: toHex(l.signature) });
  if (logged.length === 0) evidence.push({ kind: 'text', label: 'Recorded signature', value: `${body.kind} ${body.apiVersion} entries record no signature` });
  for (const { verifier } of body.signatures) {
    const ofCertificate = verifier.form === 'publicKey' && !material.publicKeySpki ? ' (the key of the bundle certificate)' : '';
    // The fingerprint is made when the evidence is read.
    const item: Evidence = { kind: 'text', label: `Recorded signer (${verifier.path}) = bundle signer${ofCertificate}`, value: '' };
    evidence.push(defineLazy(item, 'value', () => fingerprint(verifier.form, verifier.der)));
  }
  return evidence;
}
