// A predicate without a reader: a collapsible JSON tree with copyable paths; every value is React text, never HTML.
import { useState } from 'react';
import type { JsonTreeNode, JsonTreeView as Tree } from '../../core';
import { copyText } from '../../lib/clipboard';

// The tree, its root open.
export function JsonTreeView({ tree }: { tree: Tree }) {
  return (
    <div className="grid gap-2 font-mono text-xs" data-view="json">
      <ul role="tree" aria-label="Predicate">
        <Node node={tree.root} depth={0} />
      </ul>
      {tree.omitted > 0 && <p className="font-sans text-sm">{tree.omitted.toLocaleString('en')} members not shown (the view shows at most 1,000 per level and 20,000 in all).</p>}
    </div>
  );
}

// One node: scalars inline, objects and arrays as a toggle; "copy path" copies its JSONPath.
function Node({ node, depth }: { node: JsonTreeNode; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  const [copied, setCopied] = useState(false);
  const branch = node.children !== undefined;
  const copy = () => void copyText(node.path).then((o) => setCopied(o === 'copied'));
  return (
    <li role="treeitem" aria-expanded={branch ? open : undefined} className="pl-4" data-path={node.path}>
      <span className="inline-flex flex-wrap items-baseline gap-2">
        {branch ? (
          <button type="button" onClick={() => setOpen((o) => !o)} className="text-sky-700 dark:text-sky-400">
            {open ? '▾' : '▸'} {node.key} {node.type === 'array' ? `[${node.size}]` : `{${node.size}}`}
          </button>
        ) : (
          <span className="wrap-anywhere">
            <span className="text-slate-500 dark:text-slate-400">{node.key}: </span>
            <span className={node.type === 'string' ? 'text-emerald-800 dark:text-emerald-300' : 'text-purple-800 dark:text-purple-300'}>{node.type === 'string' ? JSON.stringify(node.value) : node.value}</span>
            {node.length !== undefined && node.value !== undefined && node.length > node.value.length && <span className="text-slate-500 dark:text-slate-400"> ({node.length.toLocaleString('en')} characters)</span>}
          </span>
        )}
        <button type="button" className="font-sans text-[11px] text-slate-500 dark:text-slate-400 underline" onClick={copy} aria-label={`Copy path ${node.path}`}>{copied ? 'copied' : 'copy path'}</button>
      </span>
      {branch && open && (
        <ul role="group">
          {node.children!.map((c) => <Node key={c.path} node={c} depth={depth + 1} />)}
        </ul>
      )}
    </li>
  );
}
