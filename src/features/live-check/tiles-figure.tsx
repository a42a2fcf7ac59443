// The tiles a proof was computed from (C2SP tlog-tiles), drawn like the audit path: each tile as a grid of its
// 256 slots, the hashes it holds, which of them made which proof hash, and where the entry's own leaf sits.
import type { TilesDrawing } from '../../audit';

const COLUMNS = 32;
const CELL = 11;
const GAP = 1;

type Tile = TilesDrawing['tiles'][number];

// The proof hash each slot of a tile fed, if any.
function slotRoles(tile: Tile): Map<number, number> {
  const roles = new Map<number, number>();
  for (const r of tile.reads) for (let i = r.first; i < r.first + r.count; i++) roles.set(i, r.proofIndex);
  return roles;
}

// One tile: 256 slots in rows of 32; slots past a partial tile's width are outlined only.
function TileGrid({ tile, leaf }: { tile: Tile; leaf: number | undefined }) {
  const roles = slotRoles(tile);
  const rows = 256 / COLUMNS;
  const size = COLUMNS * (CELL + GAP);
  return (
    <svg viewBox={`0 0 ${size} ${rows * (CELL + GAP)}`} className="block w-full max-w-md" role="img" aria-label={`${tile.path}: ${tile.width} of 256 hashes; ${roles.size} used by the proof${leaf === undefined ? '' : `; the entry’s leaf at position ${leaf}`}`}>
      {Array.from({ length: 256 }, (_, i) => {
        const role = roles.get(i);
        const cls =
          i === leaf
            ? 'fill-amber-400 stroke-amber-700 dark:fill-amber-500'
            : role !== undefined
              ? 'fill-sky-600 stroke-sky-800 dark:fill-sky-400 dark:stroke-sky-200'
              : i < tile.width
                ? 'fill-slate-200 stroke-slate-300 dark:fill-slate-700 dark:stroke-slate-600'
                : 'fill-none stroke-slate-200 dark:stroke-slate-800';
        return (
          <rect key={i} x={(i % COLUMNS) * (CELL + GAP)} y={Math.floor(i / COLUMNS) * (CELL + GAP)} width={CELL} height={CELL} rx={1.5} strokeWidth={0.6} className={cls}>
            <title>{`${tile.path} position ${i}${i === leaf ? ': this entry’s leaf hash' : role !== undefined ? `: used for proof hash ${role + 1}` : i < tile.width ? ': not needed' : ': not in the tree yet'}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

// What the reads of a tile made: "positions 0–127 → proof hash 3".
function readsText(tile: Tile): string {
  return tile.reads.map((r) => `${r.count === 1 ? `position ${r.first}` : `positions ${r.first}–${r.first + r.count - 1} hashed up`} → proof hash ${r.proofIndex + 1}`).join('; ');
}

// Every tile of one proof, highest level first, with the proof hashes they gave.
export function TilesFigure({ drawing }: { drawing: TilesDrawing }) {
  return (
    <figure className="grid min-w-0 gap-3" data-tiles={drawing.purpose}>
      <ol className="grid gap-3 sm:grid-cols-2">
        {drawing.tiles.map((tile) => (
          <li key={tile.path} className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-tile={tile.path}>
            <p className="font-mono text-xs break-all">{tile.path}</p>
            <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
              Level {tile.level}, index {tile.index}, {tile.width === 256 ? 'full (256 hashes)' : `partial: ${tile.width} of 256 hashes`}
            </p>
            <TileGrid tile={tile} leaf={drawing.leaf?.path === tile.path ? drawing.leaf.position : undefined} />
            <p className="mt-2 text-xs wrap-anywhere">{tile.reads.length > 0 ? readsText(tile) : drawing.leaf?.path === tile.path ? 'Holds this entry’s leaf hash, checked against the entry bundle.' : 'No hash of it was needed.'}</p>
          </li>
        ))}
      </ol>
      <ol className="grid gap-1 text-xs" aria-label={`${drawing.purpose} proof hashes`}>
        {drawing.proof.map((h, i) => (
          <li key={i} className="grid gap-1 sm:grid-cols-[7rem_1fr]">
            <span className="text-slate-600 dark:text-slate-400">proof hash {i + 1}</span>
            <span className="font-mono break-all">{h}</span>
          </li>
        ))}
      </ol>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        A tile-based log serves its Merkle tree as tiles: level L holds the hashes of complete subtrees of 256^L leaves, 256 per tile, and the rightmost tile of
        a level is partial, exactly as wide as the signed tree size implies. Blue slots are the stored hashes this {drawing.purpose} proof was computed from
        (a run of them is hashed pairwise up to one proof hash), amber is this entry’s own leaf hash, grey slots were not needed, outlined ones are not in the
        tree of {drawing.treeSize.toLocaleString('en')} leaves yet. Hover a slot for its position.
      </figcaption>
    </figure>
  );
}
