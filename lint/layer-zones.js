// An ESLint rule that keeps the layers apart: each zone names the files it governs and the project
// paths or packages those files may not import (the flat-config form of import/no-restricted-paths).
import path from 'node:path';

// A project path without its extension or trailing /index, so 'src/oci', 'src/oci/index.ts' and '../oci' compare equal.
function normalise(p) {
  return p
    .split(path.sep)
    .join('/')
    .replace(/\.(d\.ts|tsx?|mjs|cjs|jsx?|json)$/, '')
    .replace(/\/index$/, '');
}

// A glob ('*' for any run of characters) as regular-expression source, every other character literal.
function globSource(pattern) {
  return pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
}

// Whether one path segment matches a prefix segment, where '*' stands for any run of characters ('*-worker').
function segmentMatches(pattern, segment) {
  if (!pattern.includes('*')) return pattern === segment;
  return new RegExp(`^${globSource(pattern)}$`).test(segment ?? '');
}

// Whether a project path lies at or under a prefix; a '*' in a prefix segment matches any characters of one segment.
function within(p, prefix) {
  const a = p.split('/');
  const b = normalise(prefix).split('/');
  return b.length <= a.length && b.every((seg, i) => segmentMatches(seg, a[i]));
}

// Whether a bare specifier matches a package pattern ('react', 'react-*', '@tanstack/*', 'node:*').
function matchesPackage(spec, pattern) {
  const re = new RegExp(`^${globSource(pattern)}(/.*)?$`);
  return re.test(spec);
}

// Whether every name an import brings in is a type, so no code of the target module runs or ships.
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

// The first segment below a folder ('src/features/pin/x' under 'src/features' is 'pin').
function childOf(p, folder) {
  const rest = p.slice(normalise(folder).length + 1);
  return rest.split('/')[0];
}

// Why one import breaks a zone, or null when it does not.
function violation(zone, file, spec, resolved, isTypeOnly) {
  if (zone.allowTypeImports && isTypeOnly) return null;
  if (resolved === null) {
    return (zone.packages ?? []).some((pattern) => matchesPackage(spec, pattern)) ? zone.message : null;
  }
  if (zone.siblingsOf) {
    const folder = zone.siblingsOf;
    return within(resolved, folder) && childOf(resolved, folder) !== childOf(file, folder) ? zone.message : null;
  }
  // `only` names modules forbidden by themselves, not what lies under them ('src/core' is core's top-level index).
  const forbidden = (zone.from ?? []).some((p) => within(resolved, p)) || (zone.only ?? []).some((p) => resolved === normalise(p));
  const allowed = (zone.allow ?? []).some((p) => within(resolved, p));
  return forbidden && !allowed ? zone.message : null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports that cross a layer boundary the project forbids.' },
    schema: [{ type: 'array' }],
    messages: { zone: "'{{spec}}' is not allowed here: {{message}}" },
  },
  // Resolve each static or dynamic import of the file and report every zone it breaks.
  create(context) {
    const root = context.cwd;
    const file = normalise(path.relative(root, context.filename));
    const zones = (context.options[0] ?? []).filter((z) => z.target.some((t) => within(file, t)) && !(z.except ?? []).some((e) => within(file, e)));
    if (zones.length === 0) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const resolved = spec.startsWith('.') ? normalise(path.relative(root, path.resolve(path.dirname(context.filename), spec))) : null;
      const isTypeOnly = typeOnly(node);
      for (const zone of zones) {
        const message = violation(zone, file, spec, resolved, isTypeOnly);
        if (message) context.report({ node: source, messageId: 'zone', data: { spec, message } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
      'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0]?.type === 'Literal' ? node.arguments[0] : null),
    };
  },
};

export default { rules: { zones: rule } };
