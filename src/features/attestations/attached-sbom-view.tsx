// An SBOM attached with `cosign attach sbom`: its view, under the warning that nothing vouches for it.
import type { PredicateView } from '../../core';
import { JsonTreeView } from './json-tree-view';
import { SbomView } from './sbom-view';

// The warning, then the SBOM table (or the JSON tree when it is not SPDX or CycloneDX JSON).
export function AttachedSbomView({ view }: { view: PredicateView }) {
  return (
    <div className="mt-3 grid gap-3">
      <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">! Nothing vouches for this document: it is stored next to the image, not signed.</p>
      {view.kind === 'sbom' ? <SbomView sbom={view} /> : view.kind === 'json' ? <JsonTreeView tree={view} /> : null}
    </div>
  );
}
