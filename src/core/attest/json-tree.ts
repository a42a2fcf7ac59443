// Any JSON as a bounded tree of typed nodes with copyable paths: the view for predicates without a reader.
import type { JsonValue } from '../encoding';
import { VIEW_LIMITS } from './bounded';
import type { JsonNodeType, JsonTreeNode, JsonTreeView } from './view-model';

// A child's path: $.a.b for identifier keys, $["odd key"] otherwise, [i] for array members.
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]{0,127}$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}…` : key)}]`;
}

// The node for a value without its children.
function nodeOf(key: string, path: string, value: JsonValue): JsonTreeNode {
  const type: JsonNodeType = value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as 'object' | 'string' | 'number' | 'boolean');
  if (type === 'string') {
    const s = value as string;
    return { key, path, type, value: s.length > VIEW_LIMITS.treeStringChars ? `${s.slice(0, VIEW_LIMITS.treeStringChars)}…` : s, length: s.length };
  }
  if (type === 'object' || type === 'array') return { key, path, type, size: Array.isArray(value) ? value.length : Object.keys(value as object).length, children: [] };
  return { key, path, type, value: String(value) };
}

// Build the tree breadth first, so a huge document still shows its top levels, within the node budget.
export function jsonTree(value: JsonValue, rootKey = '$', rootPath = '$'): JsonTreeView {
  const root = nodeOf(rootKey, rootPath, value);
  const queue: [JsonTreeNode, JsonValue][] = [[root, value]];
  let built = 1;
  let omitted = 0;
  for (let head = 0; head < queue.length; head++) {
    const [node, v] = queue[head]!;
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, JsonValue][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [i, [k, x]] of entries.entries()) {
      if (i >= VIEW_LIMITS.treeChildren || built >= VIEW_LIMITS.treeNodes) {
        omitted += entries.length - i;
        break;
      }
      const label = typeof k === 'number' ? `[${k}]` : k.length > 200 ? `${k.slice(0, 200)}…` : k;
      const child = nodeOf(label, childPath(node.path, k), x);
      node.children!.push(child);
      built++;
      queue.push([child, x]);
    }
  }
  return { kind: 'json', root, omitted };
}
