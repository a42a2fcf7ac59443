// Mutations of valid DER for property tests: a TLV tree (descending into OCTET and BIT STRINGs that hold DER), each
// mutation either still valid BER but not DER (X.690 §10–11), or malformed (a wrong length or tag, a truncation).
import fc from 'fast-check';

/** One TLV; `children` when its content is itself TLVs (constructed, or DER wrapped in an OCTET / BIT STRING). */
export interface DerNode {
  tag: number;
  content: Uint8Array;
  children?: DerNode[];
  /** The unused-bits byte before a BIT STRING's wrapped DER. */
  prefix?: Uint8Array;
  depth: number;
  /** Inside an OCTET or BIT STRING: bytes a reader may keep opaque (an unknown extension, a signature value). */
  wrapped: boolean;
}

export type DerMutation =
  /** BER, not DER: the length in long form with `extra` leading zero bytes, or in long form though under 128 (X.690 §10.1). */
  | { kind: 'long-form-length'; node: number; extra: number }
  /** BER, not DER: a constructed value with the indefinite length form (X.690 §8.1.3.6, §10.1). */
  | { kind: 'indefinite-length'; node: number }
  /** BER, not DER: an INTEGER with a redundant leading 00 or FF byte (X.690 §8.3.2). */
  | { kind: 'non-minimal-integer'; node: number }
  /** BER, not DER: a BOOLEAN TRUE that is not FF (X.690 §11.1). */
  | { kind: 'boolean-not-ff'; node: number; value: number }
  /** Malformed or another structure: one identifier octet replaced. */
  | { kind: 'tag'; node: number; tag: number }
  /** Malformed: one byte of the encoding replaced (lengths included). */
  | { kind: 'byte'; at: number; value: number }
  /** Malformed: the encoding cut short. */
  | { kind: 'truncate'; at: number };

/** Whether a mutation keeps the encoding valid BER (so a BER reader may accept it, and a DER reader must not). */
export const BER_ONLY: ReadonlySet<DerMutation['kind']> = new Set(['long-form-length', 'indefinite-length', 'non-minimal-integer', 'boolean-not-ff']);

// Read one TLV at `at` (single-byte tags, definite lengths); null when it does not fit.
function readOne(b: Uint8Array, at: number): { tag: number; start: number; end: number } | null {
  if (at + 2 > b.length || (b[at]! & 0x1f) === 0x1f) return null;
  let len = b[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > b.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i]!;
    start += n;
  }
  return start + len <= b.length ? { tag: b[at]!, start, end: start + len } : null;
}

// Every TLV filling the bytes exactly, or null.
function readAll(b: Uint8Array, depth: number, wrapped: boolean): DerNode[] | null {
  const out: DerNode[] = [];
  for (let at = 0; at < b.length; ) {
    const t = readOne(b, at);
    if (!t) return null;
    out.push(parseNode(t.tag, b.subarray(t.start, t.end), depth, wrapped));
    at = t.end;
  }
  return out;
}

function parseNode(tag: number, content: Uint8Array, depth: number, wrapped: boolean): DerNode {
  if (tag & 0x20) return { tag, content, children: readAll(content, depth + 1, wrapped) ?? undefined, depth, wrapped };
  if (tag === 0x04 && content.length > 1 && content[0]! & 0x20) {
    const children = readAll(content, depth + 1, true);
    if (children) return { tag, content, children, depth, wrapped };
  }
  if (tag === 0x03 && content.length > 2 && content[0] === 0 && content[1]! & 0x20) {
    const children = readAll(content.subarray(1), depth + 1, true);
    if (children) return { tag, content, children, prefix: content.subarray(0, 1), depth, wrapped };
  }
  return { tag, content, depth, wrapped };
}

// The tree of a DER encoding (one top-level TLV).
export function derTree(der: Uint8Array): DerNode {
  const t = readOne(der, 0);
  if (!t || t.end !== der.length) throw new Error('not one DER TLV');
  return parseNode(t.tag, der.subarray(t.start, t.end), 0, false);
}

