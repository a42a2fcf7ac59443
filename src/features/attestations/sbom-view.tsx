// An SBOM as a virtualised package table with search, sort, ecosystem and license filters, counts and gaps.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { effectiveLicense } from '../../core/attest/sbom-summary';
import type { SbomView as Sbom } from '../../core';
import { FieldList } from '../../components/field-list';
import { EMPTY_QUERY, filterPackages, NO_LICENSE, type SbomQuery, type SbomSortKey } from './sbom-filter';

const COLUMNS: { key: SbomSortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'version', label: 'Version' },
  { key: 'ecosystem', label: 'Ecosystem' },
  { key: 'license', label: 'License' },
  { key: 'supplier', label: 'Supplier' },
];
const GRID = 'grid grid-cols-[minmax(10rem,2fr)_minmax(5rem,1fr)_minmax(5rem,0.7fr)_minmax(7rem,1.3fr)_minmax(6rem,1fr)] gap-2';
const ROW_PX = 32;
const input = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

// The SBOM's head, counts and package table.
export function SbomView({ sbom }: { sbom: Sbom }) {
  const [query, setQuery] = useState<SbomQuery>(EMPTY_QUERY);
  const deferred = useDeferredValue(query);
  const rows = useMemo(() => filterPackages(sbom.packages, deferred), [sbom.packages, deferred]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const set = (patch: Partial<SbomQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const sortBy = (key: SbomSortKey) => setQuery((q) => ({ ...q, sort: key, descending: q.sort === key ? !q.descending : false }));

  return (
    <div className="grid gap-4" data-view="sbom">
      <FieldList
        fields={[
          { name: 'Format', value: `${sbom.format} ${sbom.specVersion}${sbom.embeddedAsString ? ' (predicate is a JSON string: cosign --type spdx)' : ''}` },
          ...(sbom.documentName ? [{ name: 'Document', value: sbom.documentName }] : []),
          ...(sbom.created ? [{ name: 'Created', value: sbom.created }] : []),
          ...(sbom.creators.length ? [{ name: 'Creators', value: sbom.creators.join(', ') }] : []),
          { name: 'Packages', value: `${sbom.totalPackages.toLocaleString('en')}${sbom.totalPackages > sbom.packages.length ? ` (first ${sbom.packages.length.toLocaleString('en')} shown)` : ''}` },
          { name: 'Without a license', value: <button type="button" className="underline" onClick={() => set({ missing: 'license' })}>{sbom.withoutLicense.toLocaleString('en')}</button> },
          { name: 'Without a version', value: <button type="button" className="underline" onClick={() => set({ missing: 'version' })}>{sbom.withoutVersion.toLocaleString('en')}</button> },
        ]}
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <Counts title="By ecosystem" rows={sbom.ecosystems} active={query.ecosystem} onPick={(ecosystem) => set({ ecosystem })} />
        <Counts title="By license" rows={[...sbom.licenses, ...(sbom.withoutLicense ? [{ name: NO_LICENSE, count: sbom.withoutLicense }] : [])]} active={query.license} onPick={(license) => set({ license })} />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid text-sm">
          Search
          <input className={input} type="search" value={query.search} placeholder="name, version, purl, supplier, license" onChange={(e) => set({ search: e.target.value })} />
        </label>
        <label className="grid text-sm">
          Ecosystem
          <select className={input} value={query.ecosystem} onChange={(e) => set({ ecosystem: e.target.value })}>
            <option value="">all</option>
            {sbom.ecosystems.map((e) => <option key={e.name} value={e.name}>{e.name} ({e.count})</option>)}
          </select>
        </label>
        <label className="grid text-sm">
          License
          <select className={input} value={query.license} onChange={(e) => set({ license: e.target.value })}>
            <option value="">all</option>
            {sbom.withoutLicense > 0 && <option value={NO_LICENSE}>{NO_LICENSE}</option>}
            {sbom.licenses.slice(0, 500).map((l) => <option key={l.name} value={l.name}>{l.name.slice(0, 80)} ({l.count})</option>)}
          </select>
        </label>
        <label className="grid text-sm">
          Show
          <select className={input} value={query.missing} onChange={(e) => set({ missing: e.target.value as SbomQuery['missing'] })}>
            <option value="">every package</option>
            <option value="license">without a license</option>
            <option value="version">without a version</option>
          </select>
        </label>
        <button type="button" className={input} onClick={() => setQuery(EMPTY_QUERY)}>Clear</button>
        <p className="text-sm" aria-live="polite" data-testid="sbom-count">{rows.length.toLocaleString('en')} of {sbom.packages.length.toLocaleString('en')} packages</p>
      </div>
      <div role="table" aria-label="SBOM packages" aria-rowcount={rows.length + 1} className="min-w-0 overflow-x-auto rounded-md border border-slate-200 text-sm dark:border-slate-800">
        <div role="row" className={`${GRID} min-w-[44rem] bg-slate-100 px-2 py-1 font-medium dark:bg-slate-800`}>
          {COLUMNS.map((c) => (
            <button key={c.key} role="columnheader" type="button" aria-sort={query.sort === c.key ? (query.descending ? 'descending' : 'ascending') : 'none'} className="text-left" onClick={() => sortBy(c.key)}>
              {c.label}{query.sort === c.key ? (query.descending ? ' ↓' : ' ↑') : ''}
            </button>
          ))}
        </div>
        <div ref={scroller} className="h-96 min-w-[44rem] overflow-y-auto" data-testid="sbom-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const p = rows[item.index]!;
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className={`${GRID} absolute left-0 w-full border-t border-slate-100 px-2 dark:border-slate-800`} style={{ top: item.start, height: ROW_PX }}>
                  <span role="cell" className="truncate" title={p.purl ?? p.name}>{p.name}</span>
                  <span role="cell" className="truncate font-mono text-xs leading-8">{p.version ?? '—'}</span>
                  <span role="cell" className="truncate">{p.ecosystem}</span>
                  <span role="cell" className="truncate" title={[p.licenseConcluded && `concluded ${p.licenseConcluded}`, p.licenseDeclared && `declared ${p.licenseDeclared}`].filter(Boolean).join('; ')}>{effectiveLicense(p) ?? '—'}</span>
                  <span role="cell" className="truncate">{p.supplier ?? '—'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

// A count table whose rows filter the package table.
function Counts({ title, rows, active, onPick }: { title: string; rows: { name: string; count: number }[]; active: string; onPick: (name: string) => void }) {
  return (
    <div className="text-sm">
      <h5 className="font-medium">{title}</h5>
      <ul className="max-h-40 overflow-y-auto">
        {rows.slice(0, 200).map((r) => (
          <li key={r.name}>
            <button type="button" aria-pressed={active === r.name} className={`w-full truncate text-left ${active === r.name ? 'font-semibold' : ''}`} onClick={() => onPick(active === r.name ? '' : r.name)}>
              {r.name}: {r.count.toLocaleString('en')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
