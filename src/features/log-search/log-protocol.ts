// Messages between the Transparency log mode and its worker (structured-clone safe). The worker fetches, checks and
// decodes; the page receives only records and view models.
import type { VerificationPolicy, VerificationResult } from '../../core';
import type { EntryBodyView } from '../../audit';
import type { TrustedRootChoice } from '../../lib/trusted-root-choice';

/** What an index search looks for; a SAN is searched as the e-mail address it must be. */
export type LogQuery = { by: 'email' | 'san' | 'sha'; value: string } | { by: 'public-key'; format: 'pkix' | 'x509'; pem: string };

/** The log and the trust every request is made under. */
export interface LogTarget {
  logUrl: string;
  trustedRoot: TrustedRootChoice;
}

/** The artifact to check against an entry. */
export type LogArtifact = { kind: 'file'; file: File } | { kind: 'digest'; text: string };

export type LogRequest =
  | ({ type: 'log-search'; id: number; query: LogQuery } & LogTarget)
  /** Fetch (and check against its UUID) each of these entries, for one page of results. */
  | ({ type: 'log-page'; id: number; ids: string[] } & LogTarget)
  /** One entry by UUID, 80-hex entry ID or log index, checked with every step. */
  | ({ type: 'log-entry'; id: number; ref: string } & LogTarget)
  | ({ type: 'log-verify'; id: number; uuid: string; artifact: LogArtifact; policy: VerificationPolicy } & LogTarget);

/** One search result as listed: enough to choose it; opening it checks it fully. */
export type EntrySummary =
  | { id: string; uuid: string; logIndex: number; integratedTime: string | null; kind: string }
  | { id: string; error: string };

/** An entry as the entry view shows it. */
export interface EntryView {
  uuid: string;
  entryId: string;
  logIndex: number;
  integratedTime: string | null;
  kind: string;
  logUrl: string;
  body: EntryBodyView;
  /** The body as the log stored it. */
  bodyJson: unknown;
  /** Whether an artifact can be verified against this entry, and with which signer input. */
  verifiable: 'certificate' | 'public-key' | null;
  result: VerificationResult;
}

export type LogReply =
  | { type: 'search'; id: number; ids: string[]; caveat: string }
  | { type: 'page'; id: number; entries: EntrySummary[] }
  | { type: 'entry'; id: number; entry: EntryView }
  | { type: 'verified'; id: number; result: VerificationResult; artifactDigest: string }
  | { type: 'error'; id: number; message: string; code?: string };
