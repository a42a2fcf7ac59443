// The live checks over Rekor v1's REST API: GET /api/v1/log for today's signed tree head (per shard),
// GET /api/v1/log/entries?logIndex= for the entry and its proof today, GET /api/v1/log/proof for consistency.
import { bytesEqual } from '../core/encoding/bytes';
import { toHex } from '../core/encoding/hex';
import { VerifyError } from '../core/errors';
import type { Evidence } from '../core/evidence';
import type { TransparencyLogInstance } from '../core/trust/types';
import { hashLeaf, parseCheckpoint, verifyCheckpoint, verifyConsistencyProof, verifyInclusionProof, type RekorTreeHead } from '../core/tlog';
import { consistencyOutcome, type LiveHead, type LiveLog } from './live-log';
import type { RekorV1Client } from './rekor-v1';

// The shard tree ID a Rekor v1 checkpoint origin names ("rekor.sigstore.dev - 1193050959916656506").
function treeIdOf(checkpoint: string | undefined): string | undefined {
  if (!checkpoint) return undefined;
  try {
    return / - ([0-9]{1,20})$/.exec(parseCheckpoint(checkpoint).origin)?.[1];
  } catch {
    return undefined;
  }
}

// A LiveLog for one Rekor v1 log of the trusted root, reached through client.
export function rekorV1LiveLog(client: RekorV1Client, log: TransparencyLogInstance): LiveLog {
  const verifyHead = async (head: RekorTreeHead, where: string): Promise<LiveHead> => {
    const evidence = await verifyCheckpoint({ logIndex: 0, hashes: [], checkpoint: head.signedTreeHead, rootHash: head.rootHash, treeSize: head.treeSize }, log, where);
    return { size: head.treeSize, rootHash: head.rootHash, checkpoint: head.signedTreeHead, treeId: head.treeId, evidence: [...evidence, { kind: 'text', key: 'checkpoint', label: 'live checkpoint (signed note)', value: head.signedTreeHead }] };
  };

  const self: LiveLog = {
    kind: 'rekor-v1',
    log,
    url: client.url,
    async head(entry) {
      const info = await client.logInfo();
      const wanted = treeIdOf(entry.inclusionProof?.checkpoint);
      const shard = wanted === undefined || info.active.treeId === wanted ? info.active : info.inactive.find((s) => s.treeId === wanted);
      if (!shard) {
        throw new VerifyError('REKOR_RESPONSE_INVALID', `the log lists no shard with tree ID ${wanted}, the tree the bundle's checkpoint names`, {
          expected: `tree ID ${wanted}`,
          found: [info.active, ...info.inactive].map((s) => s.treeId).join(', '),
          where: `${client.url}/api/v1/log`,
        });
      }
      return verifyHead(shard, `${client.url}/api/v1/log${shard === info.active ? '' : ` inactive shard ${shard.treeId}`}`);
    },
    async inclusion(entry, head) {
      const live = await client.getByIndex(entry.logIndex);
      const where = `${client.url}/api/v1/log/entries?logIndex=${entry.logIndex}`;
      if (!bytesEqual(live.entry.logId, entry.logId)) {
        throw new VerifyError('REKOR_ENTRY_MISMATCH', 'the live log has this index from another log', { expected: toHex(entry.logId), found: toHex(live.entry.logId), where });
      }
      if (!bytesEqual(live.entry.canonicalizedBody, entry.canonicalizedBody)) {
        throw new VerifyError('REKOR_ENTRY_MISMATCH', `the live log holds another body at index ${entry.logIndex}`, { expected: `leaf ${toHex(await hashLeaf(entry.canonicalizedBody))}`, found: `leaf ${live.uuid}`, where });
      }
      if (entry.integratedTime !== null && live.entry.integratedTime !== entry.integratedTime) {
        throw new VerifyError('REKOR_ENTRY_MISMATCH', 'the live log gives this entry another integrated time', { expected: String(entry.integratedTime), found: String(live.entry.integratedTime), where: `${where} integratedTime` });
      }
      if (!live.entry.inclusionProof) throw new VerifyError('TLOG_INCLUSION_MISSING', 'the live entry comes without an inclusion proof', { expected: 'verification.inclusionProof', found: 'none', where });
      const path = await verifyInclusionProof(live.entry);
      const proof = live.entry.inclusionProof;
      // The proof's tree must be one the log signed: its own checkpoint, or today's head itself.
      const linked: Evidence[] = [];
      if (proof.treeSize !== head.size || !bytesEqual(proof.rootHash, head.rootHash)) {
        await verifyCheckpoint(proof, log, `${where} inclusionProof.checkpoint`);
        const proofHead: LiveHead = { ...head, size: proof.treeSize, rootHash: proof.rootHash };
        const [older, newer] = proof.treeSize <= head.size ? [proofHead, head] : [head, proofHead];
        const c = await self.consistency(older.size, older.rootHash, newer);
        linked.push({ kind: 'text', label: 'proof tree linked to today’s head', value: `consistency ${c.proof.oldSize} → ${c.proof.newSize} leaves verified` });
      }
      return {
        path,
        evidence: [
          { kind: 'text', label: 'live entry', value: `${live.entryId} at index ${live.entry.logIndex}` },
          { kind: 'merkle-path', label: 'audit path in today’s tree', value: path },
          ...linked,
        ],
      };
    },
    async consistency(oldSize, oldRoot, head) {
      const where = `${client.url}/api/v1/log/proof?firstSize=${oldSize}&lastSize=${head.size}&treeID=${head.treeId ?? ''}`;
      let hashes: Uint8Array[] = [];
      if (oldSize > head.size) {
        throw new VerifyError('TLOG_CONSISTENCY_INVALID', `today's tree of ${head.size} leaves is smaller than the signed tree of ${oldSize} leaves: the log lost entries`, { expected: `at least ${oldSize} leaves`, found: `${head.size} leaves`, where: `${client.url}/api/v1/log` });
      }
      if (oldSize > 0 && oldSize < head.size) {
        const proof = await client.consistencyProof(oldSize, head.size, head.treeId ?? '');
        if (!bytesEqual(proof.rootHash, head.rootHash)) {
          throw new VerifyError('REKOR_RESPONSE_INVALID', 'the consistency proof is for another tree than today’s signed head', { expected: toHex(head.rootHash), found: toHex(proof.rootHash), where });
        }
        hashes = proof.hashes;
      }
      const proof = await verifyConsistencyProof({ oldSize, oldRoot, newSize: head.size, newRoot: head.rootHash, proof: hashes, where });
      return consistencyOutcome(proof);
    },
  };
  return self;
}

