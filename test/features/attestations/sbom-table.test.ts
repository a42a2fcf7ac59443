// The SBOM table model on @tanstack/react-table, run through the React adapter over a generated 5,000-package view: search,
// ecosystem and license filters, the missing-value filters and sorting with empty values last.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useTable, type SortingState } from '@tanstack/react-table';
import type { SbomPackage } from '../../../src/core';
import { columnFiltersOf, NO_FILTERS, NO_LICENSE, SBOM_TABLE_OPTIONS, type SbomFilters } from '../../../src/features/attestations/sbom-table';

const ECOSYSTEMS = ['npm', 'pypi', 'golang', 'deb', 'maven'];
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause'];

// n packages: every 7th without a license, every 11th without a version, suppliers cycling through 13.
function packages(n: number): SbomPackage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `pkg-${String(i).padStart(5, '0')}`,
    ...(i % 11 === 0 ? {} : { version: `1.${i % 100}.0` }),
    ecosystem: ECOSYSTEMS[i % 5]!,
    purl: `pkg:${ECOSYSTEMS[i % 5]}/pkg-${i}`,
    supplier: `Supplier ${i % 13}`,
    ...(i % 7 === 0 ? {} : i % 2 ? { licenseConcluded: LICENSES[i % 3]! } : { licenseDeclared: LICENSES[i % 3]! }),
  }));
}

const N = 5_000;
const DATA = packages(N);

// The rows the table shows for a search, filters and a sort, through the React adapter as the view uses it.
function shown(search: string, filters: Partial<SbomFilters> = {}, sorting: SortingState = [{ id: 'name', desc: false }]): SbomPackage[] {
  let rows: SbomPackage[] = [];
  const Probe = () => {
    const table = useTable({ ...SBOM_TABLE_OPTIONS, data: DATA, state: { globalFilter: search, columnFilters: columnFiltersOf({ ...NO_FILTERS, ...filters }), sorting } });
    rows = table.getRowModel().rows.map((r) => r.original);
    return null;
  };
  renderToStaticMarkup(createElement(Probe));
  return rows;
}

describe('the SBOM table model', () => {
  it('shows every package, sorted by name', () => {
    const rows = shown('');
    expect(rows).toHaveLength(N);
    expect(rows[0]!.name).toBe('pkg-00000');
    expect(rows.at(-1)!.name).toBe('pkg-04999');
  });

  it('searches every column case-insensitively: name, version, purl, supplier, license', () => {
    expect(shown('PKG-01231').map((p) => p.name)).toEqual(['pkg-01231']);
    expect(shown('supplier 12')).toHaveLength(DATA.filter((p) => p.supplier === 'Supplier 12').length);
    expect(shown('pkg:golang/')).toHaveLength(N / 5);
    expect(shown('bsd-3')).toHaveLength(DATA.filter((p) => (p.licenseConcluded ?? p.licenseDeclared) === 'BSD-3-Clause').length);
    expect(shown('  nothing-like-this  ')).toHaveLength(0);
  });

  it('filters by ecosystem, by license (concluded, else declared) and by missing values, together with the search', () => {
    expect(shown('', { ecosystem: 'pypi' })).toHaveLength(N / 5);
    const mit = shown('', { license: 'MIT' });
    expect(mit.length).toBe(DATA.filter((p) => (p.licenseConcluded ?? p.licenseDeclared) === 'MIT').length);
    expect(mit.some((p) => p.licenseDeclared === 'MIT') && mit.some((p) => p.licenseConcluded === 'MIT')).toBe(true);
    expect(shown('', { license: NO_LICENSE })).toHaveLength(Math.ceil(N / 7));
    expect(shown('', { withoutVersion: true })).toHaveLength(Math.ceil(N / 11));
    const both = shown('', { license: NO_LICENSE, withoutVersion: true, ecosystem: 'npm' });
    expect(both.length).toBe(DATA.filter((p, i) => i % 7 === 0 && i % 11 === 0 && p.ecosystem === 'npm').length);
    expect(both.every((p) => p.version === undefined && p.licenseConcluded === undefined && p.licenseDeclared === undefined)).toBe(true);
    expect(shown('pkg-0007', { ecosystem: 'deb' }).map((p) => p.name)).toEqual(['pkg-00073', 'pkg-00078']);
  });

  it('sorts by any column either way, natural order, packages without the value last', () => {
    const byVersion = shown('', {}, [{ id: 'version', desc: false }]);
    expect(byVersion[0]!.version).toBe('1.0.0');
    expect(byVersion.findIndex((p) => p.version === '1.1.0')).toBeLessThan(byVersion.findIndex((p) => p.version === '1.2.0'));
    expect(byVersion.findIndex((p) => p.version === '1.2.0')).toBeLessThan(byVersion.findIndex((p) => p.version === '1.10.0'));
    expect(byVersion.slice(-Math.ceil(N / 11)).every((p) => p.version === undefined)).toBe(true);
    const desc = shown('', {}, [{ id: 'license', desc: true }]);
    expect(desc[0]!.licenseConcluded ?? desc[0]!.licenseDeclared).toBe('MIT');
    expect(desc.at(-1)!.licenseConcluded ?? desc.at(-1)!.licenseDeclared).toBeUndefined();
    expect(shown('', {}, [{ id: 'name', desc: true }])[0]!.name).toBe('pkg-04999');
  });
});
