// For one run of many images: a cache of manifests and blobs over the registry fetch (so a tag resolves once to
// one digest, and images sharing content fetch it once), counting what reached the network.
import type { FetchFunction } from '../oci';
import { nodeFetch } from './registry-client';

/** Larger answers go through uncached (and the registry client's own caps apply). */
const CACHE_ENTRY_MAX = 4 * 1024 * 1024;
const CACHE_TOTAL_MAX = 256 * 1024 * 1024;
const CACHEABLE_PATH = /\/v2\/.+\/(manifests|blobs)\/[^/]+$/;

interface Cached {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export interface RunFetch {
  fetch: FetchFunction;
  /** Requests that went to the network (cache hits excluded). */
  requests(): number;
}

// A fetch whose successful manifest and blob GETs are remembered for the rest of the run.
export function createRunFetch(base: FetchFunction = nodeFetch): RunFetch {
  const cache = new Map<string, Promise<Cached | undefined>>();
  let cachedBytes = 0;
  let requests = 0;
  const network: FetchFunction = (url, init) => {
    requests++;
    return base(url, init);
  };
  const fetchAndKeep = async (url: string, init: Parameters<FetchFunction>[1]): Promise<{ response: Response; kept?: Cached }> => {
    const response = await network(url, init);
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (response.status !== 200 || !(length <= CACHE_ENTRY_MAX) || cachedBytes + length > CACHE_TOTAL_MAX) return { response };
    const body = new Uint8Array(await response.arrayBuffer());
    cachedBytes += body.length;
    return { response: rebuild({ status: 200, headers: [...response.headers], body }), kept: { status: 200, headers: [...response.headers], body } };
  };
  return {
    requests: () => requests,
    async fetch(url, init) {
      if (init.method !== 'GET' || !CACHEABLE_PATH.test(new URL(url).pathname)) return network(url, init);
      const key = `${url}\n${init.headers.Accept ?? init.headers.accept ?? ''}`;
      const hit = cache.get(key);
      if (hit) {
        const cached = await hit;
        if (cached) return rebuild(cached);
      }
      const pending = fetchAndKeep(url, init);
      cache.set(key, pending.then((p) => p.kept, () => undefined));
      const { response } = await pending;
      return response;
    },
  };
}

// A fresh Response from remembered parts (a body can be read only once).
function rebuild(c: Cached): Response {
  return new Response(c.body.slice(), { status: c.status, headers: c.headers });
}
