// Searching, filtering and sorting SBOM rows: plain functions over the view model, so tests run them without a browser.
import { effectiveLicense } from '../../core/attest/sbom-summary';
import type { SbomPackage } from '../../core';

export type SbomSortKey = 'name' | 'version' | 'ecosystem' | 'license' | 'supplier';

export interface SbomQuery {
  search: string;
  ecosystem: string;
  /** A license expression, '' for all, or NO_LICENSE. */
  license: string;
  missing: '' | 'license' | 'version';
  sort: SbomSortKey;
  descending: boolean;
}

export const NO_LICENSE = '(no license)';
export const EMPTY_QUERY: SbomQuery = { search: '', ecosystem: '', license: '', missing: '', sort: 'name', descending: false };

// The text a column sorts by.
function sortValue(p: SbomPackage, key: SbomSortKey): string {
  if (key === 'license') return effectiveLicense(p) ?? '';
  return (key === 'name' ? p.name : key === 'version' ? p.version : key === 'ecosystem' ? p.ecosystem : p.supplier) ?? '';
}

// The rows that match the query, in its order.
export function filterPackages(packages: readonly SbomPackage[], q: SbomQuery): SbomPackage[] {
  const needle = q.search.trim().toLowerCase();
  const rows = packages.filter((p) => {
    if (q.ecosystem && p.ecosystem !== q.ecosystem) return false;
    const license = effectiveLicense(p);
    if (q.license && (q.license === NO_LICENSE ? license !== undefined : license !== q.license)) return false;
    if (q.missing === 'license' && license !== undefined) return false;
    if (q.missing === 'version' && p.version !== undefined) return false;
    return !needle || [p.name, p.version, p.purl, p.supplier, license].some((v) => v?.toLowerCase().includes(needle));
  });
  const dir = q.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = sortValue(a, q.sort);
    const y = sortValue(b, q.sort);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
}
