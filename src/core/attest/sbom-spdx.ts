// SPDX 2.2 / 2.3 JSON documents (SPDX spec 2.3 §7 package information) into the SBOM view.
import type { JsonObject } from '../encoding';
import { arr, obj, optional, text } from './bounded';
import { purlEcosystem } from './purl';
import { sbomView } from './sbom-summary';
import type { SbomPackage, SbomView } from './view-model';

// Whether a JSON object is an SPDX SBOM.
export function isSpdxDocument(doc: JsonObject): boolean {
  return typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-');
}

// NOASSERTION and NONE say there is no license (SPDX 2.3 §7.13, §7.15); anything else is an SPDX expression.
function license(value: JsonObject[string] | undefined): string | undefined {
  const v = text(value);
  return v === undefined || v === 'NOASSERTION' || v === 'NONE' ? undefined : v;
}

// "Organization: ACME" / "Person: Jane" (SPDX 2.3 §7.5) without its prefix; NOASSERTION is no supplier.
function supplier(value: JsonObject[string] | undefined): string | undefined {
  const v = text(value);
  if (v === undefined || v === 'NOASSERTION') return undefined;
  return v.replace(/^(Organization|Person|Tool):\s*/, '');
}

// The package's purl: the first PACKAGE-MANAGER (2.3) / PACKAGE_MANAGER (2.2) external reference of type purl.
function purlOf(pkg: JsonObject): string | undefined {
  for (const ref of arr(pkg.externalRefs)) {
    const r = obj(ref);
    if (r && r.referenceType === 'purl') return text(r.referenceLocator);
  }
  return undefined;
}

// Read an SPDX document's packages and creation information.
export function readSpdx(doc: JsonObject, embeddedAsString: boolean): SbomView {
  const packages: SbomPackage[] = arr(doc.packages).flatMap((value, i) => {
    const p = obj(value);
    if (!p) return [];
    const purl = purlOf(p);
    const row: SbomPackage = { id: text(p.SPDXID) ?? `#${i}`, name: text(p.name) ?? '(unnamed)', ecosystem: purlEcosystem(purl) };
    const version = text(p.versionInfo);
    if (version !== undefined) row.version = version;
    if (purl !== undefined) row.purl = purl;
    const s = supplier(p.supplier) ?? supplier(p.originator);
    if (s !== undefined) row.supplier = s;
    const concluded = license(p.licenseConcluded);
    if (concluded !== undefined) row.licenseConcluded = concluded;
    const declared = license(p.licenseDeclared);
    if (declared !== undefined) row.licenseDeclared = declared;
    return [row];
  });
  const info = obj(doc.creationInfo);
  return sbomView(
    {
      format: 'SPDX',
      specVersion: text(doc.spdxVersion, 32)!,
      ...optional('documentName', text(doc.name)),
      ...optional('created', text(info?.created, 64)),
      creators: arr(info?.creators).slice(0, 32).flatMap((c) => text(c) ?? []),
    },
    packages,
    embeddedAsString,
  );
}
