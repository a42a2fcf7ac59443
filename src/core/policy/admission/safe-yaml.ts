// YAML streams (policies, manifests) parsed in a safe mode: core schema, no custom tags, bounded size, depth and aliases.
import { isAlias, isCollection, isPair, isScalar, parseAllDocuments, type Alias, type Document, type Node } from 'yaml';
import { VerifyError } from '../../errors';
import { LIMITS } from '../../limits';
import type { JsonValue } from '../../encoding';

/** Tags a plain YAML 1.2 core-schema document may spell out; anything else is an application type and is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Indentation columns, flow brackets or compact "- " entries on one line beyond which the parser itself would recurse too deep. */
const PRE_SCAN_LIMIT = 256;

// Parse every document of a YAML stream into plain JSON values; empty documents are dropped.
export function parseYamlDocuments(text: string, what: string): JsonValue[] {
  if (text.length > LIMITS.yamlBytes) {
    throw new VerifyError('INPUT_TOO_LARGE', `${what} is ${text.length} characters; at most ${LIMITS.yamlBytes} are read`, { where: what, expected: `≤ ${LIMITS.yamlBytes} characters`, found: String(text.length) });
  }
  preScanNesting(text, what);
  const docs = parseAllDocuments(text, { schema: 'core', uniqueKeys: true, merge: false, strict: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > LIMITS.yamlDocuments) {
    throw new VerifyError('LIMIT_EXCEEDED', `${what} holds ${list.length} YAML documents; at most ${LIMITS.yamlDocuments} are read`, { where: what, expected: `≤ ${LIMITS.yamlDocuments}`, found: String(list.length) });
  }
  const out: JsonValue[] = [];
  for (const [i, doc] of list.entries()) {
    const where = `${what}, document ${i + 1}`;
    const error = doc.errors[0];
    if (error) throw yamlError(error.code, error.message, where);
    checkNodes(doc, where);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
    } catch (err) {
      throw new VerifyError('LIMIT_EXCEEDED', `${where}: aliases expand past ${LIMITS.yamlAliases} copies (${(err as Error).message.slice(0, 80)})`, { where, expected: `≤ ${LIMITS.yamlAliases} alias expansions` });
    }
    if (value !== null && value !== undefined) out.push(value as JsonValue);
  }
  return out;
}

// The parser's own errors as YAML_INVALID; its stack-exhaustion guard as LIMIT_EXCEEDED.
function yamlError(code: string, message: string, where: string): VerifyError {
  const first = message.split('\n')[0]!.slice(0, 160);
  if (code === 'RESOURCE_EXHAUSTION') return new VerifyError('LIMIT_EXCEEDED', `${where}: ${first}`, { where, expected: `nesting ≤ ${LIMITS.yamlDepth}` });
  return new VerifyError('YAML_INVALID', `${where}: ${first}`, { where, found: code });
}

// A cheap look at each line before parsing: deep indentation, flow brackets or "- - - …" chains are refused early,
// so a 1,000-deep document never reaches the recursive parser.
function preScanNesting(text: string, what: string): void {
  let flow = 0;
  let line = 1;
  let col = 0;
  let inLineStart = true;
  let dashes = 0;
  let quote: '"' | "'" | null = null;
  const refuse = (kind: string) => {
    throw new VerifyError('LIMIT_EXCEEDED', `${what}: ${kind} nested deeper than ${PRE_SCAN_LIMIT} at line ${line}`, { where: `${what}, line ${line}`, expected: `nesting ≤ ${LIMITS.yamlDepth}` });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      col = 0;
      dashes = 0;
      inLineStart = true;
      continue;
    }
    if (inLineStart) {
      if (ch === ' ') {
        if (++col > PRE_SCAN_LIMIT) refuse('indentation');
        continue;
      }
      if (ch === '-' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
        if (++dashes > PRE_SCAN_LIMIT) refuse('sequence entries');
        continue;
      }
      inLineStart = false;
    }
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      if (++flow > PRE_SCAN_LIMIT) refuse('flow collections');
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
}

// Walk the parsed tree without recursion: depth, node count, alias count and explicit tags are all bounded.
function checkNodes(doc: Document, where: string): void {
  let nodes = 0;
  const aliases: Alias[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (++nodes > LIMITS.yamlNodes) throw new VerifyError('LIMIT_EXCEEDED', `${where} has more than ${LIMITS.yamlNodes} YAML nodes`, { where, expected: `≤ ${LIMITS.yamlNodes}` });
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
      continue;
    }
    if (isAlias(node)) {
      aliases.push(node);
      if (aliases.length > LIMITS.yamlAliases) throw new VerifyError('LIMIT_EXCEEDED', `${where} uses more than ${LIMITS.yamlAliases} aliases`, { where, expected: `≤ ${LIMITS.yamlAliases} aliases` });
      continue;
    }
    const tag = (node as Node).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      throw new VerifyError('YAML_INVALID', `${where}: the tag ${JSON.stringify(tag.slice(0, 80))} is not a plain YAML type; custom tags are refused`, { where, expected: 'core-schema values (no custom tags)', found: tag.slice(0, 80) });
    }
    if (isScalar(node)) continue;
    if (isCollection(node)) {
      if (depth > LIMITS.yamlDepth) throw new VerifyError('LIMIT_EXCEEDED', `${where} nests deeper than ${LIMITS.yamlDepth} levels`, { where, expected: `≤ ${LIMITS.yamlDepth} levels` });
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  // A few aliases of a large anchor expand to many values: count what expansion would produce, before it happens.
  const sizes = new Map<unknown, number>();
  const expanded = aliases.reduce((total, a) => total + expandedSize(a.resolve(doc), doc, sizes), nodes);
  if (expanded > LIMITS.yamlNodes) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where}: aliases would expand to ${expanded} YAML nodes; at most ${LIMITS.yamlNodes} are read`, { where, expected: `≤ ${LIMITS.yamlNodes} nodes after alias expansion`, found: String(expanded) });
  }
}

// Nodes a value stands for once its aliases are expanded (memoised per node; depth is already bounded).
function expandedSize(node: unknown, doc: Document, sizes: Map<unknown, number>): number {
  if (node === null || node === undefined) return 0;
  const known = sizes.get(node);
  if (known !== undefined) return known;
  sizes.set(node, LIMITS.yamlNodes + 1);
  let size = 1;
  if (isAlias(node)) size = expandedSize(node.resolve(doc), doc, sizes);
  else if (isPair(node)) size = expandedSize(node.key, doc, sizes) + expandedSize(node.value, doc, sizes);
  else if (isCollection(node)) for (const item of node.items) size += expandedSize(item, doc, sizes);
  size = Math.min(size, LIMITS.yamlNodes + 1);
  sizes.set(node, size);
  return size;
}
