// Consistency proofs (RFC 9162 §2.1.4.2) against an independent tree, and the fork they reveal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consistencyProofLength, verifyConsistencyProof } from '../../../src/core/tlog';
import { MerkleTree } from '../../support/sigstore/merkle';
import { rejection, rejectionCode } from '../../support/error-code';

const tree = (n: number, tag = 'leaf') => {
  const t = new MerkleTree();
  for (let i = 0; i < n; i++) t.append(new TextEncoder().encode(`${tag} ${i}`));
  return t;
};
const input = (t: MerkleTree, m: number, n: number, proof = t.consistencyProof(m, n)) => ({ oldSize: m, oldRoot: t.root(m), newSize: n, newRoot: t.root(n), proof, where: 'test' });

describe('verifyConsistencyProof', () => {
  it('accepts every proof between every pair of sizes up to 40, each of the RFC length', async () => {
    const t = tree(40);
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = t.consistencyProof(m, n);
        expect(proof.length).toBe(consistencyProofLength(m, n));
        await expect(verifyConsistencyProof(input(t, m, n, proof))).resolves.toMatchObject({ oldSize: m, newSize: n });
      }
    }
  });

  it('refuses any altered hash, a dropped or an extra hash, or swapped sizes', async () => {
    const t = tree(300);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 299 }), fc.integer({ min: 1, max: 300 }), fc.nat(), async (m, n0, pick) => {
        const n = Math.max(m + 1, n0);
        const proof = t.consistencyProof(m, n);
        const i = pick % proof.length;
        const altered = proof.map((h, j) => (j === i ? h.map((b, k) => (k === 0 ? b ^ 1 : b)) : h));
        const codes = await Promise.all([
          rejectionCode(verifyConsistencyProof(input(t, m, n, altered))),
          rejectionCode(verifyConsistencyProof(input(t, m, n, proof.slice(1)))),
          rejectionCode(verifyConsistencyProof(input(t, m, n, [...proof, proof[0]!]))),
        ]);
        expect(codes.every((c) => c === 'TLOG_CONSISTENCY_INVALID' || c === 'TLOG_FORKED')).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(await rejectionCode(verifyConsistencyProof({ ...input(t, 10, 20), oldSize: 20, newSize: 10, oldRoot: t.root(20), newRoot: t.root(10) }))).toBe('TLOG_CONSISTENCY_INVALID');
  });

  it('names both roots when two trees agree up to N and then diverge', async () => {
    const honest = tree(100);
    const forked = honest.prefix(60);
    for (let i = 0; i < 80; i++) forked.append(new TextEncoder().encode(`other ${i}`));
    // The victim holds the honest tree of 90 leaves; the log now shows everyone the forked tree of 140.
    const err = await rejection(verifyConsistencyProof({ oldSize: 90, oldRoot: honest.root(90), newSize: 140, newRoot: forked.root(140), proof: forked.consistencyProof(90, 140), where: 'live log' }));
    expect(err.code).toBe('TLOG_FORKED');
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(err.detail.expected).toContain(hex(honest.root(90)));
    expect(err.detail.found).toContain(hex(forked.root(90)));
    expect(err.detail.found).toContain(hex(forked.root(140)));
    // Up to the fork point the histories agree.
    await expect(verifyConsistencyProof({ oldSize: 60, oldRoot: honest.root(60), newSize: 140, newRoot: forked.root(140), proof: forked.consistencyProof(60, 140), where: 'live log' })).resolves.toBeTruthy();
  });

  it('equal sizes need equal roots and no proof; an empty older tree is a prefix of anything', async () => {
    const a = tree(8);
    const b = tree(8, 'other');
    expect(await rejectionCode(verifyConsistencyProof({ oldSize: 8, oldRoot: a.root(), newSize: 8, newRoot: b.root(), proof: [], where: 't' }))).toBe('TLOG_FORKED');
    await expect(verifyConsistencyProof({ oldSize: 8, oldRoot: a.root(), newSize: 8, newRoot: a.root(), proof: [], where: 't' })).resolves.toBeTruthy();
    await expect(verifyConsistencyProof({ oldSize: 0, oldRoot: a.root(0), newSize: 8, newRoot: a.root(), proof: [], where: 't' })).resolves.toBeTruthy();
  });
});
