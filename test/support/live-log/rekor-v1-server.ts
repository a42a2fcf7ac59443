// A Rekor v1-compatible HTTP server over the test instance's Rekor v1 log: entries by UUID, entry ID and index,
// the signed tree head, consistency proofs and the index search — and the ways a lying log could answer.
import { createHash } from 'node:crypto';
import type { BundleJson, TestInstance, TlogEntryJson } from '../sigstore/index.ts';
import { MerkleTree } from '../sigstore/merkle.ts';
import { checkpointText, ecdsaNoteSignature, signedNote } from '../sigstore/signed-note.ts';
import { json, notFound, startLiveServer, type LiveServer, type Reply } from './http-server.ts';

/** Ways the server lies; each must be a clear failure in the client. */
export interface RekorV1Lies {
  /** Inclusion proofs are the audit path of the neighbouring leaf. */
  wrongInclusionProof?: boolean;
  /** Consistency proofs have one hash altered. */
  wrongConsistencyProof?: boolean;
  /** Any entry asked for is answered with another entry's body. */
  entryNotMatchingUuid?: boolean;
}

export interface RekorV1Server extends LiveServer {
  /** Which tree the server shows (a fork replaces it). */
  view: MerkleTree;
  lies: RekorV1Lies;
  readonly treeId: string;
  /** Files a bundle's entry in the index under its digest, key and the e-mail given; a DSSE bundle's payload is kept as
   *  the entry's attestation, as Rekor stores it for dsse and intoto entries. */
  record(entry: TlogEntryJson, keys?: { email?: string; attestation?: string }): string;
  /** The bundle with its inclusion proof and checkpoint remade against the tree the server shows now. */
  reprove(bundle: BundleJson): BundleJson;
  /** Shows a fork: the first n leaves of today's tree, then `extra` other leaves. */
  fork(n: number, extra: number): MerkleTree;
}

