// OpenVEX documents (OpenVEX spec v0.2.0; v0.0.x string forms too) into the VEX view.
import type { JsonObject, JsonValue } from '../encoding';
import { arr, countRows, obj, optional, text, VIEW_LIMITS } from './bounded';
import type { VexStatement, VexView } from './view-model';

/** OpenVEX predicate types start with the namespace cosign's `openvex` alias names. */
export const OPENVEX_NAMESPACE = 'https://openvex.dev/ns';

// A vulnerability: { name, @id, aliases } (v0.2.0) or a bare string (v0.0.x).
function vulnerability(value: JsonValue | undefined): { name: string; aliases: string[] } {
  const o = obj(value);
  if (!o) return { name: text(value) ?? '(unnamed)', aliases: [] };
  return { name: text(o.name) ?? text(o['@id']) ?? '(unnamed)', aliases: arr(o.aliases).slice(0, 16).flatMap((a) => text(a) ?? []) };
}

// Products: { @id, identifiers.purl, subcomponents } or bare strings; subcomponents shown after a '›'.
function products(value: JsonValue | undefined): string[] {
  return arr(value).slice(0, 256).flatMap((p) => {
    const o = obj(p);
    if (!o) return text(p) ?? [];
    const id = text(o['@id']) ?? text(obj(o.identifiers)?.purl);
    if (id === undefined) return [];
    const subs = arr(o.subcomponents).slice(0, 32).flatMap((s) => text(obj(s)?.['@id']) ?? text(s) ?? []);
    return subs.length === 0 ? [id] : subs.map((s) => `${id} › ${s}`);
  });
}

// Read an OpenVEX document's statements.
export function readOpenVex(doc: JsonObject): VexView {
  const all = arr(doc.statements);
  const statements = all.slice(0, VIEW_LIMITS.rows).flatMap((s): VexStatement[] => {
    const o = obj(s);
    if (!o) return [];
    const v = vulnerability(o.vulnerability);
    return [
      {
        vulnerability: v.name,
        aliases: v.aliases,
        products: products(o.products),
        status: text(o.status, 64) ?? '(none)',
        ...optional('justification', text(o.justification, 128)),
        ...optional('impactStatement', text(o.impact_statement, VIEW_LIMITS.longTextChars)),
        ...optional('actionStatement', text(o.action_statement, VIEW_LIMITS.longTextChars)),
        ...optional('timestamp', text(o.timestamp, 64)),
      },
    ];
  });
  return {
    kind: 'openvex',
    ...optional('id', text(doc['@id'])),
    ...optional('author', text(doc.author)),
    ...optional('timestamp', text(doc.timestamp, 64)),
    ...optional('version', doc.version === undefined ? undefined : text(String(doc.version), 32)),
    statements,
    totalStatements: all.length,
    byStatus: countRows(statements.map((s) => s.status)),
  };
}
