// The SBOM package table's model on @tanstack/react-table: its columns, the search over every column, the
// ecosystem / license / missing-value filters and column sorting. The rows are the worker's view model.
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  type ColumnFiltersState,
  type FilterFn,
} from '@tanstack/react-table';
import { effectiveLicense } from '../../core/attest/sbom-summary';
import type { SbomPackage } from '../../core';

export const SBOM_FEATURES = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
});

type Features = typeof SBOM_FEATURES;
export type SbomColumnId = 'name' | 'version' | 'ecosystem' | 'license' | 'supplier' | 'purl';

/** A column filter value that keeps only the packages where the column has no value. */
export const MISSING = '\u0000missing';
export const NO_LICENSE = '(no license)';

// A column filter: MISSING keeps rows without a value, anything else keeps rows whose value equals it.
const equalsOrMissing: FilterFn<Features, SbomPackage> = (row, columnId, wanted: string) => {
  const value = row.getValue<string | undefined>(columnId);
  return wanted === MISSING ? value === undefined : value === wanted;
};

const haystacks = new WeakMap<SbomPackage, string>();

// Every searchable value of a package, lowercased once per package and kept for the next keystroke.
function haystack(p: SbomPackage): string {
  let text = haystacks.get(p);
  if (text === undefined) {
    text = [p.name, p.version, p.ecosystem, effectiveLicense(p), p.supplier, p.purl].filter((v) => v !== undefined).join('\n').toLowerCase();
    haystacks.set(p, text);
  }
  return text;
}

// The search: a case-insensitive substring of any of the package's values (the filter value is lowercased once).
const contains: FilterFn<Features, SbomPackage> = (row, _columnId, needle: string) => haystack(row.original).includes(needle);
contains.resolveFilterValue = (value: unknown) => String(value).trim().toLowerCase();

const helper = createColumnHelper<Features, SbomPackage>();
const column = { filterFn: equalsOrMissing, sortFn: 'alphanumeric', sortUndefined: 'last' } as const;

export const SBOM_COLUMNS = helper.columns([
  helper.accessor((p) => p.name, { id: 'name', header: 'Name', ...column }),
  helper.accessor((p) => p.version, { id: 'version', header: 'Version', ...column }),
  helper.accessor((p) => p.ecosystem, { id: 'ecosystem', header: 'Ecosystem', ...column }),
  helper.accessor((p) => effectiveLicense(p), { id: 'license', header: 'License', ...column }),
  helper.accessor((p) => p.supplier, { id: 'supplier', header: 'Supplier', ...column }),
  helper.accessor((p) => p.purl, { id: 'purl', header: 'purl', ...column }),
]);

// Table options shared by the view and its tests (everything but data and state).
export const SBOM_TABLE_OPTIONS = {
  features: SBOM_FEATURES,
  columns: SBOM_COLUMNS,
  globalFilterFn: contains,
  // The search looks at the whole package at once, so it runs for one column only.
  getColumnCanGlobalFilter: (c: { id: string }) => c.id === 'name',
  enableSortingRemoval: false,
} as const;

/** What the filter controls set, as column filters. */
export interface SbomFilters {
  ecosystem: string;
  /** A license expression, NO_LICENSE, or '' for every license. */
  license: string;
  withoutVersion: boolean;
}

export const NO_FILTERS: SbomFilters = { ecosystem: '', license: '', withoutVersion: false };

// The filter controls' values as react-table column filters.
export function columnFiltersOf(f: SbomFilters): ColumnFiltersState {
  return [
    ...(f.ecosystem ? [{ id: 'ecosystem', value: f.ecosystem }] : []),
    ...(f.license ? [{ id: 'license', value: f.license === NO_LICENSE ? MISSING : f.license }] : []),
    ...(f.withoutVersion ? [{ id: 'version', value: MISSING }] : []),
  ];
}
