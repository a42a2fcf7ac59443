// The record's vocabulary: named values and byte ranges a check was made on, shared by every layer of the engine.
import type { JsonValue } from './encoding/json';
import { defineLazyHex } from './encoding/hex';

/** A highlighted byte range inside a hex evidence value (offsets in bytes, end exclusive). */
export interface ByteRange {
  start: number;
  end: number;
  label: string;
}

/** Stable names for the evidence the dedicated views read (labels are for people and may change). */
export type EvidenceKey = 'certificate.der' | 'chain.der' | 'statement' | 'simplesigning' | 'tlog.body' | 'tlog.entry' | 'pae' | 'checkpoint' | 'tiles' | 'fork';

// A named value a step was checked on; values from the input are text, never markup.
export type Evidence = { key?: EvidenceKey } & (
  | { kind: 'text'; label: string; value: string }
  | { kind: 'time'; label: string; value: string /* ISO 8601 */ }
  | { kind: 'hex'; label: string; value: string; highlight?: ByteRange[] }
  | { kind: 'json'; label: string; value: JsonValue }
  | { kind: 'merkle-path'; label: string; value: MerklePathEvidence }
  /** The signed bytes, by reference: the result's `signed` holds them once; here only their length (bytes) and, as
   *  `value`, the first bytes (hex, for the PAE) or characters (text, for the payload), with the PAE's labelled ranges. */
  | { kind: 'signed'; label: string; part: 'payload' | 'pae'; length: number; value: string; highlight?: ByteRange[] }
);

// The levels of an inclusion proof, recomputed from the leaf to the root, for drawing.
export interface MerklePathEvidence {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  levels: { sibling: string; side: 'left' | 'right'; result: string }[];
  computedRoot: string;
  expectedRoot: string;
}

type HexEvidence = Extract<Evidence, { kind: 'hex' }>;

// A hex evidence item over bytes that may be large (a signed payload, a certificate): its text is made when it
// is first read (shown, exported, sent to the page) and then kept, so a verification nobody inspects never builds it.
export function hexEvidence(fields: { key?: EvidenceKey; label: string; highlight?: ByteRange[] }, bytes: Uint8Array): HexEvidence {
  // The same key order as a literal { kind, key, label, value, highlight }.
  const item = { kind: 'hex', ...(fields.key ? { key: fields.key } : {}), label: fields.label, value: '', ...(fields.highlight ? { highlight: fields.highlight } : {}) } as HexEvidence;
  defineLazyHex(item, 'value', bytes);
  return item;
}
