// What the signature is checked against: the artifact the user gave, else what the image names — for a
// cosign simplesigning signature the payload itself (it is the signed artifact), for an attestation the
// image's manifest digest (the in-toto subject).
import { VerifyError } from '../../errors';
import type { Bundle } from '../../bundle';
import { parseDigestLabel, type HashAlg } from '../../crypto';
import type { VerifyContext } from '../context';
import { digestLabel, type ArtifactInput, type VerifyRequest } from '../options';

// The artifact for artifact.bind and signature; null when there is none.
export function signedArtifact(ctx: VerifyContext): ArtifactInput | null {
  const { artifact, image } = ctx.req;
  if (artifact) return artifact;
  if (!image) return null;
  const content = ctx.bundle.content;
  if (content.kind === 'message') return content.payload ? { kind: 'bytes', bytes: content.payload.bytes } : null;
  return { kind: 'digest', ...parseImageDigest(image.digest) };
}

// A cosign image signature signs its payload, which names the image: a digest given as the artifact is
// then the image's manifest digest, bound through the payload (cosign signature spec), not a message digest.
export function withImageFromArtifact(req: VerifyRequest, bundle: Bundle): VerifyRequest {
  const content = bundle.content;
  if (req.image || req.artifact?.kind !== 'digest' || content.kind !== 'message' || !content.payload) return req;
  return { ...req, artifact: null, image: { digest: digestLabel(req.artifact.algorithm, req.artifact.value) } };
}

// An OCI content digest "algorithm:hex" (OCI image spec, descriptor digests) as algorithm and bytes.
export function parseImageDigest(text: string): { algorithm: HashAlg; value: Uint8Array } {
  const parsed = /^[a-z0-9]+:[0-9a-f]+$/.test(text) ? parseDigestLabel(text) : null;
  if (!parsed) {
    throw new VerifyError('DIGEST_INVALID', `the image digest ${JSON.stringify(text.slice(0, 160))} is not algorithm:hex`, {
      where: 'image.digest',
      expected: 'sha256:<64 lower-case hex> (or sha384, sha512)',
      found: text.slice(0, 160),
    });
  }
  return parsed;
}
