// Serves a built single-page app from any file store: files by path, index.html for app routes,
// hashed assets cached for a year, everything else revalidated. Platform-neutral (WHATWG Request/Response).
import { contentTypeFor } from './content-types';
import { matchesIfNoneMatch, weakEtag } from './etag';
import type { Handler } from '../http/handler';
import { toRelativeFilePath } from './url-path';

export interface StaticFile {
  size: number;
  mtimeMs: number;
  read(): Promise<Uint8Array<ArrayBuffer>>;
}

// Where the files come from: a directory on disk in Node, anything else elsewhere.
export interface FileSource {
  /** The regular file at a '/'-separated path relative to the root, or null. */
  get(relativePath: string): Promise<StaticFile | null>;
}

export interface StaticHandlerOptions {
  files: FileSource;
}

const INDEX = 'index.html';
// Vite names every file here after its content hash, so a URL never changes meaning.
const ASSETS_PREFIX = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

// The handler for a directory of built files (the app adds the security headers).
export function createStaticHandler({ files }: StaticHandlerOptions): Handler {
  return (request) => respond(files, request);
}

// Answers one request.
async function respond(files: FileSource, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  const pathname = new URL(request.url).pathname;
  const found = await locate(files, pathname);
  if (!found) return plain(404, 'Not Found');

  const etag = weakEtag(found.file.size, found.file.mtimeMs);
  const headers = new Headers({
    'Content-Type': contentTypeFor(found.name),
    'Cache-Control': found.name.startsWith(ASSETS_PREFIX) ? IMMUTABLE : REVALIDATE,
    ETag: etag,
  });
  if (matchesIfNoneMatch(request.headers.get('If-None-Match'), etag)) return new Response(null, { status: 304, headers });
  if (request.method === 'HEAD') {
    headers.set('Content-Length', String(found.file.size));
    return new Response(null, { status: 200, headers });
  }
  const body = await found.file.read();
  headers.set('Content-Length', String(body.byteLength));
  return new Response(body, { status: 200, headers });
}

// The file a path names; an unknown path outside the assets is an app route and gets index.html.
async function locate(files: FileSource, pathname: string): Promise<{ name: string; file: StaticFile } | null> {
  const name = toRelativeFilePath(pathname);
  const file = name ? await files.get(name) : null;
  if (name && file) return { name, file };
  if (pathname.startsWith(`/${ASSETS_PREFIX}`)) return null;
  const index = await files.get(INDEX);
  return index && { name: INDEX, file: index };
}

// A short text/plain answer.
function plain(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}
