// Built-in examples: real recorded production bundles that verify with no network at all.

export interface Example {
  id: string;
  title: string;
  description: string;
  /** Loads the bundle text on demand, so it is not part of the first page. */
  loadBundle: () => Promise<string>;
  digest: string;
  identity: string;
  issuer: string;
}

export const EXAMPLES: Example[] = [
  {
    id: 'dockerhub-buildkittest',
    title: 'docker.io/kasisubbarayudu/buildkittest',
    description:
      'A keyless cosign signature of a Docker Hub image (June 2026): Sigstore bundle v0.3, DSSE envelope, Rekor v1 entry with inclusion proof and checkpoint, RFC 3161 timestamp from the public-good TSA.',
    loadBundle: async () => JSON.stringify((await import('./dockerhub-buildkittest.sigstore.json')).default, null, 2),
    digest: 'sha256:20436a2b1237a073a1d8035342065b767923e7b884a41b049da8ca57f0ce7df2',
    identity: 'kasiramkompella@gmail.com',
    issuer: 'https://accounts.google.com',
  },
];
