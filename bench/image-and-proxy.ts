// Registry figures over HTTPS (a local docker-registry with a CA the bench creates and trusts): image reference to
// verdict through the proxy with one connection per upstream request against pooled connections, and manifest
// GETs per second at 16 in flight through the proxy against the registry directly, in the same run.
import { createTestInstance } from '../test/support/sigstore';
import { startRegistry, registryMissingReason } from '../test/support/registry/start-registry';
import { pushSignedImages } from '../test/support/registry/signed-images';
import { createTestTls, fetchTrusting } from '../test/support/registry/tls-ca';
import { parseTrustedRootJson, type TrustedRoot, type VerificationPolicy } from '../src/core';
import { createRegistryClient, type FetchFunction } from '../src/oci';
import { verifyImage } from '../src/image';
import { proxyUrl } from '../src/http/proxy-wire';
import { resolveProxyPolicy } from '../src/proxy';
import { startServer, type RunningServer } from '../src/server/start-server';
import { summarise, timeIt, type Sample } from './stats';

export interface Throughput {
  requests: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  latency: Sample;
}

export interface RegistryBench {
  referenceToVerdict: { unpooled: Sample; pooled: Sample; direct: Sample };
  /** Rounds alternate direct and proxy so drift on a shared machine hits both alike. */
  throughput: { direct: Throughput[]; proxy: Throughput[]; overhead: number };
}

const ROUNDS = 3;
const REQUESTS = 2000;
const IN_FLIGHT = 16;

// Start an HTTPS registry with the signed images and two servers with the proxy (unpooled, pooled); measure.
export async function benchRegistry(n: number): Promise<RegistryBench | string> {
  const missing = registryMissingReason();
  if (missing) return missing;
  const tls = createTestTls();
  const trusting = fetchTrusting(tls.caPem);
  const registry = await startRegistry({ tls });
  // The benchmark's own client is the only one: lift the per-client rate limit that protects a public deployment.
  const policy = resolveProxyPolicy({ allowLoopback: true, rate: { burst: 1_000_000, perSecond: 1_000_000 } });
  const servers: RunningServer[] = [];
  try {
    const unpooled = await startServer({ port: 0, host: '127.0.0.1', root: 'dist', proxy: policy, upstream: { pool: false, extraCa: [tls.caPem] } });
    servers.push(unpooled);
    const pooled = await startServer({ port: 0, host: '127.0.0.1', root: 'dist', proxy: policy, upstream: { extraCa: [tls.caPem] } });
    servers.push(pooled);
    const instance = createTestInstance();
    const images = await pushSignedImages(registry.url, registry.host, instance, trusting.fetch);
    const trustedRoot = parseTrustedRootJson(instance.trustedRoot() as never, { name: 'bench', description: 'test instance' });
    const identity: VerificationPolicy = { kind: 'identity', identity: { identity: { exact: images.san }, issuer: { exact: images.issuer } } };
    const reference = `${registry.host}/app:keyless-sig`;
    // The browser's path: every registry request through a proxy's HTTP endpoint.
    const through = (server: RunningServer): FetchFunction => (url, init) => fetch(proxyUrl(url, server.url), init);
    const verdict = (fetchFn: FetchFunction) => () => verifyOnce(reference, fetchFn, identity, trustedRoot);
    const referenceToVerdict = {
      unpooled: summarise(await timeIt(verdict(through(unpooled)), n, 5)),
      pooled: summarise(await timeIt(verdict(through(pooled)), n, 5)),
      direct: summarise(await timeIt(verdict(trusting.fetch as FetchFunction), n, 5)),
    };
    const manifest = `${registry.url}/v2/app/manifests/${images.digests['keyless-sig']}`;
    const direct: Throughput[] = [];
    const proxy: Throughput[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      direct.push(await throughput(() => trusting.fetch(manifest, { headers: MANIFEST_ACCEPT })));
      proxy.push(await throughput(() => fetch(proxyUrl(manifest, pooled.url), { headers: MANIFEST_ACCEPT })));
    }
    const median = (runs: Throughput[]) => summarise(runs.map((run) => run.perSecond)).median;
    return { referenceToVerdict, throughput: { direct, proxy, overhead: 1 - median(proxy) / median(direct) } };
  } finally {
    await Promise.all(servers.map((server) => server.close()));
    await trusting.close();
    await registry.stop();
  }
}

const MANIFEST_ACCEPT = { Accept: 'application/vnd.oci.image.manifest.v1+json' };

// One image verification over fetchFn (https to the registry), which must come out verified.
async function verifyOnce(reference: string, fetchFn: FetchFunction, policy: VerificationPolicy, trustedRoot: TrustedRoot): Promise<void> {
  const client = createRegistryClient({ fetch: fetchFn, plainHttp: () => false });
  const result = await verifyImage({ reference, client, policy, trustedRoot });
  if (result.verdict !== 'verified') throw new Error(`bench image did not verify: ${result.headline}`);
}

// REQUESTS manifest GETs, IN_FLIGHT at a time, each read to its end.
async function throughput(get: () => Promise<Response>): Promise<Throughput> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < REQUESTS) {
        next++;
        const t = performance.now();
        const res = await get();
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: REQUESTS, concurrency: IN_FLIGHT, seconds, perSecond: REQUESTS / seconds, latency: summarise(latencies) };
}
