// What every SBOM view shows next to its table: counts per ecosystem and license, and the gaps.
import { countRows, VIEW_LIMITS } from './bounded';
import type { SbomPackage, SbomView } from './view-model';

export type SbomHead = Pick<SbomView, 'format' | 'specVersion' | 'documentName' | 'created' | 'creators'>;

// The license a package is shown and counted under: the concluded one, else the declared one.
export function effectiveLicense(p: SbomPackage): string | undefined {
  return p.licenseConcluded ?? p.licenseDeclared;
}

// Build the view from the document's head and all its packages (kept up to the package bound).
export function sbomView(head: SbomHead, all: SbomPackage[], embeddedAsString: boolean): SbomView {
  return {
    kind: 'sbom',
    ...head,
    embeddedAsString,
    packages: all.length > VIEW_LIMITS.packages ? all.slice(0, VIEW_LIMITS.packages) : all,
    totalPackages: all.length,
    ecosystems: countRows(all.map((p) => p.ecosystem)),
    licenses: countRows(all.flatMap((p) => effectiveLicense(p) ?? [])),
    withoutLicense: all.filter((p) => effectiveLicense(p) === undefined).length,
    withoutVersion: all.filter((p) => p.version === undefined).length,
  };
}
