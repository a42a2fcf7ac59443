// Validators for conditional requests (RFC 9110 §8.8.3, §13.1.2).

// A weak entity tag from size and modification time: cheap, and still valid when the body is compressed.
export function weakEtag(size: number, mtimeMs: number): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

// Whether an If-None-Match header names this entity tag (weak comparison) or is "*".
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  // The tag without its weakness marker.
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
