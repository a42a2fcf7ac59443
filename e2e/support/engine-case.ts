// One verification case as plain JSON, run by the engine the same way in Node and, bundled by Vite, in Chromium: the
// inputs are handed over as `verify-bundle` hands them (a cosign dump holding several signatures verifies each).
import { fromHex, parseDigestLabel, parseTrustedRoot, severalSignatures, verifyBundle, type ArtifactInput, type VerificationPolicy } from '../../src/core';
import { outcomeOf, type EngineOutcome } from './engine-outcome';

export interface EngineCase {
  name: string;
  bundle: string;
  /** trusted_root.json text. */
  trustedRoot: string;
  /** The artifact's bytes as hex, or a digest label as typed (sha512:…). */
  artifact: { hex: string } | { digest: string } | null;
  /** Exact identity and issuer (issuer null: any), or a PEM public key. */
  signer: { identity: string; issuer: string | null } | { keyPem: string };
  thresholds?: { tlog?: number; sct?: number; timestamps?: number };
  useSignedTimestamps?: boolean;
}

// Run one case; an input the engine refuses before verifying (trusted root, digest) is one "rejected" outcome with the code.
export async function runEngineCase(c: EngineCase): Promise<EngineOutcome[]> {
  let artifact: ArtifactInput | null = null;
  let trustedRoot;
  try {
    trustedRoot = parseTrustedRoot(c.trustedRoot, { name: 'Custom trusted root', description: c.name });
    if (c.artifact && 'hex' in c.artifact) artifact = { kind: 'bytes', bytes: fromHex(c.artifact.hex, 'artifact') };
    else if (c.artifact) {
      const digest = parseDigestLabel(c.artifact.digest);
      if (!digest) return [{ verdict: 'rejected', steps: ['artifact:DIGEST_INVALID'] }];
      artifact = { kind: 'digest', ...digest };
    }
  } catch (err) {
    return [{ verdict: 'rejected', steps: [`input:${(err as { code?: string }).code ?? 'unknown'}`] }];
  }
  const policy: VerificationPolicy =
    'keyPem' in c.signer
      ? { kind: 'key', publicKey: c.signer.keyPem }
      : { kind: 'identity', identity: { identity: { exact: c.signer.identity }, issuer: c.signer.issuer === null ? { regexp: '.*' } : { exact: c.signer.issuer } } };
  const options = { ...(c.thresholds ? { thresholds: c.thresholds } : {}), ...(c.useSignedTimestamps ? { useSignedTimestamps: true } : {}) };
  const bundles = severalSignatures(c.bundle) ?? [c.bundle];
  const results = await Promise.all(bundles.map((bundle) => verifyBundle({ bundle, artifact, policy, trustedRoot, ...options })));
  return results.map(outcomeOf);
}

// Run cases one after another (the page's event loop stays free between them).
export async function runEngineCases(cases: EngineCase[]): Promise<EngineOutcome[][]> {
  const out: EngineOutcome[][] = [];
  for (const c of cases) out.push(await runEngineCase(c));
  return out;
}
