// The TUF repositories Signet knows by name: a constant table the page may show without loading any trust code.
export interface TufRepository {
  name: 'public-good' | 'github' | 'staging';
  label: string;
  url: string;
  /** Whether Signet embeds this repository's root.json (the TUF client workflow's starting point, spec §5.2). */
  embeddedSeed: boolean;
}

export const PUBLIC_GOOD_TUF_URL = 'https://tuf-repo-cdn.sigstore.dev';

// Public-good first: only its root.json ships in @sigstore/tuf's seeds.json; the others need a root.json given.
export const TUF_REPOSITORIES: readonly TufRepository[] = [
  { name: 'public-good', label: 'Sigstore public-good instance', url: PUBLIC_GOOD_TUF_URL, embeddedSeed: true },
  { name: 'github', label: 'GitHub (attestations of private repositories)', url: 'https://tuf-repo.github.com', embeddedSeed: false },
  { name: 'staging', label: 'Sigstore staging instance', url: 'https://tuf-repo-cdn.sigstage.dev', embeddedSeed: false },
];
