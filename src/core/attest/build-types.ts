// Names for the SLSA build types people meet most (each defined by its builder's published build type).

const EXACT: Record<string, string> = {
  'https://actions.github.io/buildtypes/workflow/v1': 'GitHub Actions workflow',
  'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1': 'slsa-github-generator (GitHub Actions workflow)',
  'https://github.com/npm/cli/gha/v2': 'npm (GitHub Actions)',
  'https://github.com/npm/cli/gha@v1': 'npm (GitHub Actions)',
  'https://slsa-framework.github.io/gcb-buildtypes/triggered-build/v1': 'Google Cloud Build',
};

const PREFIXES: [string, string][] = [
  ['https://github.com/slsa-framework/slsa-github-generator/', 'slsa-github-generator'],
  ['https://github.com/npm/cli/', 'npm'],
  ['https://cloudbuild.googleapis.com/', 'Google Cloud Build'],
];

// The known name of a build type URI, or undefined.
export function buildTypeName(buildType: string | undefined): string | undefined {
  if (buildType === undefined) return undefined;
  return EXACT[buildType] ?? PREFIXES.find(([prefix]) => buildType.startsWith(prefix))?.[1];
}
