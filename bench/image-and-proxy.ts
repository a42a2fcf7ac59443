// Registry figures: image reference to verdict through the proxy, and the proxy's throughput on loopback.
import { createTestInstance } from '../test/support/sigstore';
import { startRegistry, registryMissingReason } from '../test/support/registry/start-registry';
import { pushSignedImages } from '../test/support/registry/signed-images';
import { parseTrustedRootJson, type VerificationPolicy } from '../src/core';
import { createRegistryClient, type FetchFunction } from '../src/oci';
import { verifyImage } from '../src/image';
import { resolveProxyPolicy } from '../src/proxy';
import { startServer } from '../src/server/start-server';
import { summarise, timeIt, type Sample } from './stats';

export interface RegistryBench {
  referenceToVerdict: Sample;
  proxy: { requests: number; concurrency: number; seconds: number; perSecond: number; latency: Sample };
}

// Start a registry with the signed images and a server with the proxy, then measure both.
export async function benchRegistry(n: number): Promise<RegistryBench | string> {
  const missing = registryMissingReason();
  if (missing) return missing;
  const registry = await startRegistry();
  // The benchmark's own client is the only one: lift the per-client rate limit that protects a public deployment.
  const policy = resolveProxyPolicy({ allowLoopback: true, rate: { burst: 1_000_000, perSecond: 1_000_000 } });
  const server = await startServer({ port: 0, host: '127.0.0.1', root: 'dist', proxy: policy });
  try {
    const instance = createTestInstance();
    const images = await pushSignedImages(registry.url, registry.host, instance);
    const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'bench', description: 'test instance' });
    const policyOf: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: images.san }, issuer: { exact: images.issuer } } };
    // The browser's path: every registry request through the proxy's HTTP endpoint.
    const viaProxy: FetchFunction = (url, init) => fetch(`${server.url}proxy?url=${encodeURIComponent(url)}`, init);
    const once = async () => {
      const r = await verifyImage({ reference: `${registry.host}/app:keyless-sig`, client: createRegistryClient({ fetch: viaProxy }), policy: policyOf, trustedRoot });
      if (r.verdict !== 'verified') throw new Error(`bench image did not verify: ${r.headline}`);
    };
    const referenceToVerdict = summarise(await timeIt(once, n, 5));
    const proxy = await proxyThroughput(`${server.url}proxy?url=${encodeURIComponent(`${registry.url}/v2/app/manifests/${images.digests['keyless-sig']}`)}`, 2000, 16);
    return { referenceToVerdict, proxy };
  } finally {
    await server.close();
    await registry.stop();
  }
}

// A fixed number of manifest GETs through the proxy, `concurrency` in flight at a time.
async function proxyThroughput(url: string, requests: number, concurrency: number): Promise<RegistryBench['proxy']> {
  const latencies: number[] = [];
  let next = 0;
  const headers = { Accept: 'application/vnd.oci.image.manifest.v1+json' };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`proxy answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests, concurrency, seconds, perSecond: requests / seconds, latency: summarise(latencies) };
}
