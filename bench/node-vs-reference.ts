// Node: Signet against @sigstore/verify on the same conformance bundles, interleaved in one run.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type * as Core from '../src/core';
import type { VerificationPolicy } from '../src/core';
import { summarise, timeIt, type Sample } from './stats';

interface Case {
  name: string;
  mode: 'PATH' | 'DIGEST';
  expect: 'pass' | 'fail';
  bundle: string;
  artifact: string | null;
  identity: string | null;
  issuer: string | null;
  key: string | null;
  trusted_root: string;
}

export interface CaseResult {
  name: string;
  signet: Sample;
  reference: Sample;
  ratio: number;
}

// Median verification time for each passing PATH case under both verifiers.
// `core` is the engine as built for users (a Vite bundle), not the TypeScript sources run through a loader.
export async function benchAgainstReference(dir: string, n: number, core: typeof Core): Promise<CaseResult[]> {
  const { parseTrustedRoot, verifyBundle } = core;
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Case[]).filter((c) => c.expect === 'pass' && c.mode === 'PATH');
  const results: CaseResult[] = [];
  for (const c of cases) {
    const read = (p: string) => readFileSync(join(dir, p));
    const bundleText = read(c.bundle).toString('utf8');
    const artifact = new Uint8Array(read(c.artifact!));
    const rootText = read(c.trusted_root).toString('utf8');
    const keyPem = c.key ? read(c.key).toString('utf8') : undefined;

    const signetRoot = parseTrustedRoot(rootText, { name: 'bench', description: c.trusted_root });
    const policy: VerificationPolicy = keyPem
      ? { kind: 'key', publicKey: keyPem }
      : { kind: 'identity', identity: { identity: { exact: c.identity! }, issuer: { exact: c.issuer! } } };
    const signet = async () => {
      const r = await verifyBundle({ bundle: bundleText, artifact: { kind: 'bytes', bytes: artifact }, policy, trustedRoot: signetRoot });
      if (r.verdict !== 'verified') throw new Error(`${c.name}: Signet did not verify: ${r.headline}`);
    };

    const keyFinder = keyPem ? () => ({ publicKey: createPublicKey(keyPem), validFor: () => true }) : undefined;
    const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(rootText)), keyFinder);
    const verifier = new Verifier(trust);
    const refPolicy = keyPem ? {} : { subjectAlternativeName: c.identity!, extensions: { issuer: c.issuer! } };
    const artifactBuf = Buffer.from(artifact);
    const reference = () => {
      // Parsing is part of the work for both: Signet's time includes parsing the bundle text too.
      const entity = toSignedEntity(bundleFromJSON(JSON.parse(bundleText)), artifactBuf);
      verifier.verify(entity, refPolicy);
    };

    try {
      reference();
    } catch (err) {
      process.stdout.write(`  (skipped ${c.name}: @sigstore/verify rejects it: ${(err as Error).message})\n`);
      continue;
    }
    await signet();
    // Interleave the two so drift in machine load affects both alike.
    const a: number[] = [];
    const b: number[] = [];
    await timeIt(signet, 0, 10);
    await timeIt(reference, 0, 10);
    for (let round = 0; round < 5; round++) {
      a.push(...(await timeIt(signet, Math.ceil(n / 5), 0)));
      b.push(...(await timeIt(reference, Math.ceil(n / 5), 0)));
    }
    const s = summarise(a);
    const r = summarise(b);
    results.push({ name: c.name, signet: s, reference: r, ratio: r.median / s.median });
  }
  return results;
}
