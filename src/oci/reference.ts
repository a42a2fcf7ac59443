// Image references, parsed and normalised as Docker does: the distribution reference grammar
// (github.com/distribution/reference, reference.go) and Docker's normalisation (normalize.go).
import { VerifyError } from '../core/errors';
import { isSha256Digest } from './digest';

export interface ImageReference {
  registry: string;
  repository: string;
  tag?: string;
  /** When both are given the digest decides what is fetched; the tag is kept for display. */
  digest?: string;
  /** registry/repository[:tag][@digest] */
  canonical: string;
}

const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const DOCKER_HUB_API = 'https://registry-1.docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
/** NameTotalLengthMax of the reference grammar, applied to the normalised registry/repository. */
const NAME_TOTAL_LENGTH_MAX = 255;
/** Longer text is refused before any pattern runs on it. */
const REFERENCE_TEXT_MAX = 512;

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST_PATTERN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::([0-9]{1,5}))?$`);
const PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_PATTERN = /^\w[\w.-]{0,127}$/;
const IMAGE_ID_PATTERN = /^[a-f0-9]{64}$/;

// Refuse a reference with OCI_REFERENCE_INVALID, naming the problem.
function invalid(text: string, problem: string): never {
  throw new VerifyError('OCI_REFERENCE_INVALID', `image reference "${text.slice(0, 80)}": ${problem}`, {
    where: 'image reference',
    found: text.slice(0, 300),
  });
}

// Parse `[registry/]repository[:tag][@digest]` into its normalised parts (`ubuntu` → docker.io/library/ubuntu:latest).
export function parseImageReference(input: string): ImageReference {
  const text = input.trim();
  if (text.length === 0) invalid(text, 'it is empty');
  if (text.length > REFERENCE_TEXT_MAX) invalid(text, `it is ${text.length} characters, over the limit of ${REFERENCE_TEXT_MAX}`);
  if (IMAGE_ID_PATTERN.test(text)) invalid(text, 'a 64-character hexadecimal string is an image ID, not a repository name');

  const [nameAndTag = '', digest, extra] = text.split('@');
  if (extra !== undefined) invalid(text, 'it has more than one "@"');
  if (digest !== undefined && !isSha256Digest(digest)) invalid(text, `digest "${digest}" is not sha256: followed by 64 lower-case hex digits`);

  const tagColon = nameAndTag.lastIndexOf(':');
  const hasTag = tagColon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, tagColon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(tagColon + 1) : undefined;
  if (tag !== undefined && !isTag(tag)) invalid(text, `tag "${tag}" must be 1–128 letters, digits, "_", "." or "-", not starting with "." or "-"`);

  const { registry, repository } = splitRegistry(text, name);
  const reference: ImageReference = { registry, repository, canonical: '' };
  if (tag !== undefined || digest === undefined) reference.tag = tag ?? DEFAULT_TAG;
  if (digest !== undefined) reference.digest = digest;
  reference.canonical = `${registry}/${repository}${reference.tag ? `:${reference.tag}` : ''}${digest ? `@${digest}` : ''}`;
  return reference;
}

// Docker's splitDockerDomain: a first component with ".", ":", upper-case letters, or equal to
// "localhost" names the registry; anything else is a Docker Hub repository, under library/ when single.
function splitRegistry(text: string, name: string): { registry: string; repository: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const isRegistry = slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let registry = isRegistry ? first : DEFAULT_REGISTRY;
  let repository = isRegistry ? name.slice(slash + 1) : name;

  if (isRegistry) assertRegistry(text, registry);
  if (registry === LEGACY_DEFAULT_REGISTRY) registry = DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = OFFICIAL_REPOSITORY_PREFIX + repository;

  if (repository.length === 0 || repository === OFFICIAL_REPOSITORY_PREFIX) invalid(text, 'the repository name is empty');
  if (repository.toLowerCase() !== repository) invalid(text, 'repository names must be lower-case');
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT_PATTERN.test(component)) {
      invalid(text, `repository component "${component}" must be lower-case letters and digits, separated by one "." or "_", two "_", or dashes`);
    }
  }
  const fullName = `${registry}/${repository}`;
  if (fullName.length > NAME_TOTAL_LENGTH_MAX) invalid(text, `the name ${fullName.slice(0, 40)}… is ${fullName.length} characters, over the limit of ${NAME_TOTAL_LENGTH_MAX}`);
  return { registry, repository };
}

// A registry is a host name, IPv4 address or bracketed IPv6 address, with an optional port 1–65535.
function assertRegistry(text: string, registry: string): void {
  const match = HOST_PATTERN.exec(registry);
  if (!match) invalid(text, `registry "${registry}" is not a host name, IPv4 or [IPv6] address with an optional port`);
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) invalid(text, `registry port ${port} is outside 1–65535`);
}

// Whether text is a valid tag: 1–128 word characters, dots and dashes, not starting with either.
export function isTag(text: string): boolean {
  return TAG_PATTERN.test(text);
}

// Loopback registries (localhost, 127.0.0.0/8, [::1]), which Docker reaches over plain HTTP by default.
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : (registry.split(':')[0] ?? '');
  return host.toLowerCase() === 'localhost' || host === '[::1]' || /^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/.test(host);
}

// The base URL of a registry's API: Docker Hub's API host for docker.io, http:// where plainHttp allows it.
export function registryApiBase(registry: string, plainHttp: (registry: string) => boolean): string {
  if (registry === DEFAULT_REGISTRY) return DOCKER_HUB_API;
  return `${plainHttp(registry) ? 'http' : 'https'}://${registry}`;
}
