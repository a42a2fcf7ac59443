// Content addressing of the OCI image spec: digests, descriptors and the manifests built from them.
import { createHash } from 'node:crypto';

// Bytes backed by a plain ArrayBuffer, as fetch bodies require.
export type Bytes = Uint8Array<ArrayBuffer>;

// OCI image spec v1.1, descriptor.md "Platform".
export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

// OCI image spec v1.1, descriptor.md; fields in the order go-containerregistry (cosign, crane) writes them.
export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

// A manifest ready to push: its bytes, its descriptor, and everything it references that must be pushed first.
export interface BuiltManifest {
  bytes: Bytes;
  mediaType: string;
  digest: string;
  descriptor: Descriptor;
  blobs: Bytes[];
  children: BuiltManifest[];
}

// OCI image spec v1.1, descriptor.md "Digests": `sha256:` and the lowercase hex SHA-256 of the bytes.
export function sha256Digest(bytes: Bytes): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

// The descriptor of some bytes, with optional extra fields appended after mediaType, size and digest.
export function describeBytes(mediaType: string, bytes: Bytes, extra: Omit<Descriptor, 'mediaType' | 'size' | 'digest'> = {}): Descriptor {
  return { mediaType, size: bytes.length, digest: sha256Digest(bytes), ...extra };
}

// Compact JSON bytes, keys in insertion order (the bytes a registry stores and hashes).
export function jsonBytes(value: unknown): Bytes {
  return new TextEncoder().encode(JSON.stringify(value));
}

// A manifest object serialised and described, with its blobs and child manifests attached.
export function buildManifest(mediaType: string, manifest: object, blobs: Bytes[], children: BuiltManifest[] = [], extra: Omit<Descriptor, 'mediaType' | 'size' | 'digest'> = {}): BuiltManifest {
  const bytes = jsonBytes(manifest);
  const descriptor = describeBytes(mediaType, bytes, extra);
  return { bytes, mediaType, digest: descriptor.digest, descriptor, blobs, children };
}
