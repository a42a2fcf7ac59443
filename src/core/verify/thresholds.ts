// How much independent evidence a verification requires: constants the page's verifier options use too.

export interface Thresholds {
  /** Verified transparency-log entries required; 0 (cosign --insecure-ignore-tlog) is a weakening, shown as a warn step. */
  tlog: number;
  /** Verified timestamps (SET-backed integrated times and RFC 3161 tokens) required for certificates; 0 is a weakening. */
  timestamps: number;
  /** Verified SCTs from distinct CT logs required; 0 (cosign --insecure-ignore-sct) is a weakening. */
  sct: number;
}

/** The most any threshold may ask for: more entries, SCTs or timestamps than a bundle can carry is a mistake. */
export const MAX_THRESHOLD = 16;

export const DEFAULT_THRESHOLDS: Thresholds = { tlog: 1, timestamps: 1, sct: 1 };
