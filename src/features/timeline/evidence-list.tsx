// The values a step was checked on: text, times, bytes, JSON and audit paths, all rendered as text.
import { lazy, Suspense } from 'react';
import type { Evidence } from '../../core';
import { HexView } from '../../components/hex-view';
import { scrollable } from '../../lib/scrollable';

const MerklePathSvg = lazy(() => import('../../components/merkle-path-svg').then((m) => ({ default: m.MerklePathSvg })));

// One evidence item.
function EvidenceItem({ item }: { item: Evidence }) {
  switch (item.kind) {
    case 'text':
    case 'time':
      return (
        <div className="grid min-w-0 gap-1 sm:grid-cols-[12rem_1fr]">
          <dt className="text-sm text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd className={`min-w-0 text-sm wrap-anywhere ${item.kind === 'time' ? 'font-mono' : ''} ${item.value.includes('\n') ? 'whitespace-pre-wrap font-mono' : ''}`}>
            {item.value === '' ? <span className="text-slate-500 dark:text-slate-400">(empty)</span> : item.value}
          </dd>
        </div>
      );
    case 'hex':
      return (
        <div className="grid min-w-0 gap-1 [&>*]:min-w-0">
          <dt className="text-sm text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd>
            <HexView hex={item.value} label={item.label} {...(item.highlight ? { highlight: item.highlight } : {})} maxBytes={256} />
          </dd>
        </div>
      );
    case 'json':
      return (
        <div className="grid min-w-0 gap-1 [&>*]:min-w-0">
          <dt className="text-sm text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd>
            <pre {...scrollable(item.label)} className="max-h-80 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-900">{JSON.stringify(item.value, null, 2)}</pre>
          </dd>
        </div>
      );
    case 'signed':
      return (
        <div className="grid min-w-0 gap-1 [&>*]:min-w-0">
          <dt className="text-sm text-slate-500 dark:text-slate-400">
            {item.label} ({item.length.toLocaleString('en')} bytes{item.part === 'pae' ? (item.value.length / 2 < item.length ? `, the first ${item.value.length / 2} shown` : '') : item.value.length < item.length ? ', the beginning shown' : ''}; whole in the DSSE tab)
          </dt>
          <dd>
            {item.part === 'pae' ? (
              <HexView hex={item.value} label={item.label} {...(item.highlight ? { highlight: item.highlight } : {})} maxBytes={256} />
            ) : (
              <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-3 text-xs whitespace-pre-wrap break-all dark:bg-slate-900">{item.value}</pre>
            )}
          </dd>
        </div>
      );
    case 'merkle-path':
      return (
        <div className="grid min-w-0 gap-1 [&>*]:min-w-0">
          <dt className="text-sm text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd>
            <Suspense fallback={<p className="text-sm">Drawing the audit path…</p>}>
              <MerklePathSvg path={item.value} />
            </Suspense>
          </dd>
        </div>
      );
  }
}

// All evidence of a step.
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No evidence recorded for this step.</p>;
  return (
    <dl className="grid gap-3 [&>*]:min-w-0">
      {evidence.map((item, i) => (
        <EvidenceItem key={i} item={item} />
      ))}
    </dl>
  );
}
