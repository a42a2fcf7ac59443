// The images to verify from `-f FILE` or `-f -`: one reference per line, or Kubernetes objects (a List, Pods,
// Deployments, CronJobs… as JSON or YAML, several YAML documents too) whose containers name their images.
import { UsageError } from './usage-error';

/** Bounds on hostile or accidental input: `kubectl get pods -A -o json` of a large cluster fits well inside. */
const MAX_IMAGES = 10_000;
const MAX_DEPTH = 64;
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

// Every image named by the text, in order of first appearance, each once.
export async function readImageList(text: string, where: string): Promise<string[]> {
  const trimmed = text.trimStart();
  const images = looksStructured(trimmed) ? imagesOfObjects(await parseDocuments(text, where), where) : imagesOfLines(text);
  const distinct = [...new Set(images)];
  if (distinct.length > MAX_IMAGES) throw new UsageError(`${where} names ${distinct.length} images, over the limit of ${MAX_IMAGES}`);
  return distinct;
}

// JSON, or YAML holding at least one `key:` line (a line list of references holds none).
function looksStructured(text: string): boolean {
  return text.startsWith('{') || text.startsWith('[') || /^(---|[A-Za-z_][\w.-]*:(\s|$))/m.test(text);
}

// One reference per line; blank lines and # comments skipped.
function imagesOfLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+#.*$|^#.*$/, '').trim())
    .filter((l) => l.length > 0);
}

// JSON is YAML: one parser for both, every document of a multi-document stream.
async function parseDocuments(text: string, where: string): Promise<unknown[]> {
  // Loaded only here: most runs never read YAML, and the command starts faster without it.
  // (yaml is CommonJS for Node: bundled, its exports arrive as the default export.)
  const yaml = await import('yaml');
  const { parseAllDocuments } = 'parseAllDocuments' in yaml ? yaml : (yaml as { default: typeof yaml }).default;
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const broken = list.find((d) => d.errors.length > 0);
  if (broken) throw new UsageError(`${where} is neither a list of image references nor readable JSON/YAML: ${broken.errors[0]!.message.split('\n')[0]}`);
  return list.map((d) => d.toJS({ maxAliasCount: 100 }));
}

// Walk the objects for pod specs (`containers`, `initContainers`, `ephemeralContainers` with an `image`).
function imagesOfObjects(docs: unknown[], where: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > MAX_DEPTH) throw new UsageError(`${where} nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const list of CONTAINER_LISTS) {
      const containers = obj[list];
      if (!Array.isArray(containers)) continue;
      for (const c of containers) {
        const image = (c as { image?: unknown } | null)?.image;
        if (typeof image === 'string' && image.length > 0) out.push(image);
      }
    }
    for (const [key, value] of Object.entries(obj)) if (key !== 'status') visit(value, depth + 1);
  };
  docs.forEach((d) => visit(d, 0));
  if (out.length === 0) throw new UsageError(`${where} holds no container images (looked for containers, initContainers and ephemeralContainers)`);
  return out;
}
