// Image manifests and indexes (OCI image spec v1.1 manifest.md, image-index.md, descriptor.md; Docker
// image manifest v2 schema 2 and manifest list), parsed defensively from untrusted bytes.
import { fromUtf8 } from '../core/encoding/bytes';
import { parseJson, type JsonObject, type JsonValue } from '../core/encoding/json';
import { JsonFields } from '../core/encoding/json-fields';
import { VerifyError } from '../core/errors';
import { isDigest } from './digest';
import { OCI_LIMITS } from './limits';
import { isIndexMediaType, isManifestMediaType, mediaTypeOf } from './media-types';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations: Record<string, string>;
  artifactType?: string;
  platform?: Platform;
}

interface ManifestCommon {
  mediaType: string;
  artifactType?: string;
  subject?: Descriptor;
  annotations: Record<string, string>;
}

export interface ImageManifest extends ManifestCommon {
  kind: 'manifest';
  config: Descriptor;
  layers: Descriptor[];
}

export interface ImageIndex extends ManifestCommon {
  kind: 'index';
  manifests: Descriptor[];
}

export type Manifest = ImageManifest | ImageIndex;

const fields = new JsonFields('OCI_MANIFEST_INVALID', 'OCI_MANIFEST_INVALID');

// Refuse a manifest with OCI_MANIFEST_INVALID.
function invalid(where: string, problem: string, found?: string): never {
  throw new VerifyError('OCI_MANIFEST_INVALID', `${where}: ${problem}`, { where, found });
}

// Parse manifest or index bytes; the media type comes from the document, else from the Content-Type.
export function parseManifest(bytes: Uint8Array, contentType: string | null, where: string): Manifest {
  const doc = fields.object(parseJson(fromUtf8(bytes, where), where, OCI_LIMITS.manifestBytes), where);
  if (fields.uint(doc.schemaVersion, `${where}.schemaVersion`) !== 2) invalid(where, 'schemaVersion is not 2', String(doc.schemaVersion));
  const mediaType = manifestMediaType(doc, mediaTypeOf(contentType), where);
  const common: ManifestCommon = { mediaType, annotations: annotationsOf(doc.annotations, `${where}.annotations`) };
  const artifactType = fields.optString(doc.artifactType, `${where}.artifactType`);
  if (artifactType !== undefined) common.artifactType = artifactType;
  if (doc.subject !== undefined) common.subject = parseDescriptor(doc.subject, `${where}.subject`);

  // A document must not read as both kinds (OCI image spec v1.0.2, GHSA-77vh-xpmg-72qh).
  if (isIndexMediaType(mediaType)) {
    if (doc.layers !== undefined || doc.config !== undefined) invalid(where, 'an index must not have "config" or "layers"');
    return { kind: 'index', ...common, manifests: descriptorList(doc.manifests, `${where}.manifests`) };
  }
  if (doc.manifests !== undefined) invalid(where, 'an image manifest must not have "manifests"');
  return { kind: 'manifest', ...common, config: parseDescriptor(doc.config, `${where}.config`), layers: descriptorList(doc.layers, `${where}.layers`) };
}

// The document's mediaType, which must agree with a manifest Content-Type when both are given.
function manifestMediaType(doc: JsonObject, contentType: string | undefined, where: string): string {
  const declared = fields.optString(doc.mediaType, `${where}.mediaType`);
  const served = contentType !== undefined && isManifestMediaType(contentType) ? contentType : undefined;
  const mediaType = declared ?? served;
  if (mediaType === undefined || !isManifestMediaType(mediaType)) invalid(where, 'the media type is not an OCI or Docker v2 manifest or index', mediaType ?? contentType);
  if (served !== undefined && served !== mediaType) invalid(where, `the document says ${mediaType} but was served as ${served}`, served);
  return mediaType;
}

// A bounded list of descriptors.
function descriptorList(value: JsonValue | undefined, where: string): Descriptor[] {
  return fields.array(value, where, OCI_LIMITS.descriptors).map((d, i) => parseDescriptor(d, `${where}[${i}]`));
}

// One content descriptor: media type, digest, size, and the optional annotations, artifactType and platform.
function parseDescriptor(value: JsonValue | undefined, where: string): Descriptor {
  const d = fields.object(value, where);
  const digest = fields.string(d.digest, `${where}.digest`);
  if (!isDigest(digest)) invalid(`${where}.digest`, 'is not a digest (algorithm:encoded)', digest.slice(0, 100));
  const descriptor: Descriptor = {
    mediaType: fields.string(d.mediaType, `${where}.mediaType`),
    digest,
    size: fields.uint(d.size, `${where}.size`),
    annotations: annotationsOf(d.annotations, `${where}.annotations`),
  };
  const artifactType = fields.optString(d.artifactType, `${where}.artifactType`);
  if (artifactType !== undefined) descriptor.artifactType = artifactType;
  const platform = fields.optObject(d.platform, `${where}.platform`);
  if (platform !== undefined) descriptor.platform = parsePlatform(platform, `${where}.platform`);
  return descriptor;
}

// A platform: os and architecture, with an optional variant.
function parsePlatform(p: JsonObject, where: string): Platform {
  const platform: Platform = { os: fields.string(p.os, `${where}.os`), architecture: fields.string(p.architecture, `${where}.architecture`) };
  const variant = fields.optString(p.variant, `${where}.variant`);
  if (variant !== undefined) platform.variant = variant;
  return platform;
}

// Annotations: a bounded map of strings to strings.
function annotationsOf(value: JsonValue | undefined, where: string): Record<string, string> {
  const map = fields.optObject(value, where) ?? {};
  const entries = Object.entries(map);
  if (entries.length > OCI_LIMITS.annotations) {
    throw new VerifyError('LIMIT_EXCEEDED', `${where} has ${entries.length} entries, over the limit of ${OCI_LIMITS.annotations}`, { where });
  }
  for (const [key, text] of entries) fields.string(text, `${where}[${JSON.stringify(key)}]`);
  return map as Record<string, string>;
}

// The runnable platforms of an index, leaving out BuildKit's attestation manifests (platform unknown/unknown).
export function platformsOf(index: ImageIndex): { digest: string; platform: Platform }[] {
  return index.manifests.flatMap((m) =>
    m.platform && m.annotations['vnd.docker.reference.type'] !== 'attestation-manifest' ? [{ digest: m.digest, platform: m.platform }] : [],
  );
}
