// A FileSource reading a directory on disk; every path is resolved (symbolic links too) and must stay inside it.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileSource, StaticFile } from './static-handler';

// Errors that only mean "there is no such file here".
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP']);

// The files below root.
export function createNodeFileSource(root: string): FileSource {
  const base = resolve(root);
  return {
    // The regular file at relativePath, or null when missing or outside root.
    async get(relativePath: string): Promise<StaticFile | null> {
      if (!isInside(base, resolve(base, relativePath))) return null;
      try {
        const [realBase, realPath] = await Promise.all([realpath(base), realpath(resolve(base, relativePath))]);
        if (!isInside(realBase, realPath)) return null;
        const info = await stat(realPath);
        if (!info.isFile()) return null;
        return { size: info.size, mtimeMs: info.mtimeMs, read: () => readFile(realPath) };
      } catch (error) {
        if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return null;
        throw error;
      }
    },
  };
}

// Whether path lies strictly below base.
function isInside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
