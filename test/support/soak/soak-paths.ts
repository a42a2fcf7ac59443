// What the soak upstream serves and reports, shared by the upstream process and the soak driver.

export const SOAK_PATHS = {
  /** A body dripped slowly with no end (an upstream that is slow on purpose). */
  drip: `/v2/soak/app/blobs/sha256:${'d'.repeat(64)}`,
  /** A large body sent as fast as it is read (for clients that stop reading). */
  big: `/v2/soak/app/blobs/sha256:${'b'.repeat(64)}`,
  /** A small manifest answered at once: the normal request. */
  manifest: '/v2/soak/app/manifests/v1',
  bigBytes: 16 * 1024 * 1024,
} as const;

/** The normal request's answer. */
export const MANIFEST_BODY = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}';

/** The upstream's count of slow answers open and closed. */
export interface UpstreamStats {
  dripsOpen: number;
  dripsClosed: number;
  bigOpen: number;
  bigClosed: number;
}

/** What the timing client reports: each normal request's time to its last byte (ms), what was wrong with any answer, and the client's own largest event-loop delay (ms). */
export interface NormalStats {
  ms: number[];
  wrong: string[];
  loopDelayMax: number;
}