interface Stored {
  leafIndex: number;
  body: string;
  integratedTime: number;
  set: string;
  /** base64 of the stored attestation. */
  attestation?: string;
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const b64Of = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// The DER inside the first PEM block of a base64-encoded PEM (a body's verifier, a search's public key).
function pemDer(b64Pem: string): Uint8Array {
  const pem = Buffer.from(b64Pem, 'base64').toString('utf8');
  return new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
}

// Index keys Rekor derives from a body: the artifact digest and the verifier's key.
function bodyKeys(bodyB64: string): string[] {
  const body = JSON.parse(Buffer.from(bodyB64, 'base64').toString('utf8'));
  const keys: string[] = [];
  const hash = body.spec?.data?.hash;
  if (hash) keys.push(`${hash.algorithm}:${hash.value}`);
  const verifier = body.spec?.signature?.publicKey?.content ?? body.spec?.signatures?.[0]?.verifier;
  if (verifier) keys.push(`key:${sha256Hex(pemDer(verifier))}`);
  return keys;
}

// Starts the server for instance.rekorV1.
export async function startRekorV1Server(instance: TestInstance): Promise<RekorV1Server> {
  const log = instance.rekorV1;
  const treeId = log.origin.split(' - ')[1] ?? '0';
  const byLeaf = new Map<number, Stored>();
  const byUuid = new Map<string, number>();
  const index = new Map<string, string[]>();
  const signHead = (tree: MerkleTree, size: number): string => {
    const text = checkpointText({ origin: log.origin, size, rootHash: tree.root(size) });
    return signedNote(text, [ecdsaNoteSignature(log.host, log.key, text)]);
  };
  const file = (key: string, uuid: string) => index.set(key, [...(index.get(key) ?? []), uuid]);

  const entryJson = (s: Stored, asEntryId: boolean): Record<string, unknown> => {
    const tree = self.view;
    const size = tree.size;
    const leafIndex = self.lies.wrongInclusionProof ? (s.leafIndex > 0 ? s.leafIndex - 1 : s.leafIndex + 1) : s.leafIndex;
    const other = self.lies.entryNotMatchingUuid ? [...byLeaf.values()].find((o) => o.leafIndex !== s.leafIndex) : undefined;
    const uuid = hexOf(tree.leaf(s.leafIndex));
    return {
      [asEntryId ? `${BigInt(treeId).toString(16).padStart(16, '0')}${uuid}` : uuid]: {
        body: other?.body ?? s.body,
        ...(s.attestation ? { attestation: { data: s.attestation } } : {}),
        integratedTime: s.integratedTime,
        logID: hexOf(log.logId),
        logIndex: s.leafIndex,
        verification: {
          inclusionProof: { checkpoint: signHead(tree, size), hashes: tree.inclusionProof(leafIndex, size).map(hexOf), logIndex: s.leafIndex, rootHash: hexOf(tree.root(size)), treeSize: size },
          signedEntryTimestamp: s.set,
        },
      },
    };
  };

  const route = (path: string, query: URLSearchParams, body: string, method: string): Reply => {
    const tree = self.view;
    if (method === 'POST' && path === '/api/v1/index/retrieve') {
      const q = JSON.parse(body);
      const key = q.email ? `email:${String(q.email).toLowerCase()}` : q.hash ? String(q.hash) : q.publicKey ? `key:${sha256Hex(pemDer(q.publicKey.content))}` : '';
      // Every other result as an 80-hex entry ID, as Rekor answers across shards.
      return json((index.get(key) ?? []).map((uuid, i) => (i % 2 ? `${BigInt(treeId).toString(16).padStart(16, '0')}${uuid}` : uuid)));
    }
    if (method !== 'GET') return { status: 405, body: '{}' };
    if (path === '/api/v1/log') {
      return json({ rootHash: hexOf(tree.root()), treeSize: tree.size, signedTreeHead: signHead(tree, tree.size), treeID: treeId, inactiveShards: [] });
    }
    if (path === '/api/v1/log/proof') {
      const first = Number(query.get('firstSize'));
      const last = Number(query.get('lastSize') ?? tree.size);
      if (query.get('treeID') !== treeId) return notFound('unknown tree');
      if (!(first >= 1 && first <= last && last <= tree.size)) return { status: 400, body: JSON.stringify({ message: 'bad sizes' }) };
      const hashes = tree.consistencyProof(first, last).map(hexOf);
      if (self.lies.wrongConsistencyProof && hashes.length > 0) hashes[0] = hexOf(new Uint8Array(32).fill(7));
      return json({ rootHash: hexOf(tree.root(last)), hashes });
    }
    if (path === '/api/v1/log/entries' && query.has('logIndex')) {
      const s = byLeaf.get(Number(query.get('logIndex')));
      return s && s.leafIndex < tree.size ? json(entryJson(s, false)) : notFound();
    }
    const m = /^\/api\/v1\/log\/entries\/([0-9a-f]{64,80})$/.exec(path);
    if (m) {
      const leaf = byUuid.get(m[1]!.slice(-64));
      const s = leaf === undefined ? undefined : byLeaf.get(leaf);
      return s && s.leafIndex < tree.size ? json(entryJson(s, m[1]!.length === 80)) : notFound();
    }
    return notFound();
  };

  const server = await startLiveServer(route);
  const self: RekorV1Server = Object.assign(server, {
    view: log.tree,
    lies: {},
    treeId,
    record(entry: TlogEntryJson, keys: { email?: string; attestation?: string } = {}) {
      const leafIndex = Number(entry.logIndex);
      const uuid = hexOf(log.tree.leaf(leafIndex));
      byLeaf.set(leafIndex, { leafIndex, body: entry.canonicalizedBody, integratedTime: Number(entry.integratedTime), set: entry.inclusionPromise?.signedEntryTimestamp ?? '', ...(keys.attestation ? { attestation: keys.attestation } : {}) });
      byUuid.set(uuid, leafIndex);
      for (const key of bodyKeys(entry.canonicalizedBody)) file(key, uuid);
      if (keys.email) file(`email:${keys.email.toLowerCase()}`, uuid);
      return uuid;
    },
    reprove(bundle: BundleJson): BundleJson {
      const tree = self.view;
      const entries = bundle.verificationMaterial.tlogEntries.map((e) => {
        const leafIndex = Number(e.logIndex);
        return {
          ...e,
          inclusionProof: {
            logIndex: String(leafIndex),
            rootHash: b64Of(tree.root()),
            treeSize: String(tree.size),
            hashes: tree.inclusionProof(leafIndex).map(b64Of),
            checkpoint: { envelope: signHead(tree, tree.size) },
          },
        };
      });
      return { ...bundle, verificationMaterial: { ...bundle.verificationMaterial, tlogEntries: entries } };
    },
    fork(n: number, extra: number) {
      const forked = log.tree.prefix(n);
      for (let i = 0; i < extra; i++) forked.append(new TextEncoder().encode(`another history ${i}`));
      self.view = forked;
      return forked;
    },
  });
  return self;
}
