// The TUF repositories Signet knows: Sigstore public-good (seed embedded), GitHub's and Sigstore staging.
// Only the public-good root.json ships in @sigstore/tuf's seeds.json; the others need a root.json given.
import { publicGoodTufSeed } from '../core';

export interface TufPreset {
  name: 'public-good' | 'github' | 'staging';
  label: string;
  url: string;
  /** The embedded seed root.json, where there is one. */
  seed?: { rootJson: string; source: string };
}

// Every preset, public-good first.
export function tufPresets(): TufPreset[] {
  const seed = publicGoodTufSeed();
  return [
    { name: 'public-good', label: 'Sigstore public-good instance', url: seed.url, seed: { rootJson: seed.rootJson, source: seed.source } },
    { name: 'github', label: 'GitHub (attestations of private repositories)', url: 'https://tuf-repo.github.com' },
    { name: 'staging', label: 'Sigstore staging instance', url: 'https://tuf-repo-cdn.sigstage.dev' },
  ];
}
