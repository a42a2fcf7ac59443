// An SBOM as a virtualised @tanstack/react-table package table: search, sortable columns, ecosystem and license
// filters, counts and the packages without a license or a version. The rows are the worker's view model.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SbomView as Sbom } from '../../core';
import { FieldList } from '../../components/field-list';
import { columnFiltersOf, NO_FILTERS, NO_LICENSE, SBOM_TABLE_OPTIONS, type SbomFilters } from './sbom-table';

const GRID = 'grid grid-cols-[minmax(10rem,2fr)_minmax(5rem,1fr)_minmax(5rem,0.7fr)_minmax(7rem,1.3fr)_minmax(6rem,1fr)_minmax(12rem,2fr)] gap-2';
const ROW_PX = 32;
const INPUT = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const FIRST_SORT: SortingState = [{ id: 'name', desc: false }];

// The SBOM's head, counts and package table.
export function SbomView({ sbom }: { sbom: Sbom }) {
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<SbomFilters>(NO_FILTERS);
  const [sorting, setSorting] = useState<SortingState>(FIRST_SORT);
  // Typing and picking stay responsive: the 20,000-row models follow a render later.
  const deferredSearch = useDeferredValue(search);
  const deferredFilters = useDeferredValue(filters);
  const columnFilters = useMemo(() => columnFiltersOf(deferredFilters), [deferredFilters]);
  const table = useTable({ ...SBOM_TABLE_OPTIONS, data: sbom.packages, state: { globalFilter: deferredSearch, columnFilters, sorting }, onSortingChange: setSorting });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });
  const set = (patch: Partial<SbomFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const clear = () => {
    setSearch('');
    setFilters(NO_FILTERS);
  };

  return (
    <div className="grid min-w-0 gap-4" data-view="sbom">
      <FieldList
        fields={[
          { name: 'Format', value: `${sbom.format} ${sbom.specVersion}${sbom.embeddedAsString ? ' (predicate is a JSON string: cosign --type spdx)' : ''}` },
          ...(sbom.documentName ? [{ name: 'Document', value: sbom.documentName }] : []),
          ...(sbom.created ? [{ name: 'Created', value: sbom.created }] : []),
          ...(sbom.creators.length ? [{ name: 'Creators', value: sbom.creators.join(', ') }] : []),
          { name: 'Packages', value: `${sbom.totalPackages.toLocaleString('en')}${sbom.totalPackages > sbom.packages.length ? ` (first ${sbom.packages.length.toLocaleString('en')} shown)` : ''}` },
          { name: 'Without a license', value: <button type="button" className="underline" onClick={() => set({ license: NO_LICENSE })}>{sbom.withoutLicense.toLocaleString('en')}</button> },
          { name: 'Without a version', value: <button type="button" className="underline" onClick={() => set({ withoutVersion: true })}>{sbom.withoutVersion.toLocaleString('en')}</button> },
        ]}
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <Counts title="By ecosystem" rows={sbom.ecosystems} active={filters.ecosystem} onPick={(ecosystem) => set({ ecosystem })} />
        <Counts title="By license" rows={[...sbom.licenses, ...(sbom.withoutLicense ? [{ name: NO_LICENSE, count: sbom.withoutLicense }] : [])]} active={filters.license} onPick={(license) => set({ license })} />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid text-sm">
          Search
          <input className={INPUT} type="search" value={search} placeholder="name, version, purl, supplier, license" onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label className="grid text-sm">
          Ecosystem
          <select className={INPUT} value={filters.ecosystem} onChange={(e) => set({ ecosystem: e.target.value })}>
            <option value="">all</option>
            {sbom.ecosystems.map((e) => <option key={e.name} value={e.name}>{e.name} ({e.count.toLocaleString('en')})</option>)}
          </select>
        </label>
        <label className="grid text-sm">
          License
          <select className={INPUT} value={filters.license} onChange={(e) => set({ license: e.target.value })}>
            <option value="">all</option>
            {sbom.withoutLicense > 0 && <option value={NO_LICENSE}>{NO_LICENSE}</option>}
            {sbom.licenses.slice(0, 500).map((l) => <option key={l.name} value={l.name}>{l.name.slice(0, 80)} ({l.count.toLocaleString('en')})</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1 py-1 text-sm">
          <input type="checkbox" checked={filters.license === NO_LICENSE} onChange={(e) => set({ license: e.target.checked ? NO_LICENSE : '' })} />
          without a license
        </label>
        <label className="flex items-center gap-1 py-1 text-sm">
          <input type="checkbox" checked={filters.withoutVersion} onChange={(e) => set({ withoutVersion: e.target.checked })} />
          without a version
        </label>
        <button type="button" className={INPUT} onClick={clear}>Clear</button>
        <p className="text-sm" aria-live="polite" data-testid="sbom-count">{rows.length.toLocaleString('en')} of {sbom.packages.length.toLocaleString('en')} packages</p>
      </div>
      <div role="table" aria-label="SBOM packages" aria-rowcount={rows.length + 1} className="min-w-0 overflow-x-auto rounded-md border border-slate-200 text-sm dark:border-slate-800">
        <div role="rowgroup">
          {table.getHeaderGroups().map((group) => (
            <div key={group.id} role="row" aria-rowindex={1} className={`${GRID} min-w-[56rem] bg-slate-100 px-2 py-1 font-medium dark:bg-slate-800`}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <div key={header.id} role="columnheader" aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}>
                    <button type="button" className="w-full text-left focus-visible:outline-2 focus-visible:outline-sky-500" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      {sorted === 'asc' ? ' ↑' : sorted === 'desc' ? ' ↓' : ''}
                    </button>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div ref={scroller} role="rowgroup" tabIndex={0} aria-label="Packages" className="h-96 min-w-[56rem] overflow-y-auto" data-testid="sbom-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const p = row.original;
              return (
                <div key={row.id} role="row" aria-rowindex={item.index + 2} className={`${GRID} absolute left-0 w-full border-t border-slate-100 px-2 leading-8 dark:border-slate-800`} style={{ top: item.start, height: ROW_PX }}>
                  <span role="cell" className="truncate">{p.name}</span>
                  <span role="cell" className="truncate font-mono text-xs leading-8">{p.version ?? '—'}</span>
                  <span role="cell" className="truncate">{p.ecosystem}</span>
                  <span role="cell" className="truncate" title={[p.licenseConcluded && `concluded ${p.licenseConcluded}`, p.licenseDeclared && `declared ${p.licenseDeclared}`].filter(Boolean).join('; ')}>{row.getValue<string | undefined>('license') ?? '—'}</span>
                  <span role="cell" className="truncate">{p.supplier ?? '—'}</span>
                  <span role="cell" className="truncate font-mono text-xs leading-8" title={p.purl}>{p.purl ?? '—'}</span>
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
    <div className="min-w-0 text-sm">
      <h3 className="font-medium">{title}</h3>
      <ul className="max-h-40 overflow-y-auto">
        {rows.slice(0, 200).map((r) => (
          <li key={r.name}>
            <button type="button" aria-pressed={active === r.name} className={`w-full truncate text-left ${active === r.name ? 'font-semibold' : ''}`} onClick={() => onPick(active === r.name ? '' : r.name)}>
              {r.name}: {r.count.toLocaleString('en')}
            </button>
          </li>
        ))}
        {rows.length > 200 && <li className="text-slate-500 dark:text-slate-400">… {(rows.length - 200).toLocaleString('en')} more</li>}
      </ul>
    </div>
  );
}
