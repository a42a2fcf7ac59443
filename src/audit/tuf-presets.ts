// The TUF repositories Signet knows (core's table), with the embedded seed root.json where there is one.
import { publicGoodTufSeed } from '../core/trust/public-good';
import { TUF_REPOSITORIES, type TufRepository } from '../core/trust/tuf-repositories';

export interface TufPreset extends TufRepository {
  /** The embedded seed root.json, where there is one. */
  seed?: { rootJson: string; source: string };
}

// Every preset, public-good first.
export function tufPresets(): TufPreset[] {
  const seed = publicGoodTufSeed();
  return TUF_REPOSITORIES.map((r) => (r.embeddedSeed && r.url === seed.url ? { ...r, seed: { rootJson: seed.rootJson, source: seed.source } } : { ...r }));
}
