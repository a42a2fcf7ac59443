// CycloneDX 1.4–1.6 JSON BOMs (CycloneDX JSON schema: components, licenses, metadata) into the SBOM view.
import type { JsonObject, JsonValue } from '../encoding';
import { arr, obj, optional, text, VIEW_LIMITS } from './bounded';
import { purlEcosystem } from './purl';
import { sbomView } from './sbom-summary';
import type { SbomPackage, SbomView } from './view-model';

// Whether a JSON object is a CycloneDX BOM.
export function isCycloneDxBom(doc: JsonObject): boolean {
  return doc.bomFormat === 'CycloneDX';
}

// A license choice list: SPDX ids, names and expressions, split by CycloneDX 1.6 `acknowledgement`
// (declared | concluded); entries without one count as declared.
function licenses(value: JsonValue | undefined): { concluded?: string; declared?: string } {
  const concluded: string[] = [];
  const declared: string[] = [];
  for (const entry of arr(value).slice(0, 64)) {
    const e = obj(entry);
    if (!e) continue;
    const l = obj(e.license);
    const name = text(e.expression) ?? text(l?.id) ?? text(l?.name);
    if (name === undefined) continue;
    ((e.acknowledgement ?? l?.acknowledgement) === 'concluded' ? concluded : declared).push(name);
  }
  const join = (names: string[]) => (names.length === 0 ? undefined : names.length === 1 ? names[0] : names.map((n) => (/\s/.test(n) ? `(${n})` : n)).join(' AND '));
  return { ...optional('concluded', join(concluded)), ...optional('declared', join(declared)) };
}

// supplier.name, else the manufacturer, publisher or author.
function supplierOf(c: JsonObject): string | undefined {
  return text(obj(c.supplier)?.name) ?? text(obj(c.manufacturer)?.name) ?? text(c.publisher) ?? text(c.author);
}

// Every component, nested ones included, depth first, without recursion.
function allComponents(root: JsonValue | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: JsonValue[] = [...arr(root)].reverse();
  while (stack.length > 0 && out.length <= VIEW_LIMITS.packages) {
    const c = obj(stack.pop());
    if (!c) continue;
    out.push(c);
    stack.push(...[...arr(c.components)].reverse());
  }
  return out;
}

// Read a BOM's components and metadata.
export function readCycloneDx(doc: JsonObject, embeddedAsString: boolean): SbomView {
  const packages = allComponents(doc.components).map((c, i): SbomPackage => {
    const purl = text(c.purl);
    const group = text(c.group);
    const name = text(c.name) ?? '(unnamed)';
    const { concluded, declared } = licenses(c.licenses);
    return {
      id: text(c['bom-ref']) ?? `#${i}`,
      name: group ? `${group}/${name}` : name,
      ecosystem: purlEcosystem(purl),
      ...optional('version', text(c.version)),
      ...optional('purl', purl),
      ...optional('supplier', supplierOf(c)),
      ...optional('licenseConcluded', concluded),
      ...optional('licenseDeclared', declared),
    };
  });
  const meta = obj(doc.metadata);
  const tools = meta?.tools;
  // 1.4: tools is an array of { vendor, name, version }; 1.5+: { components: [...], services: [...] }.
  const toolList = Array.isArray(tools) ? tools : [...arr(obj(tools)?.components), ...arr(obj(tools)?.services)];
  return sbomView(
    {
      format: 'CycloneDX',
      specVersion: text(doc.specVersion, 32) ?? '(none)',
      ...optional('documentName', text(obj(meta?.component)?.name)),
      ...optional('created', text(meta?.timestamp, 64)),
      creators: toolList.slice(0, 32).flatMap((t) => {
        const o = obj(t);
        const name = o && (text(o.name) ?? text(o.vendor));
        return name ? [`Tool: ${name}${o && text(o.version, 64) ? `-${text(o.version, 64)}` : ''}`] : [];
      }),
    },
    packages,
    embeddedAsString,
  );
}
