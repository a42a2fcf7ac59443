// The steps of an image verification that come before any bundle: where the image and its signatures
// are. They extend the engine's record vocabulary and plan the same way the bundle steps do.
import type { Catalogue } from '../core/verify/plan';

export const IMAGE_STEP_IDS = ['image.resolve', 'image.discover'] as const;
export type ImageStepId = (typeof IMAGE_STEP_IDS)[number];

declare module '../core/verify/types' {
  interface StepIdExtensions extends Record<ImageStepId, true> {}
}

export const IMAGE_CATALOGUE: Catalogue<ImageStepId> = {
  'image.resolve': {
    title: 'Image reference resolves to a digest',
    failure: 'the image reference does not resolve to a digest',
    why: 'A tag can be moved at any time; only the digest of the bytes received names exactly what would be pulled, so every later check is about that digest.',
    spec: 'OCI distribution spec (pulling manifests); OCI image spec (content descriptors, digests)',
    required: true,
  },
  'image.discover': {
    title: 'Signatures found for the image',
    failure: 'no signatures were found for the image',
    why: '“No signatures found” and “signatures found, none valid” call for different responses; every place a signature can live is searched and named.',
    spec: 'OCI distribution spec 1.1 (referrers API and tag schema); cosign signature and attestation tags',
    required: true,
    skip: [{ unmet: 'image.resolve', reason: 'Not run: the image could not be resolved.' }],
  },
};
