// Maps a URL path to a path relative to the served root, refusing anything that could step outside it.

// Characters no served file name contains: slashes smuggled in by percent-encoding, backslashes, NUL and controls.
const FORBIDDEN = /[/\\\u0000-\u001f\u007f]/;

// The decoded segments joined by '/', or null when a segment is a dot segment, hidden, malformed or holds a forbidden character.
export function toRelativeFilePath(pathname: string): string | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || FORBIDDEN.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}
