// `signet verify -f list` over 50 signed images in a local registry: one at a time against --concurrency 8,
// wall time of the whole command and registry requests per image (as the command counts and prints them).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestInstance, DEFAULT_IDENTITY } from '../test/support/sigstore';
import { signImageLayer } from '../test/support/sigstore/cosign-legacy';
import { buildImage } from '../test/support/registry/image-builders';
import { pushClient } from '../test/support/registry/push';
import { registryMissingReason, startRegistry } from '../test/support/registry/start-registry';
import type { Bytes } from '../test/support/registry/descriptor';
import { summarise, type Sample } from './stats';

const IMAGES = 50;
const run = promisify(execFile);

export interface BatchRun {
  concurrency: number;
  wall: Sample;
  requestsPerImage: number;
}

// Push IMAGES keyless-signed images (each its own repository, as a cluster's images are), then time both modes `rounds` times.
export async function benchBatch(rounds: number): Promise<BatchRun[] | string> {
  const missing = registryMissingReason();
  if (missing) return missing;
  const registry = await startRegistry();
  try {
    const instance = createTestInstance();
    const push = pushClient(registry.url);
    const refs: string[] = [];
    for (let i = 0; i < IMAGES; i++) {
      const repo = `team/service-${i}`;
      const built = buildImage({ os: 'linux', architecture: 'amd64' }, new TextEncoder().encode(`layer ${i}`) as Bytes);
      await push.push(repo, built, 'v1');
      const sig = signImageLayer(instance, { digest: built.digest, repository: `${registry.host}/${repo}` }, { tsa: true });
      await push.pushCosignTag(repo, built.digest, 'sig', [{ mediaType: sig.layer.mediaType, bytes: sig.layer.payload as Bytes, annotations: sig.layer.annotations }]);
      refs.push(`${registry.host}/${repo}:v1`);
    }
    const dir = mkdtempSync(join(tmpdir(), 'signet-batch-'));
    writeFileSync(join(dir, 'images.txt'), `${refs.join('\n')}\n`);
    writeFileSync(join(dir, 'root.json'), JSON.stringify(instance.trustedRoot()));
    const args = ['bin/signet.mjs', 'verify', '-f', join(dir, 'images.txt'), '--trusted-root', join(dir, 'root.json'), '--certificate-identity', (DEFAULT_IDENTITY.san as { uri: string }).uri, '--certificate-oidc-issuer', DEFAULT_IDENTITY.issuer];
    const results: BatchRun[] = [];
    const times: Record<number, number[]> = { 1: [], 8: [] };
    const perImage: Record<number, number> = {};
    for (let round = 0; round < rounds; round++) {
      for (const concurrency of [1, 8]) {
        const t = performance.now();
        const { stderr } = await run(process.execPath, [...args, '--concurrency', String(concurrency)], { maxBuffer: 64 * 1024 * 1024 });
        times[concurrency]!.push(performance.now() - t);
        const totals = /^(\d+) images: (\d+) verified, 0 not verified; (\d+) registry requests/m.exec(stderr);
        if (!totals || Number(totals[2]) !== IMAGES) throw new Error(`batch did not verify all ${IMAGES} images:\n${stderr.slice(-2000)}`);
        perImage[concurrency] = Number(totals[3]) / IMAGES;
      }
    }
    for (const concurrency of [1, 8]) results.push({ concurrency, wall: summarise(times[concurrency]!), requestsPerImage: perImage[concurrency]! });
    return results;
  } finally {
    await registry.stop();
  }
}
