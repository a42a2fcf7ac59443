// The containers a Kubernetes manifest would run: Pods, workload templates, multi-document YAML and Lists.
import { VerifyError } from '../../errors';
import { LIMITS } from '../../limits';
import type { JsonObject, JsonValue } from '../../encoding';
import { FieldReader } from './fields';
import { parseYamlDocuments } from './safe-yaml';
import type { ContainerRef } from './types';

const f = new FieldReader('MANIFEST_INVALID');

/** Where each workload kind keeps its pod spec (Kubernetes API reference, apps/v1 and batch/v1). */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The three container lists of a pod spec, in the order the kubelet starts them. */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface ManifestContainers {
  containers: ContainerRef[];
  /** Resources that run no containers (a Service, a ConfigMap), named so the user sees they were read. */
  skipped: string[];
  /** The workload kinds, for Kyverno's `match.resources.kinds`. */
  kinds: Record<string, string>;
}

// Every container of every workload in a YAML stream, bounded in count.
export function parseManifest(text: string): ManifestContainers {
  const out: ManifestContainers = { containers: [], skipped: [], kinds: {} };
  for (const [i, doc] of parseYamlDocuments(text, 'manifest').entries()) addResource(doc, `document ${i + 1}`, out, 0);
  if (out.containers.length === 0) {
    throw new VerifyError('MANIFEST_INVALID', `the manifest runs no containers${out.skipped.length ? ` (read: ${out.skipped.slice(0, 5).join(', ')})` : ''}`, { where: 'manifest', expected: 'a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or a List of them' });
  }
  return out;
}

// One resource, or each item of a List.
function addResource(doc: JsonValue, where: string, out: ManifestContainers, depth: number): void {
  const resource = f.object(doc, where);
  const kind = f.string(resource.kind, `${where}.kind`);
  if (kind === 'List' || kind.endsWith('List')) {
    if (depth > 0) f.fail(`${where}.kind`, 'a resource inside a List, not another List', kind);
    for (const [i, item] of f.optArray(resource.items, `${where}.items`, LIMITS.yamlDocuments * 4).entries()) addResource(item, `${where}.items[${i}]`, out, depth + 1);
    return;
  }
  const name = f.optString(f.optObject(resource.metadata, `${where}.metadata`)?.name, `${where}.metadata.name`) ?? '(unnamed)';
  const label = `${kind}/${name}`;
  const path = POD_SPEC_PATHS[kind];
  if (!path) {
    out.skipped.push(label);
    return;
  }
  let spec: JsonObject = resource;
  for (const [i, key] of path.entries()) spec = f.object(spec[key], `${label}: ${path.slice(0, i + 1).join('.')}`);
  out.kinds[label] = kind;
  for (const list of CONTAINER_LISTS) {
    for (const [i, c] of f.optArray(spec[list], `${label}: ${path.join('.')}.${list}`, LIMITS.admissionContainers).entries()) {
      const at = `${path.join('.')}.${list}[${i}]`;
      const container = f.object(c, `${label}: ${at}`);
      if (out.containers.length >= LIMITS.admissionContainers) {
        throw new VerifyError('LIMIT_EXCEEDED', `the manifest runs more than ${LIMITS.admissionContainers} containers; at most ${LIMITS.admissionContainers} are evaluated`, { where: `${label}: ${at}`, expected: `≤ ${LIMITS.admissionContainers} containers` });
      }
      out.containers.push({
        resource: label,
        path: at,
        name: f.optString(container.name, `${label}: ${at}.name`) ?? `#${i}`,
        image: f.string(container.image, `${label}: ${at}.image`),
      });
    }
  }
}

// Image references given directly: each as the only container of a Pod.
export function containersOfImages(images: string[]): ContainerRef[] {
  if (images.length > LIMITS.admissionContainers) {
    throw new VerifyError('LIMIT_EXCEEDED', `${images.length} images given; at most ${LIMITS.admissionContainers} are evaluated`, { where: 'images', expected: `≤ ${LIMITS.admissionContainers}` });
  }
  return images.map((image, i) => ({ resource: `image ${i + 1}`, path: 'spec.containers[0]', name: `image-${i + 1}`, image }));
}
