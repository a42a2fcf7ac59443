// What the signature is checked against: the artifact the user gave, else what the image names — for a
// cosign simplesigning signature the payload itself (it is the signed artifact), for an attestation the
// image's manifest digest (the in-toto subject).
import { VerifyError } from '../../errors';
import { fromHex, toHex } from '../../encoding';
import type { Bundle } from '../../bundle';
import type { HashAlg } from '../../crypto';
import type { VerifyContext } from '../context';
import type { ArtifactInput, VerifyRequest } from '../options';

const DIGEST_ALGORITHMS: Record<string, { alg: HashAlg; hexLength: number }> = {
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha384: { alg: 'SHA-384', hexLength: 96 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};

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
  const digest = `${req.artifact.algorithm.replace('-', '').toLowerCase()}:${toHex(req.artifact.value)}`;
  return { ...req, artifact: null, image: { digest } };
}

// An OCI content digest "algorithm:hex" (OCI image spec, descriptor digests) as algorithm and bytes.
export function parseImageDigest(text: string): { algorithm: HashAlg; value: Uint8Array } {
  const [name = '', hex = '', ...rest] = text.split(':');
  const known = DIGEST_ALGORITHMS[name];
  if (!known || rest.length > 0 || hex.length !== known.hexLength || !/^[0-9a-f]+$/.test(hex)) {
    throw new VerifyError('DIGEST_INVALID', `the image digest ${JSON.stringify(text.slice(0, 160))} is not algorithm:hex`, {
      where: 'image.digest',
      expected: 'sha256:<64 lower-case hex> (or sha384, sha512)',
      found: text.slice(0, 160),
    });
  }
  return { algorithm: known.alg, value: fromHex(hex, 'image.digest') };
}
