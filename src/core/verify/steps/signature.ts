// signature: the artifact signature or the DSSE signature over PAE(payloadType, payload) verifies with the signing key.
import { VerifyError } from '../../errors';
import { preAuthEncoding, toHex } from '../../encoding';
import { defaultHash, verifyDigestSignature, verifySignature, type HashAlg, type PublicKey } from '../../crypto';
import type { VerifyContext } from '../context';
import { digestLabel } from '../options';
import type { StepOutcome } from '../step-recorder';
import { signedArtifact } from './signed-artifact';
import { signedEvidence } from '../signed-content';

// The hash a message signature was made with: the one its message digest names (older sigstore-python signs
// with P-384 keys over SHA-256), else the key's default. Curve and hash are independent choices in ECDSA and RSA
// (FIPS 186-5 §6.4; RFC 8017 §8); Ed25519 hashes internally (RFC 8032) and takes no choice.
function messageHash(key: PublicKey, named: HashAlg | undefined): HashAlg {
  return named && key.kind !== 'ed25519' ? named : defaultHash(key);
}

// Verify the one signature of the bundle (Sigstore client spec §4.2).
export async function verifyBundleSignature(ctx: VerifyContext): Promise<StepOutcome> {
  const key = ctx.signingKey;
  if (!key) throw new VerifyError('KEY_MISSING', 'there is no key to verify the signature with', { expected: 'a certificate in the bundle or a public key you give' });
  const content = ctx.bundle.content;
  const who = `${key.description} key of ${ctx.signingKeySource}`;

  if (content.kind === 'dsse') {
    const pae = preAuthEncoding(content.payloadType, content.payload);
    const sig = content.signatures[0]!.sig;
    if (!(await verifySignature(key, sig, pae))) {
      throw new VerifyError('SIGNATURE_INVALID', `the DSSE signature does not verify with the ${who}`, {
        where: 'dsseEnvelope.signatures[0].sig',
        expected: `a signature by the ${who} over PAE(${content.payloadType}, ${content.payload.length}-byte payload)`,
        found: `signature ${toHex(sig).slice(0, 32)}…`,
      });
    }
    const typeEnd = 'DSSEv1 '.length + String(content.payloadType.length).length + 1 + content.payloadType.length;
    return {
      summary: `The DSSE signature over PAE(${content.payloadType}, ${content.payload.length}-byte payload) verifies with the ${who}.`,
      evidence: [
        { kind: 'text', label: 'algorithm', value: `${key.description} with ${defaultHash(key)}` },
        signedEvidence('pae', 'signed bytes (PAE)', 'pae', pae, [{ start: 0, end: typeEnd, label: 'header and payload type' }, { start: pae.length - content.payload.length, end: pae.length, label: 'payload' }]),
        { kind: 'hex', label: 'signature', value: toHex(sig) },
      ],
    };
  }

  const artifact = signedArtifact(ctx);
  const hash = messageHash(key, content.digest?.algorithm);
  const evidence = [
    { kind: 'text' as const, label: 'algorithm', value: `${key.description} with ${hash}${hash !== defaultHash(key) ? ` (the hash the bundle's message digest names, not the key's default ${defaultHash(key)})` : ''}` },
    { kind: 'hex' as const, label: 'signature', value: toHex(content.signature) },
  ];
  let ok: boolean;
  let over: string;
  if (artifact?.kind === 'bytes') {
    ok = await verifySignature(key, content.signature, artifact.bytes, { hash });
    over = `the ${artifact.bytes.length}-byte ${ctx.req.artifact ? 'artifact' : 'payload'}`;
  } else {
    const d = artifact?.kind === 'digest' ? { algorithm: artifact.algorithm, value: artifact.value } : content.digest;
    if (!d) throw new VerifyError('ARTIFACT_MISSING', 'neither the artifact nor a digest is available to check the signature over', { expected: 'the artifact or its digest' });
    ok = verifyDigestSignature(key, content.signature, d.value, d.algorithm);
    over = digestLabel(d.algorithm, d.value);
    evidence.push({ kind: 'text', label: 'method', value: 'digest-only verification with @noble/curves (WebCrypto cannot verify a bare digest)' });
  }
  if (!ok) {
    throw new VerifyError('SIGNATURE_INVALID', `the signature does not verify over ${over} with the ${who}`, {
      where: 'messageSignature.signature',
      expected: `a signature by the ${who}`,
      found: `signature ${toHex(content.signature).slice(0, 32)}…`,
    });
  }
  return { summary: `The signature over ${over} verifies with the ${who}.`, evidence };
}
