// An RFC 6962 inclusion proof drawn level by level, from the leaf up to the root compared with the checkpoint's.
import type { MerklePathEvidence } from '../core';
import { scrollable } from '../lib/scrollable';

const WIDTH = 360;
const ROW_HEIGHT = 64;
const HEADER_HEIGHT = 84;
const BOX_HEIGHT = 36;

type Tone = 'path' | 'sibling' | 'root';

// Stroke styles per node kind; each node also says what it is in words, so colour is never the only cue.
const TONE_CLASSES: Record<Tone, string> = {
  path: 'fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400',
  sibling: 'fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500',
  root: 'fill-slate-50 stroke-slate-700 dark:fill-slate-800 dark:stroke-slate-300',
};
const TEXT = 'fill-slate-800 dark:fill-slate-100';
const MUTED = 'fill-slate-500 dark:fill-slate-400';

// The first 8 hex characters of a hash, as shown in a node.
function shortHash(hash: string): string {
  return `${hash.slice(0, 8)}…`;
}

// One hash node: a box with its role and short hash, the full hash in a <title> tooltip.
function HashNode({ x, y, width, label, hash, tone }: { x: number; y: number; width: number; label: string; hash: string; tone: Tone }) {
  return (
    <g>
      <title>{`${label}: ${hash}`}</title>
      <rect x={x} y={y} width={width} height={BOX_HEIGHT} rx={4} strokeWidth={tone === 'sibling' ? 1 : 2} className={TONE_CLASSES[tone]} />
      <text x={x + 6} y={y + 14} fontSize={9} className={MUTED}>
        {label}
      </text>
      <text x={x + 6} y={y + 29} fontSize={11} fontFamily="monospace" className={TEXT}>
        {shortHash(hash)}
      </text>
    </g>
  );
}

// One level: the hash from below and the proof's sibling, placed left/right as hashed, and the parent they make.
function LevelRow({ path, level, y }: { path: MerklePathEvidence; level: number; y: number }) {
  const step = path.levels[level]!;
  const below = level === 0 ? path.leafHash : path.levels[level - 1]!.result;
  const belowNode = { label: level === 0 ? 'leaf hash' : 'from below', hash: below, tone: 'path' as const };
  const siblingNode = { label: `sibling (${step.side})`, hash: step.sibling, tone: 'sibling' as const };
  const [left, right] = step.side === 'left' ? [siblingNode, belowNode] : [belowNode, siblingNode];
  const top = level === path.levels.length - 1;
  return (
    <g data-level={level}>
      <text x={4} y={y + 11} fontSize={10} className={MUTED}>
        {`Level ${level + 1}: SHA-256(0x01 ‖ left ‖ right)`}
      </text>
      <HashNode x={4} y={y + 18} width={108} {...left} />
      <HashNode x={116} y={y + 18} width={108} {...right} />
      <text x={228} y={y + 41} fontSize={14} className={TEXT} aria-hidden="true">
        →
      </text>
      <HashNode x={244} y={y + 18} width={112} label={top ? 'computed root' : 'parent'} hash={step.result} tone="path" />
    </g>
  );
}

// The comparison at the top: the root the proof leads to next to the root the checkpoint signs, with ✓/✗ in words.
function RootComparison({ path, match }: { path: MerklePathEvidence; match: boolean }) {
  return (
    <g>
      <HashNode x={4} y={4} width={170} label="computed root" hash={path.computedRoot} tone="root" />
      <HashNode x={186} y={4} width={170} label="checkpoint root" hash={path.expectedRoot} tone="root" />
      <text x={4} y={60} fontSize={12} fontWeight="bold" className={match ? 'fill-emerald-700 dark:fill-emerald-400' : 'fill-red-700 dark:fill-red-400'}>
        {match ? '✓ match: computed root = checkpoint root' : '✗ mismatch: computed root ≠ checkpoint root'}
      </text>
    </g>
  );
}

// The audit path as an SVG figure, scrolling vertically for deep trees (up to 64 levels).
export function MerklePathSvg({ path }: { path: MerklePathEvidence }) {
  const n = path.levels.length;
  const match = path.computedRoot.toLowerCase() === path.expectedRoot.toLowerCase();
  const height = HEADER_HEIGHT + n * ROW_HEIGHT;
  return (
    <figure className="my-2">
      <div {...scrollable('Inclusion proof, leaf to root')} className="max-h-[36rem] overflow-y-auto rounded border border-slate-200 dark:border-slate-700">
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="block w-full max-w-xl"
          role="img"
          aria-label={`Inclusion proof for leaf ${path.leafIndex} of ${path.treeSize}: ${n} level${n === 1 ? '' : 's'} from the leaf to the root; the computed root ${match ? 'matches' : 'does not match'} the checkpoint root.`}
        >
          <RootComparison path={path} match={match} />
          {path.levels.map((_, level) => (
            <LevelRow key={level} path={path} level={level} y={HEADER_HEIGHT + (n - 1 - level) * ROW_HEIGHT} />
          ))}
        </svg>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Leaf {path.leafIndex} of a tree of {path.treeSize}, read from the bottom up. RFC 6962 §2.1.1 hashes a leaf as SHA-256(0x00 ‖ entry) and an inner
        node as SHA-256(0x01 ‖ left ‖ right): each row combines the hash from below with the sibling from the proof, on the side shown, until the last
        row gives the root, which must equal the root hash the checkpoint signs. Hover a node for its full hash.
      </figcaption>
    </figure>
  );
}
