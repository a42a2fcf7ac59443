// The simplesigning payload cosign signs for an image (cosign signature spec; containers/image
// containers-signature(5)): {critical: {identity: {docker-reference}, image: {docker-manifest-digest}, type}, optional}.
import { LIMITS } from '../limits';
import { fromUtf8, JsonFields, parseJson, type JsonObject, type JsonValue } from '../encoding';

export const COSIGN_SIGNATURE_TYPE = 'cosign container image signature';

export interface SimpleSigningPayload {
  type: string;
  dockerManifestDigest: string;
  dockerReference: string;
  optional: JsonObject | null;
  /** The whole decoded document, for display. */
  json: JsonValue;
}

const f: JsonFields = new JsonFields('COSIGN_FORMAT_INVALID', 'COSIGN_FORMAT_INVALID');

// Parse the payload bytes; every path named as in the document (critical.image.docker-manifest-digest).
export function parseSimpleSigning(bytes: Uint8Array): SimpleSigningPayload {
  const json = parseJson(fromUtf8(bytes, 'simplesigning payload'), 'simplesigning payload', LIMITS.dssePayloadBytes);
  const root = f.object(json, 'simplesigning payload');
  const critical = f.object(root.critical, 'critical');
  const image = f.object(critical.image, 'critical.image');
  const identity = f.object(critical.identity, 'critical.identity');
  return {
    type: f.string(critical.type, 'critical.type'),
    dockerManifestDigest: f.string(image['docker-manifest-digest'], 'critical.image.docker-manifest-digest'),
    dockerReference: f.string(identity['docker-reference'], 'critical.identity.docker-reference'),
    optional: f.optObject(root.optional, 'optional') ?? null,
    json,
  };
}

const DOCKER_HUB = 'index.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'registry-1.docker.io', DOCKER_HUB]);

// A repository name in the form go-containerregistry's Repository.Name() gives (what cosign writes as
// docker-reference): tag and digest dropped, registry lower-cased, Docker Hub spelled index.docker.io
// with library/ for official images. undefined when the text names no repository.
export function normalizeRepository(reference: string): string | undefined {
  const noDigest = reference.trim().split('@')[0]!;
  const parts = noDigest.split('/');
  const last = parts.pop() ?? '';
  parts.push(last.split(':')[0]!);
  const first = parts[0]!;
  const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first.toLowerCase() : DOCKER_HUB;
  const path = hasRegistry ? parts.slice(1) : parts;
  if (path.length === 0 || path.some((p) => p === '' || /\s/.test(p))) return undefined;
  const hub = DOCKER_HUB_ALIASES.has(registry);
  return `${hub ? DOCKER_HUB : registry}/${hub && path.length === 1 ? 'library/' : ''}${path.join('/')}`;
}
