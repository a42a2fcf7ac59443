// The real-world corpus schema (../shared/corpus/README.md) and its loader.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusThresholds {
  tlog: number;
  ctlog: number;
  timestamp: number;
}

export interface CorpusCase {
  name: string;
  format: 'sigstore-bundle' | 'cosign-blob-bundle' | 'cosign-oci-layer';
  bundle: string | null;
  payload: string | null;
  annotations: string | null;
  image_digest: string | null;
  artifact: string | null;
  digest: string | null;
  identity: string | null;
  issuer: string | null;
  key: string | null;
  trusted_root: string;
  thresholds: CorpusThresholds | null;
  expect: 'pass' | 'fail';
  contested?: boolean;
  why?: string;
  notes?: string | null;
}

/** A verifier's judgement of one case: it agreed to verify, refused, or could not read the input at all. */
export type Judgement = { outcome: 'pass' } | { outcome: 'fail'; why: string } | { outcome: 'unreadable'; why: string };

// Read DIR/cases.json; every path in a case is relative to DIR.
export function loadCases(dir: string): { root: string; cases: CorpusCase[] } {
  const root = resolve(dir);
  return { root, cases: JSON.parse(readFileSync(join(root, 'cases.json'), 'utf8')) as CorpusCase[] };
}
