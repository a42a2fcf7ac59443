// The Sigstore public-good trusted root, embedded at build time from @sigstore/tuf's TUF seed.
import seeds from '@sigstore/tuf/seeds.json';
import tufPackage from '@sigstore/tuf/package.json';
import { fromBase64, fromUtf8 } from '../encoding';
import { parseTrustedRoot } from './parse-trusted-root';
import type { TrustedRoot } from './types';
import { PUBLIC_GOOD_TUF_URL as TUF_REPOSITORY } from './tuf-repositories';

let cached: TrustedRoot | undefined;

/** The TUF repository of the public-good instance and the root.json the client workflow starts from. */
export interface TufSeed {
  url: string;
  rootJson: string;
  /** The embedded trusted_root.json target, as the seed carries it. */
  trustedRootJson: string;
  /** Where the seed comes from, for labels. */
  source: string;
}

// The public-good TUF seed embedded at build time: root.json from @sigstore/tuf's seeds.json.
export function publicGoodTufSeed(): TufSeed {
  const repo = (seeds as Record<string, { 'root.json': string; targets: Record<string, string> }>)[TUF_REPOSITORY];
  const target = repo?.targets['trusted_root.json'];
  if (!repo || !target) throw new Error(`@sigstore/tuf seeds.json has no root for ${TUF_REPOSITORY}`);
  return {
    url: TUF_REPOSITORY,
    rootJson: fromUtf8(fromBase64(repo['root.json']), 'embedded TUF root'),
    trustedRootJson: fromUtf8(fromBase64(target), 'embedded trusted root'),
    source: `@sigstore/tuf ${tufPackage.version} seeds.json`,
  };
}

// The embedded public-good root, parsed once.
export function publicGoodTrustedRoot(): TrustedRoot {
  if (!cached) {
    const repo = (seeds as Record<string, { targets: Record<string, string> }>)[TUF_REPOSITORY];
    const target = repo?.targets['trusted_root.json'];
    if (!target) throw new Error(`@sigstore/tuf seeds.json has no trusted_root.json for ${TUF_REPOSITORY}`);
    cached = parseTrustedRoot(fromUtf8(fromBase64(target), 'embedded trusted root'), {
      name: 'Sigstore public-good instance',
      description: `trusted_root.json of the TUF repository ${TUF_REPOSITORY}, embedded from @sigstore/tuf ${tufPackage.version} (seeds.json)`,
    });
  }
  return cached;
}
