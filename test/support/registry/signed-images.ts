// The images every registry test verifies, pushed and signed at test time in every format cosign uses.
import { DEFAULT_IDENTITY, inTotoStatement, type TestInstance } from '../sigstore';
import { attestImageLayer, signImageLayer, type CosignLayerJson } from '../sigstore/cosign-legacy';
import { pushClient } from './push';
import { buildImage, buildIndex } from './image-builders';
import { buildBundleReferrer } from './signature-builders';
import type { Bytes } from './descriptor';

/** Tags in repository `app`, each an image in one signing state. */
export const SCENARIOS = ['keyed-sig', 'keyless-sig', 'bundle', 'att', 'unsigned', 'tampered', 'wrong-identity', 'multi'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface SignedImages {
  digests: Record<Scenario, string>;
  /** The public key of the keyed signature (PEM). */
  keyPem: string;
  /** The identity every keyless signature but the wrong-identity one carries. */
  san: string;
  issuer: string;
}

const bytes = (s: string) => new TextEncoder().encode(s) as Bytes;
const layerOf = (l: CosignLayerJson) => ({ mediaType: l.mediaType, bytes: l.payload as Bytes, annotations: l.annotations });

// Push one image per scenario to `<registry>/app` and sign it accordingly.
export async function pushSignedImages(registryUrl: string, registryHost: string, instance: TestInstance, fetchFn: typeof fetch = fetch): Promise<SignedImages> {
  const push = pushClient(registryUrl, fetchFn);
  const repository = `${registryHost}/app`;
  const digests = {} as Record<Scenario, string>;
  const image = async (tag: Scenario) => {
    const built = buildImage({ os: 'linux', architecture: 'amd64' }, bytes(`layer of ${tag}`));
    await push.push('app', built, tag);
    digests[tag] = built.digest;
    return built;
  };
  const named = (tag: Scenario) => ({ digest: digests[tag], repository });
  const bundleReferrer = async (tag: Scenario, identity = DEFAULT_IDENTITY) => {
    const subject = await image(tag);
    const statement = inTotoStatement([{ name: repository, digest: { sha256: subject.digest.slice(7) } }], 'https://sigstore.dev/cosign/sign/v1', {});
    const referrer = buildBundleReferrer(subject.descriptor, bytes(JSON.stringify(instance.signDsse(statement, { tsa: true, identity }).bundle)));
    await push.push('app', referrer);
    await push.pushReferrerViaTagSchema('app', subject.digest, referrer.descriptor);
  };

  await image('keyed-sig');
  const keyed = signImageLayer(instance, named('keyed-sig'), { keyed: true });
  await push.pushCosignTag('app', digests['keyed-sig'], 'sig', [layerOf(keyed.layer)]);

  await image('keyless-sig');
  await push.pushCosignTag('app', digests['keyless-sig'], 'sig', [layerOf(signImageLayer(instance, named('keyless-sig'), { tsa: true }).layer)]);

  await bundleReferrer('bundle');

  await image('att');
  await push.pushCosignTag('app', digests.att, 'att', [layerOf(attestImageLayer(instance, named('att')).layer)]);

  await image('unsigned');

  // A genuine signature of another image, copied next to this one.
  await image('tampered');
  await push.pushCosignTag('app', digests.tampered, 'sig', [layerOf(signImageLayer(instance, named('keyless-sig')).layer)]);

  await bundleReferrer('wrong-identity', { san: { email: 'mallory@example.com' }, issuer: 'https://accounts.google.com' });

  const index = buildIndex([buildImage({ os: 'linux', architecture: 'amd64' }, bytes('amd64')), buildImage({ os: 'linux', architecture: 'arm64', variant: 'v8' }, bytes('arm64'))]);
  await push.push('app', index, 'multi');
  digests.multi = index.digest;
  await push.pushCosignTag('app', index.digest, 'sig', [layerOf(signImageLayer(instance, named('multi')).layer)]);

  return { digests, keyPem: keyed.signed.publicKeyPem, san: (DEFAULT_IDENTITY.san as { uri: string }).uri, issuer: DEFAULT_IDENTITY.issuer };
}
