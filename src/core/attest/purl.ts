// The ecosystem of a package URL: its type (purl spec: `pkg:type/namespace/name@version`).

// The purl type lower-cased (npm, pypi, golang, deb…), or 'unknown' when there is no valid purl.
export function purlEcosystem(purl: string | undefined): string {
  const m = purl === undefined ? null : /^pkg:\/*([A-Za-z][A-Za-z0-9.+-]{0,31})\//.exec(purl);
  return m ? m[1]!.toLowerCase() : 'unknown';
}
