// The image half of artifact.bind for cosign simplesigning payloads (cosign signature spec): the payload
// names the manifest digest that was signed and the repository it was signed for.
import { COSIGN_SIGNATURE_TYPE, normalizeRepository, parseSimpleSigning } from '../../bundle';
import type { ImageInput } from '../options';
import type { Evidence } from '../../evidence';
import { StepFailure } from '../step-failure';

export interface ImageBinding {
  summary: string;
  evidence: Evidence[];
  /** No image was given, so the payload could not be tied to one: the binding is unchecked. */
  unchecked: boolean;
}

// Compare the payload with the image: the digest must match (IMAGE_BINDING_MISMATCH otherwise); a
// different repository only warns, as cosign itself does, since the same manifest may live in many.
export function bindImage(payloadBytes: Uint8Array, image: ImageInput | undefined): ImageBinding {
  const payload = parseSimpleSigning(payloadBytes);
  const evidence: Evidence[] = [
    { kind: 'json', key: 'simplesigning', label: 'simplesigning payload', value: payload.json },
    { kind: 'text', label: 'signed manifest digest', value: payload.dockerManifestDigest },
    { kind: 'text', label: 'signed docker-reference', value: payload.dockerReference },
  ];
  if (payload.type !== COSIGN_SIGNATURE_TYPE) {
    throw new StepFailure(
      'COSIGN_FORMAT_INVALID', `the payload type is ${JSON.stringify(payload.type)}, not a cosign container image signature`,
      {
        where: 'critical.type',
        expected: COSIGN_SIGNATURE_TYPE,
        found: payload.type.slice(0, 120),
      },
      evidence,
    );
  }
  if (!image) {
    return { summary: `The payload signs ${payload.dockerReference}@${payload.dockerManifestDigest}; no image was given to compare it with.`, evidence, unchecked: true };
  }
  const signedRepo = normalizeRepository(payload.dockerReference);
  const wantedRepo = image.repository === undefined ? undefined : normalizeRepository(image.repository);
  const sameRepo = image.repository === undefined || (signedRepo !== undefined && signedRepo === wantedRepo);
  evidence.push(
    { kind: 'text', label: 'image manifest digest', value: image.digest },
    { kind: 'text', label: 'image repository', value: image.repository ?? '(not given: only the digest is compared)' },
  );
  if (!sameRepo) {
    evidence.push({
      kind: 'text',
      label: 'repository mismatch',
      value: `the payload was signed for ${signedRepo ?? payload.dockerReference}, the image is in ${wantedRepo ?? image.repository}; cosign itself only warns about this, since the same manifest can be copied between repositories`,
    });
  }
  if (payload.dockerManifestDigest.toLowerCase() !== image.digest.toLowerCase()) {
    throw new StepFailure(
      'IMAGE_BINDING_MISMATCH', `the payload signs ${payload.dockerManifestDigest}, but the image is ${image.digest}: this signature belongs to another image`,
      {
        where: 'critical.image.docker-manifest-digest',
        expected: image.digest,
        found: payload.dockerManifestDigest,
      },
      evidence,
    );
  }
  // The digest is what binds; a repository difference (a mirror, a copy) is reported, not failed, as cosign does.
  return sameRepo
    ? { summary: `The payload signs ${image.digest} in ${signedRepo ?? payload.dockerReference}, the image given${image.repository === undefined ? ' by digest' : ''}.`, evidence, unchecked: false }
    : { summary: `The payload signs ${image.digest}, the image given; it names repository ${payload.dockerReference}, not ${image.repository} (the same manifest copied elsewhere; cosign only warns about this).`, evidence, unchecked: false };
}
