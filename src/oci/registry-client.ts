// The registry client: resolve an image reference to a verified manifest digest, read content by
// digest, and discover signatures — all through one injected fetch, so it runs in browsers, Node and tests.
import { createAuthorizedGet, type Credentials, type RepositoryScope } from './auth';
import { createContentReader, type BlobProgress, type ContentReader, type FetchedManifest } from './content';
import type { FetchFunction } from './http';
import { platformsOf, type Platform } from './manifest';
import { isLoopbackRegistry, registryApiBase, type ImageReference } from './reference';
import { discoverSignatures, type DiscoveryOptions, type SignatureDiscovery } from './signatures';

export interface RegistryClientOptions {
  fetch: FetchFunction;
  /** Credentials per registry (Basic to the registry or its token realm); anonymous when absent. */
  credentials?: (registry: string) => Credentials | undefined;
  /** Registries reached over plain HTTP; by default loopback ones, as Docker does. */
  plainHttp?: (registry: string) => boolean;
  /** Milliseconds since the epoch, for token expiry. */
  now?: () => number;
  /** Hears the bytes received of each blob of 1 MiB or more (large attestations), for progress displays. */
  onBlobProgress?: BlobProgress;
}

export interface ResolvedImage extends FetchedManifest {
  reference: ImageReference;
  /** For an image index or manifest list: the manifest of each runnable platform. */
  platforms?: { digest: string; platform: Platform }[];
}

export interface RegistryClient extends Pick<ContentReader, 'fetchManifest' | 'fetchBlob'> {
  /** The manifest a reference names (by digest when it has one), with its sha256 checked. */
  resolve(reference: ImageReference): Promise<ResolvedImage>;
  /** Every signature stored for a manifest digest, and every place looked at. */
  listSignatures(target: RepositoryScope, digest: string, options?: DiscoveryOptions): Promise<SignatureDiscovery>;
}

// Create a registry client over the given fetch.
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const plainHttp = options.plainHttp ?? isLoopbackRegistry;
  const get = createAuthorizedGet({ fetch: options.fetch, credentials: options.credentials ?? (() => undefined), plainHttp, now: options.now ?? Date.now });
  const reader = createContentReader(get, (registry) => registryApiBase(registry, plainHttp), options.onBlobProgress);

  return {
    fetchManifest: reader.fetchManifest,
    fetchBlob: reader.fetchBlob,
    // Fetch the manifest by digest when given (the tag is then only a label), else by tag.
    async resolve(reference) {
      const fetched = await reader.fetchManifest(reference, reference.digest ?? reference.tag ?? 'latest');
      const resolved: ResolvedImage = { reference, ...fetched };
      if (fetched.manifest.kind === 'index') resolved.platforms = platformsOf(fetched.manifest);
      return resolved;
    },
    // Look in every place signatures are stored for the digest.
    listSignatures: (target, digest, discovery) => discoverSignatures(get, reader, target, digest, discovery),
  };
}
