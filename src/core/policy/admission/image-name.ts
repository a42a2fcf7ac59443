// Image references as each admission controller normalises them before matching its patterns.
import { VerifyError } from '../../errors';

/** A reference split into its parts, with no defaults applied. */
export interface ImageName {
  /** Absent when the reference names no registry (Docker Hub). */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const MAX_REFERENCE = 512;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const REGISTRY = /^(?:[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

// Split `registry/repo:tag@digest` by the Docker reference grammar (distribution/reference): the first path component
// is a registry when it holds "." or ":" or is "localhost".
export function splitImageName(reference: string): ImageName {
  const invalid = (why: string) =>
    new VerifyError('OCI_REFERENCE_INVALID', `not an image reference (${why}): ${JSON.stringify(reference.slice(0, 120))}`, { where: 'image reference', found: reference.slice(0, 120) });
  if (reference.length === 0 || reference.length > MAX_REFERENCE) throw invalid(`length ${reference.length}`);
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid('bad digest');
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!REGISTRY.test(first)) throw invalid('bad registry');
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalid('bad tag');
  }
  if (!REPOSITORY.test(rest)) throw invalid('bad repository');
  return { ...(registry ? { registry } : {}), repository: rest, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

// Kyverno's form: `docker.io` for Docker Hub without a `library/` prefix, tag `latest` by default, and the digest form
// (no tag) when a digest is given. Mirrors Kyverno's ImageInfo.String() in pkg/utils/image/infos.go.
export function kyvernoImageName(name: ImageName): string {
  const base = `${name.registry ?? 'docker.io'}/${name.repository}`;
  return name.digest ? `${base}@${name.digest}` : `${base}:${name.tag ?? 'latest'}`;
}

// go-containerregistry's Name() as policy-controller matches it: `index.docker.io` for Docker Hub, `library/` for
// single-component names there, `:latest` by default, `@digest` for digests (name.ParseReference, pkg/name).
export function containerRegistryName(name: ImageName): string {
  const registry = name.registry === undefined || name.registry === 'docker.io' ? 'index.docker.io' : name.registry;
  const repository = registry === 'index.docker.io' && !name.repository.includes('/') ? `library/${name.repository}` : name.repository;
  const base = `${registry}/${repository}`;
  return name.digest ? `${base}@${name.digest}` : `${base}:${name.tag ?? 'latest'}`;
}
