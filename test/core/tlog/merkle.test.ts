import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { auditPathSides, verifyInclusionProof } from '../../../src/core/tlog';
import type { TlogEntry } from '../../../src/core/bundle/types';
import { loadLogCase } from './conformance';
import { rejectionCode } from '../../support/error-code';

// An independent RFC 6962 §2.1 tree: MTH and PATH written from the RFC text with node:crypto.
const h = (...parts: Uint8Array[]) => new Uint8Array(createHash('sha256').update(Buffer.concat(parts)).digest());
const largestPowerBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 1) return h(Uint8Array.of(0), leaves[0]!);
  const k = largestPowerBelow(leaves.length);
  return h(Uint8Array.of(1), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length === 1) return [];
  const k = largestPowerBelow(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`leaf ${i}`));

function entryFor(body: Uint8Array, logIndex: number, treeSize: number, rootHash: Uint8Array, hashes: Uint8Array[]): TlogEntry {
  return {
    logIndex: 1000 + logIndex,
    logId: new Uint8Array(32),
    kind: 'hashedrekord',
    version: '0.0.1',
    integratedTime: 0,
    inclusionPromise: null,
    inclusionProof: { logIndex, treeSize, rootHash, hashes, checkpoint: '' },
    canonicalizedBody: body,
    where: 'entry',
  };
}

describe('verifyInclusionProof on a tree built in the test', () => {
  it('verifies every leaf of every tree up to 20 leaves, and the path has the RFC 6962 length', async () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = leavesOf(n);
      const root = mth(leaves);
      for (let m = 0; m < n; m++) {
        const proof = path(m, leaves);
        expect(auditPathSides(m, n)).toHaveLength(proof.length);
        const result = await verifyInclusionProof(entryFor(leaves[m]!, m, n, root, proof));
        expect(result.computedRoot).toBe(Buffer.from(root).toString('hex'));
        expect(result.levels).toHaveLength(proof.length);
        expect(result.levels.at(-1)?.result ?? result.leafHash).toBe(result.computedRoot);
      }
    }
  });

  it('rejects every other index for a proof, and indexes outside the tree', async () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = leavesOf(n);
      const root = mth(leaves);
      for (let m = 0; m < n; m++) {
        const proof = path(m, leaves);
        for (let wrong = 0; wrong <= n; wrong++) {
          if (wrong === m) continue;
          expect(await rejectionCode(() => verifyInclusionProof(entryFor(leaves[m]!, wrong, n, root, proof)))).toBe('TLOG_INCLUSION_INVALID');
        }
      }
    }
  });

  it('records the side of each sibling (leaf 2 of 5: right, left, right)', async () => {
    const leaves = leavesOf(5);
    const result = await verifyInclusionProof(entryFor(leaves[2]!, 2, 5, mth(leaves), path(2, leaves)));
    expect(result.levels.map((l) => l.side)).toEqual(['right', 'left', 'right']);
    expect(result.leafHash).toBe(Buffer.from(h(Uint8Array.of(0), leaves[2]!)).toString('hex'));
  });

  it('rejects a proof with a hash too many, too few, or of the wrong length', async () => {
    const leaves = leavesOf(7);
    const root = mth(leaves);
    const proof = path(3, leaves);
    const bad = (hashes: Uint8Array[]) => rejectionCode(() => verifyInclusionProof(entryFor(leaves[3]!, 3, 7, root, hashes)));
    expect(await bad([...proof, new Uint8Array(32)])).toBe('TLOG_INCLUSION_INVALID');
    expect(await bad(proof.slice(1))).toBe('TLOG_INCLUSION_INVALID');
    expect(await bad([proof[0]!.subarray(1), ...proof.slice(1)])).toBe('TLOG_INCLUSION_INVALID');
    expect(await bad(Array.from({ length: 65 }, () => new Uint8Array(32)))).toBe('TLOG_INCLUSION_INVALID');
  });

  it('rejects negative, fractional, unsafe and empty-tree values', async () => {
    const leaves = leavesOf(2);
    const root = mth(leaves);
    const proof = path(0, leaves);
    for (const [index, size] of [[-1, 2], [0.5, 2], [0, 0], [0, 2 ** 60], [0, Number.NaN]] as const) {
      expect(await rejectionCode(() => verifyInclusionProof(entryFor(leaves[0]!, index, size, root, proof)))).toBe('TLOG_INCLUSION_INVALID');
    }
  });

  it('handles leaf indexes beyond 2^32 without 32-bit arithmetic', () => {
    // size 2^33 + 1: the last leaf hangs off the root on the right with the whole left subtree as sibling.
    expect(auditPathSides(2 ** 33, 2 ** 33 + 1)).toEqual(['left']);
    expect(auditPathSides(0, 2 ** 33 + 1)).toHaveLength(34);
  });
});

