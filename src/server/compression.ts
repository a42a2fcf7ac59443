// On-the-fly compression of text responses for the Node adapter (node:zlib).
import type { Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;
// Below this many bytes the headers cost more than compression saves.
const MIN_BYTES = 1024;

// Whether a response's body is text worth compressing and not already encoded.
export function isCompressible(response: Response): boolean {
  const { headers } = response;
  const length = headers.get('Content-Length');
  return (
    response.body !== null &&
    COMPRESSIBLE.test(headers.get('Content-Type') ?? '') &&
    !headers.has('Content-Encoding') &&
    !/\bno-transform\b/.test(headers.get('Cache-Control') ?? '') &&
    (length === null || Number(length) >= MIN_BYTES)
  );
}

// The best encoding an Accept-Encoding header allows (q > 0), brotli first.
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

// A streaming compressor; brotli at a middle quality, fast enough to run on every request.
export function createEncoder(encoding: Encoding): Transform {
  return encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip({ level: 6 });
}
