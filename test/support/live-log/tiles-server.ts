// A C2SP tlog-tiles server (under /api/v2, as Rekor v2 serves it) over the test instance's Rekor v2 log:
// the signed checkpoint with witness cosignatures, hash tiles, partial tiles only up to the checkpoint, entry bundles.
import type { TestInstance, TlogEntryJson } from '../sigstore/index.ts';
import type { MerkleTree } from '../sigstore/merkle.ts';
import { checkpointText, ed25519NoteSignature, signedNote, witnessCosignature } from '../sigstore/signed-note.ts';
import { notFound, startLiveServer, type LiveServer, type Reply } from './http-server.ts';
import { TiledTree } from './tiled-tree.ts';

export interface TilesLies {
  /** Tiles have one hash altered. */
  wrongTile?: boolean;
  /** Entry bundles hold another body at every position. */
  wrongEntry?: boolean;
  /** Witness cosignatures carry one flipped signature bit. */
  wrongCosignature?: boolean;
  /** Witness cosignatures are dated this many seconds after the instance's clock. */
  cosignatureSkewSeconds?: number;
}

export interface TilesServer extends LiveServer {
  view: MerkleTree;
  lies: TilesLies;
  /** Appends n entries of known bytes to the log (so every entry bundle can be served). */
  fill(n: number): void;
  /** Files a bundle's entry so its bundle can be served. */
  record(entry: TlogEntryJson): void;
  /** Shows a fork: today's first n leaves, then `extra` other entries. */
  fork(n: number, extra: number): MerkleTree;
  /** Appends an entry to the tree shown (a fork can carry the victim's entry on). */
  append(bytes: Uint8Array): void;
}

const TILE = /^\/api\/v2\/tile\/(\d{1,2}|entries)\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d{1,3}))?$/;

// Starts the server for instance.rekorV2, whose tree must hold only entries this server knows (on port, default any).
export async function startTilesServer(instance: TestInstance, port = 0): Promise<TilesServer> {
  const log = instance.rekorV2;
  const data = new Map<MerkleTree, Uint8Array[]>([[log.tree, []]]);
  const tiled = new Map<MerkleTree, TiledTree>();
  const entriesOf = (tree: MerkleTree) => data.get(tree)!;
  // The tiled form of the view, extended to its current size.
  const tiledOf = (tree: MerkleTree): TiledTree => {
    const t = tiled.get(tree) ?? new TiledTree();
    tiled.set(tree, t);
    for (let i = t.size; i < tree.size; i++) t.appendLeafHash(tree.leaf(i));
    return t;
  };
  const checkpoint = (tree: MerkleTree): string => {
    const text = checkpointText({ origin: log.origin, size: tree.size, rootHash: tiledOf(tree).root() });
    const t = Math.floor(instance.now().getTime() / 1000) + (self.lies.cosignatureSkewSeconds ?? 0);
    const cosignatures = log.witnesses.map((w) => witnessCosignature(w.name, w.key, text, t));
    if (self.lies.wrongCosignature) for (const c of cosignatures) c.signature[0] = c.signature[0]! ^ 0x01;
    return signedNote(text, [ed25519NoteSignature(log.host, log.key, text), ...cosignatures]);
  };

  const route = (path: string): Reply => {
    const tree = self.view;
    if (path === '/api/v2/checkpoint') return { status: 200, body: checkpoint(tree), type: 'text/plain; charset=utf-8' };
    const m = TILE.exec(path);
    if (!m) return notFound();
    const index = Number(m[2]!.replace(/x/g, '').replace(/\//g, ''));
    const width = m[3] === undefined ? 256 : Number(m[3]);
    if (width < 1 || width > 256) return notFound();
    const level = m[1] === 'entries' ? 0 : Number(m[1]);
    // Only tiles that exist in the tree shown: a partial tile exactly as wide as the tree implies.
    const stored = Math.floor(tree.size / 256 ** level);
    const available = Math.min(256, stored - index * 256);
    if (available < width || (width < 256 && available !== width)) return notFound();
    if (m[1] === 'entries') {
      const entries = entriesOf(tree).slice(index * 256, index * 256 + width);
      const parts = entries.map((e) => (self.lies.wrongEntry ? new TextEncoder().encode('a body the log never held') : e));
      return { status: 200, body: new Uint8Array(Buffer.concat(parts.flatMap((e) => [Buffer.of(e.length >> 8, e.length & 0xff), Buffer.from(e)]))), type: 'application/octet-stream' };
    }
    const bytes = tiledOf(tree).tile(level, index, width);
    if (self.lies.wrongTile) bytes[0] = bytes[0]! ^ 0xff;
    return { status: 200, body: bytes, type: 'application/octet-stream' };
  };

  const server = await startLiveServer(route, port);
  const self: TilesServer = Object.assign(server, {
    view: log.tree,
    lies: {},
    fill(n: number) {
      const entries = entriesOf(log.tree);
      for (let i = 0; i < n; i++) {
        const bytes = new TextEncoder().encode(`{"entry":${log.tree.size}}`);
        log.tree.append(bytes);
        entries.push(bytes);
      }
    },
    record(entry: TlogEntryJson) {
      entriesOf(log.tree)[Number(entry.logIndex)] = new Uint8Array(Buffer.from(entry.canonicalizedBody, 'base64'));
    },
    append(bytes: Uint8Array) {
      self.view.append(bytes);
      entriesOf(self.view).push(bytes);
    },
    fork(n: number, extra: number) {
      const forked = log.tree.prefix(n);
      const entries = entriesOf(log.tree).slice(0, n);
      for (let i = 0; i < extra; i++) {
        const bytes = new TextEncoder().encode(`{"another history":${i}}`);
        forked.append(bytes);
        entries.push(bytes);
      }
      data.set(forked, entries);
      self.view = forked;
      return forked;
    },
  });
  return self;
}