describe('verifyInclusionProof on conformance data', () => {
  for (const name of ['happy-path-v0.3', 'happy-path-intoto-in-dsse-v3', 'rekor2-happy-path', 'intoto-with-custom-trust-root']) {
    it(`verifies ${name}`, async () => {
      const { entry } = loadLogCase(name);
      const result = await verifyInclusionProof(entry);
      expect(result.leafIndex).toBe(entry.inclusionProof!.logIndex);
      expect(result.computedRoot).toBe(Buffer.from(entry.inclusionProof!.rootHash).toString('hex'));
    });
  }

  it('rejects inclusion-proof-corrupted-hash_fail and invalid-inclusion-proof_fail', async () => {
    expect(await rejectionCode(() => verifyInclusionProof(loadLogCase('inclusion-proof-corrupted-hash_fail').entry))).toBe('TLOG_INCLUSION_INVALID');
    expect(await rejectionCode(() => verifyInclusionProof(loadLogCase('invalid-inclusion-proof_fail').entry))).toBe('TLOG_INCLUSION_INVALID');
  });

  it('reports a missing proof (rekor2-no-inclusion-proof_fail, intoto-missing-inclusion-proof_fail)', async () => {
    expect(await rejectionCode(() => verifyInclusionProof(loadLogCase('rekor2-no-inclusion-proof_fail').entry))).toBe('TLOG_INCLUSION_MISSING');
    expect(await rejectionCode(() => verifyInclusionProof(loadLogCase('intoto-missing-inclusion-proof_fail').entry))).toBe('TLOG_INCLUSION_MISSING');
  });

  it('fails on a single flipped bit in any proof hash, the root or the body', async () => {
    const { entry } = loadLogCase('happy-path-v0.3');
    const proof = entry.inclusionProof!;
    const flip = (b: Uint8Array, i = 0) => {
      const c = b.slice();
      c[i]! ^= 1;
      return c;
    };
    for (let i = 0; i < proof.hashes.length; i++) {
      const hashes = proof.hashes.map((x, j) => (j === i ? flip(x, 31) : x));
      expect(await rejectionCode(() => verifyInclusionProof({ ...entry, inclusionProof: { ...proof, hashes } }))).toBe('TLOG_INCLUSION_INVALID');
    }
    expect(await rejectionCode(() => verifyInclusionProof({ ...entry, inclusionProof: { ...proof, rootHash: flip(proof.rootHash) } }))).toBe(
      'TLOG_INCLUSION_INVALID',
    );
    expect(await rejectionCode(() => verifyInclusionProof({ ...entry, canonicalizedBody: flip(entry.canonicalizedBody, 10) }))).toBe('TLOG_INCLUSION_INVALID');
  });

  it('requires a Rekor v2 proof to be for the entry index', async () => {
    const { entry } = loadLogCase('rekor2-happy-path');
    expect(await rejectionCode(() => verifyInclusionProof({ ...entry, logIndex: entry.logIndex + 1 }))).toBe('TLOG_INCLUSION_INVALID');
  });
});
