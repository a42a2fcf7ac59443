// A real registry process holding the shared signed-image scenarios, started once for a spec file (skipped where
// no registry binary is installed); the spec reads `signed.registry` and `signed.images` inside its tests.
import { test } from './fixtures';
import { createTestInstance, type TestInstance } from '../../test/support/sigstore';
import { registryMissingReason, startRegistry, type RunningRegistry } from '../../test/support/registry/start-registry';
import { pushSignedImages, type SignedImages } from '../../test/support/registry/signed-images';

export interface SignedRegistry {
  instance: TestInstance;
  registry: RunningRegistry;
  images: SignedImages;
}

// Register the skip, the start-up and the shutdown hooks of the calling spec file; the fields fill in beforeAll.
export function useSignedRegistry(): SignedRegistry {
  const missing = registryMissingReason();
  const signed = { instance: createTestInstance() } as SignedRegistry;
  test.skip(!!missing, `SKIPPED: ${missing}`);
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    signed.registry = await startRegistry();
    signed.images = await pushSignedImages(signed.registry.url, signed.registry.host, signed.instance);
  });
  test.afterAll(async () => {
    await signed.registry?.stop();
  });
  return signed;
}