// Every node, depth first, in encoding order.
export function derNodes(root: DerNode): DerNode[] {
  return [root, ...(root.children ?? []).flatMap(derNodes)];
}

// A definite length, minimal (DER) or in a long form DER forbids: `extra` leading zeros, at least one when the
// length needs the long form anyway.
function lengthBytes(n: number, extra = -1): number[] {
  const digits: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) digits.unshift(v & 0xff);
  if (extra < 0) return n < 0x80 ? [n] : [0x80 | digits.length, ...digits];
  if (n >= 0x80) extra = Math.max(1, extra);
  const long = [...Array<number>(extra).fill(0), ...(digits.length ? digits : [0])];
  return [0x80 | long.length, ...long];
}

// Encode the tree again, lengths recomputed, with one node changed as the mutation says.
function encode(node: DerNode, target: DerNode, m: DerMutation): number[] {
  let tag = node.tag;
  let content: number[];
  if (node.children) {
    content = [...(node.prefix ?? []), ...node.children.flatMap((c) => encode(c, target, m))];
  } else {
    content = [...node.content];
  }
  if (node === target) {
    if (m.kind === 'non-minimal-integer') content = [content[0]! & 0x80 ? 0xff : 0x00, ...content];
    if (m.kind === 'boolean-not-ff') content = [m.value];
    if (m.kind === 'tag') tag = m.tag;
    if (m.kind === 'long-form-length') return [tag, ...lengthBytes(content.length, m.extra), ...content];
    if (m.kind === 'indefinite-length') return [tag, 0x80, ...content, 0, 0];
  }
  return [tag, ...lengthBytes(content.length), ...content];
}

// Apply a mutation to valid DER.
export function mutateDer(der: Uint8Array, m: DerMutation): Uint8Array {
  if (m.kind === 'truncate') return der.subarray(0, m.at % der.length);
  if (m.kind === 'byte') {
    const out = Uint8Array.from(der);
    out[m.at % der.length] = m.value;
    return out;
  }
  const root = derTree(der);
  const nodes = derNodes(root);
  return Uint8Array.from(encode(root, nodes[m.node % nodes.length]!, m));
}

// Mutations that apply to this encoding: BER-only forms where the node type allows them, and malformations anywhere.
export function derMutation(der: Uint8Array): fc.Arbitrary<DerMutation> {
  const nodes = derNodes(derTree(der));
  const where = (pred: (n: DerNode) => boolean) => nodes.flatMap((n, i) => (pred(n) ? [i] : []));
  const integers = where((n) => n.tag === 0x02 && n.content.length > 0);
  const trues = where((n) => n.tag === 0x01 && n.content.length === 1 && n.content[0] === 0xff);
  const constructed = where((n) => (n.tag & 0x20) !== 0);
  const pick = (ids: number[]) => fc.constantFrom(...ids);
  const options: fc.Arbitrary<DerMutation>[] = [
    fc.record({ kind: fc.constant('long-form-length' as const), node: fc.nat(nodes.length - 1), extra: fc.integer({ min: 0, max: 2 }) }),
    fc.record({ kind: fc.constant('tag' as const), node: fc.nat(nodes.length - 1), tag: fc.integer({ min: 0, max: 0xfe }).filter((t) => (t & 0x1f) !== 0x1f) }),
    fc.record({ kind: fc.constant('byte' as const), at: fc.nat(der.length - 1), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(der.length - 1) }),
  ];
  if (constructed.length) options.push(fc.record({ kind: fc.constant('indefinite-length' as const), node: pick(constructed) }));
  if (integers.length) options.push(fc.record({ kind: fc.constant('non-minimal-integer' as const), node: pick(integers) }));
  if (trues.length) options.push(fc.record({ kind: fc.constant('boolean-not-ff' as const), node: pick(trues), value: fc.integer({ min: 1, max: 0xfe }) }));
  return fc.oneof(...options);
}

// The node a mutation changes, or undefined for byte-level mutations.
export function mutatedNode(der: Uint8Array, m: DerMutation): DerNode | undefined {
  if (!('node' in m)) return undefined;
  const nodes = derNodes(derTree(der));
  return nodes[m.node % nodes.length];
}
