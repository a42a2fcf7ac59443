// Verified TUF metadata kept between CLI runs: one directory per repository under the cache directory.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TufCache } from '../audit/tuf-refresh';

// The default cache directory: $XDG_CACHE_HOME/signet/tuf or ~/.cache/signet/tuf.
export function defaultTufCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'signet', 'tuf');
}

// A file cache under dir; a repository's files live in a directory named by the hash of its URL.
export function fileTufCache(dir: string): TufCache {
  const repoDir = (repository: string) => join(dir, createHash('sha256').update(repository).digest('hex').slice(0, 32));
  return {
    async read(repository, name) {
      try {
        return readFileSync(join(repoDir(repository), name), 'utf8');
      } catch {
        return undefined;
      }
    },
    async write(repository, name, text) {
      mkdirSync(repoDir(repository), { recursive: true });
      writeFileSync(join(repoDir(repository), name), text);
    },
  };
}
